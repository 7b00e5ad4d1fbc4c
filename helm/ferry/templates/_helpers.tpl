{{/*
Chart name, shortened to 63 characters because some Kubernetes name fields are limited to that.
*/}}
{{- define "ferry.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name. A release named after the chart is not repeated ("ferry", not "ferry-ferry").
*/}}
{{- define "ferry.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ferry.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels shared by everything the chart creates, except the test pod's selector-relevant ones.
*/}}
{{- define "ferry.commonLabels" -}}
helm.sh/chart: {{ include "ferry.chart" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: ferry
{{- end }}

{{- define "ferry.labels" -}}
{{ include "ferry.commonLabels" . }}
app.kubernetes.io/name: {{ include "ferry.name" . }}
app.kubernetes.io/component: server
{{- end }}

{{/*
Selects the service pods. The test pod carries a different component, so the Service, the PDB and
the autoscaler never count it.
*/}}
{{- define "ferry.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ferry.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{- define "ferry.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ferry.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "ferry.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
Credential references: each credential comes either from the chart's Secret or from a Secret the
operator manages, never from the ConfigMap.
*/}}
{{- define "ferry.secretName" -}}
{{- include "ferry.fullname" . }}
{{- end }}

{{- define "ferry.database.passwordSecretName" -}}
{{- .Values.database.existingSecret | default (include "ferry.secretName" .) }}
{{- end }}

{{- define "ferry.database.passwordSecretKey" -}}
{{- $key := .Values.database.existingSecretPasswordKey }}
{{- ternary $key "database-password" (not (empty .Values.database.existingSecret)) }}
{{- end }}

{{- define "ferry.oidc.clientSecretName" -}}
{{- .Values.oidc.existingSecret | default (include "ferry.secretName" .) }}
{{- end }}

{{- define "ferry.oidc.clientSecretKey" -}}
{{- $key := .Values.oidc.existingSecretClientSecretKey }}
{{- ternary $key "oidc-client-secret" (not (empty .Values.oidc.existingSecret)) }}
{{- end }}

{{- define "ferry.vault.secretName" -}}
{{- .Values.vault.existingSecret | default (include "ferry.secretName" .) }}
{{- end }}

{{- define "ferry.vault.secretKey" -}}
{{- ternary .Values.vault.existingSecretKeysKey "vault-keys" (not (empty .Values.vault.existingSecret)) }}
{{- end }}

{{/*
True when at least one credential is given as a value, so the chart has to create its Secret.
*/}}
{{- define "ferry.createSecret" -}}
{{- $v := .Values }}
{{- if not (and $v.database.existingSecret $v.oidc.existingSecret $v.vault.existingSecret) }}true{{ end }}
{{- end }}

{{/*
Vault keys in the service's format, `id:BASE64,id:BASE64`, ordered by id so the Secret (and thus its
checksum) is stable between renders.
*/}}
{{- define "ferry.vault.keyList" -}}
{{- $pairs := list }}
{{- range $id, $key := .Values.vault.keys }}
{{- $pairs = append $pairs (printf "%s:%s" $id $key) }}
{{- end }}
{{- join "," $pairs }}
{{- end }}

{{/*
FERRY_EXTERNAL_BASE_URL: the explicit value, else the first ingress host.
*/}}
{{- define "ferry.externalBaseUrl" -}}
{{- if .Values.externalBaseUrl }}
{{- .Values.externalBaseUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- $tls := false }}
{{- range .Values.ingress.tls }}
{{- if has $host (.hosts | default list) }}{{ $tls = true }}{{ end }}
{{- end }}
{{- printf "%s://%s" (ternary "https" "http" $tls) $host }}
{{- end }}
{{- end }}

{{/*
Fewest pods that run at once; decides whether a PodDisruptionBudget makes sense.
*/}}
{{- define "ferry.minReplicas" -}}
{{- ternary .Values.autoscaling.minReplicas .Values.replicaCount .Values.autoscaling.enabled }}
{{- end }}

{{/*
Stops rendering with a clear message when a required setting is missing. In `helm lint`, `required`
only warns, so the chart still lints with its bare defaults.
*/}}
{{- define "ferry.validate" -}}
{{- $v := .Values }}
{{- $_ := required "database.jdbcUrl is required" $v.database.jdbcUrl }}
{{- $_ = required "database.username is required" $v.database.username }}
{{- $_ = required "database.password or database.existingSecret is required"
      (or $v.database.password $v.database.existingSecret) }}
{{- $_ = required "oidc.authServerUrl is required" $v.oidc.authServerUrl }}
{{- $_ = required "oidc.clientSecret or oidc.existingSecret is required"
      (or $v.oidc.clientSecret $v.oidc.existingSecret) }}
{{- $_ = required "vault.activeKeyId is required" $v.vault.activeKeyId }}
{{- if not $v.vault.existingSecret }}
{{- $_ = required "vault.keys or vault.existingSecret is required" ($v.vault.keys | default dict | keys | first) }}
{{- if and $v.vault.keys (not (hasKey $v.vault.keys $v.vault.activeKeyId)) }}
{{- fail (printf "vault.activeKeyId %q is not one of the ids in vault.keys" $v.vault.activeKeyId) }}
{{- end }}
{{- end }}
{{- if and $v.autoscaling.enabled (gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) }}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas" }}
{{- end }}
{{- end }}
