package dev.ferry.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specification of the Helm chart in helm/ferry, checked offline: helm-java lints and renders the chart, and every
 * rendered object must read as its Kubernetes API type with no unknown field.
 */
class HelmChartTest {

    private static final Path PROJECT_DIR = projectDir();
    private static final Path CHART = PROJECT_DIR.resolve("helm/ferry");
    private static final Path VALUES_DIR = PROJECT_DIR.resolve("src/test/resources/helm");
    private static final String RELEASE = "ferry";
    private static final String NAMESPACE = "ferry-test";

    // The credentials written in minimal.yaml; they may appear in the chart's Secret and nowhere else.
    private static final String DB_PASSWORD = "db-password-4f7c21";
    private static final String OIDC_SECRET = "oidc-client-secret-9a2e55";
    private static final String VAULT_KEY_1 = "7HfLusKZw/ewal/NVXpIFyHM/rZrIMTiLv0jFgG0zy8=";
    private static final String VAULT_KEY_2 = "rtNP9SuJZI1gFwqZn0UoNDGyyuQyToFW9UrpIjx/orw=";
    private static final String VAULT_KEY_LIST = "k1:" + VAULT_KEY_1 + ",k2:" + VAULT_KEY_2;

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Pod", Pod.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final String TEST_HOOK = "\"helm.sh/hook\": test";
    private static final ObjectMapper STRICT = strictMapper();
    private static final Map<ValueSet, Rendered> RENDERED = new ConcurrentHashMap<>();

    /** The value sets every rendered manifest is checked with. */
    enum ValueSet {
        MINIMAL("minimal.yaml"),
        EXISTING_SECRETS("existing-secrets.yaml"),
        INGRESS_WITH_TLS("minimal.yaml", "ingress-tls.yaml"),
        THREE_REPLICAS_WITH_AUTOSCALING("minimal.yaml", "high-availability.yaml");

        private final List<String> files;

        ValueSet(String... files) {
            this.files = List.of(files);
        }

        Rendered render() {
            return RENDERED.computeIfAbsent(this, set -> HelmChartTest.render(set.files, Map.of()));
        }
    }

    @Test
    void shouldPassStrictLint() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.getMessages())
                .as("lint messages")
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
        assertThat(result.isFailed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void shouldRenderOnlyObjectsKubernetesAccepts(ValueSet values) {
        Rendered rendered = values.render();

        assertThat(rendered.manifests()).isNotEmpty();
        assertThat(rendered.all(Deployment.class)).hasSize(1);
        assertThat(rendered.all(Service.class)).hasSize(1);
        assertThat(rendered.all(ConfigMap.class)).hasSize(1);
        assertThat(rendered.all(ServiceAccount.class)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void shouldProbeQuarkusHealthEndpoints(ValueSet values) {
        Container container = values.render().container();

        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertProbe(container.getStartupProbe(), "/q/health/started");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void shouldRunWithRestrictedPodSecurity(ValueSet values) {
        Rendered rendered = values.render();
        PodSpec pod = rendered.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = rendered.container();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes())
                .anySatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void shouldKeepSecretValuesInsideSecrets(ValueSet values) {
        List<String> secretTexts = Stream.of(DB_PASSWORD, OIDC_SECRET, VAULT_KEY_1, VAULT_KEY_2, VAULT_KEY_LIST)
                .flatMap(secret -> Stream.of(secret, base64(secret)))
                .toList();

        for (Manifest manifest : values.render().manifests()) {
            if (!(manifest.object() instanceof Secret)) {
                assertThat(manifest.yaml())
                        .as("%s %s", manifest.object().getKind(), manifest.name())
                        .doesNotContain(secretTexts);
            }
        }
    }

    @Test
    void shouldStoreCredentialsGivenAsValuesInTheChartSecret() {
        Rendered rendered = ValueSet.MINIMAL.render();
        Secret secret = rendered.one(Secret.class);

        assertThat(decoded(secret))
                .containsOnly(
                        Map.entry("database-password", DB_PASSWORD),
                        Map.entry("oidc-client-secret", OIDC_SECRET),
                        Map.entry("vault-keys", VAULT_KEY_LIST));
        assertThat(rendered.secretRef("QUARKUS_DATASOURCE_PASSWORD").getName())
                .isEqualTo(secret.getMetadata().getName());
        assertThat(rendered.secretRef("FERRY_VAULT_KEYS").getKey()).isEqualTo("vault-keys");
    }

    @Test
    void shouldReferenceExistingSecretsWithoutCreatingOne() {
        Rendered rendered = ValueSet.EXISTING_SECRETS.render();

        assertThat(rendered.all(Secret.class)).isEmpty();
        assertSecretRef(rendered, "QUARKUS_DATASOURCE_PASSWORD", "ferry-database", "pg-password");
        assertSecretRef(rendered, "QUARKUS_OIDC_WEB_CREDENTIALS_SECRET", "ferry-oidc", "web-secret");
        assertSecretRef(rendered, "FERRY_VAULT_KEYS", "ferry-vault", "keys");
    }

    @Test
    void shouldCreateSecretOnlyForCredentialsWithoutExistingSecret() {
        Rendered rendered = render(
                List.of("existing-secrets.yaml"), Map.of("oidc.existingSecret", "", "oidc.clientSecret", OIDC_SECRET));

        Secret secret = rendered.one(Secret.class);
        assertThat(decoded(secret)).containsOnly(Map.entry("oidc-client-secret", OIDC_SECRET));
        assertSecretRef(
                rendered,
                "QUARKUS_OIDC_WEB_CREDENTIALS_SECRET",
                secret.getMetadata().getName(),
                "oidc-client-secret");
        assertSecretRef(rendered, "QUARKUS_DATASOURCE_PASSWORD", "ferry-database", "pg-password");
        assertSecretRef(rendered, "FERRY_VAULT_KEYS", "ferry-vault", "keys");
    }

    @Test
    void shouldPassServiceSettingsThroughConfigMap() {
        Rendered rendered = ValueSet.MINIMAL.render();
        Map<String, String> config = rendered.one(ConfigMap.class).getData();

        assertThat(config)
                .containsEntry("QUARKUS_PROFILE", "prod")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.example.com:5432/ferry")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "ferry")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://sso.example.com/realms/ferry")
                .containsEntry("QUARKUS_OIDC_WEB_AUTH_SERVER_URL", "https://sso.example.com/realms/ferry")
                .containsEntry("QUARKUS_OIDC_CLIENT_ID", "ferry-api")
                .containsEntry("QUARKUS_OIDC_WEB_CLIENT_ID", "ferry-web")
                .containsEntry("FERRY_VAULT_ACTIVE_KEY_ID", "k2")
                .containsEntry("FERRY_SANDBOX_ENABLED", "false")
                .doesNotContainKey("FERRY_EXTERNAL_BASE_URL");
        assertThat(rendered.container().getEnvFrom())
                .singleElement()
                .satisfies(source -> assertThat(source.getConfigMapRef().getName())
                        .isEqualTo(rendered.one(ConfigMap.class).getMetadata().getName()));
    }

    @Test
    void shouldDeriveExternalBaseUrlFromTlsIngressUnlessGiven() {
        Map<String, String> derived =
                ValueSet.INGRESS_WITH_TLS.render().one(ConfigMap.class).getData();
        Map<String, String> given = render(
                        List.of("minimal.yaml", "ingress-tls.yaml"),
                        Map.of("externalBaseUrl", "https://ferry.example.org"))
                .one(ConfigMap.class)
                .getData();

        assertThat(derived).containsEntry("FERRY_EXTERNAL_BASE_URL", "https://ferry.example.com");
        assertThat(given).containsEntry("FERRY_EXTERNAL_BASE_URL", "https://ferry.example.org");
    }

    @Test
    void shouldRollPodsWhenConfigChanges() {
        Map<String, String> before = ValueSet.MINIMAL.render().podAnnotations();
        Map<String, String> after = render(List.of("minimal.yaml"), Map.of("oidc.clientId", "ferry-api-v2"))
                .podAnnotations();

        assertThat(before).containsKeys("checksum/config", "checksum/secret");
        assertThat(after.get("checksum/config")).isNotEqualTo(before.get("checksum/config"));
        assertThat(after.get("checksum/secret")).isEqualTo(before.get("checksum/secret"));
    }

    @Test
    void shouldRollPodsWhenSecretChanges() {
        Map<String, String> before = ValueSet.MINIMAL.render().podAnnotations();
        Map<String, String> after = render(List.of("minimal.yaml"), Map.of("database.password", "rotated-password"))
                .podAnnotations();

        assertThat(after.get("checksum/secret")).isNotEqualTo(before.get("checksum/secret"));
        assertThat(after.get("checksum/config")).isEqualTo(before.get("checksum/config"));
    }

    @ParameterizedTest(name = "replicaCount={0}, autoscaling={1}, minReplicas={2} -> PDB: {3}")
    @CsvSource({
        "1, false, 1, false",
        "2, false, 1, true",
        "3, true, 1, false",
        "1, true, 2, true",
    })
    void shouldRenderPdbOnlyWithSeveralReplicas(
            int replicaCount, boolean autoscaling, int minReplicas, boolean expectPdb) {
        Rendered rendered = render(
                List.of("minimal.yaml"),
                Map.of(
                        "replicaCount", replicaCount,
                        "autoscaling.enabled", autoscaling,
                        "autoscaling.minReplicas", minReplicas));

        assertThat(rendered.one(Deployment.class).getSpec().getReplicas()).isEqualTo(autoscaling ? null : replicaCount);
        assertThat(rendered.all(PodDisruptionBudget.class)).hasSize(expectPdb ? 1 : 0);
        rendered.all(PodDisruptionBudget.class).forEach(pdb -> {
            assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(rendered.serviceSelector());
        });
    }

    @Test
    void shouldScaleOnCpuWithAutoscaling() {
        Rendered rendered = ValueSet.THREE_REPLICAS_WITH_AUTOSCALING.render();
        HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);

        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
        });
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(rendered.one(Deployment.class).getMetadata().getName());
        // The autoscaler owns the replica count; a fixed one would reset it on every upgrade.
        assertThat(rendered.one(Deployment.class).getSpec().getReplicas()).isNull();
        assertThat(rendered.container().getResources().getRequests()).containsKey("cpu");
    }

    @Test
    void shouldRouteIngressWithTls() {
        Rendered rendered = ValueSet.INGRESS_WITH_TLS.render();
        Ingress ingress = rendered.one(Ingress.class);

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("ferry-tls");
            assertThat(tls.getHosts()).containsExactly("ferry.example.com");
        });
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("ferry.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getBackend().getService().getName())
                        .isEqualTo(rendered.one(Service.class).getMetadata().getName());
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
        assertThat(ValueSet.MINIMAL.render().all(Ingress.class)).isEmpty();
    }

    @Test
    void shouldAdmitOnlyConfiguredPeersWithNetworkPolicy() {
        Rendered rendered = ValueSet.THREE_REPLICAS_WITH_AUTOSCALING.render();
        NetworkPolicy policy = rendered.one(NetworkPolicy.class);

        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(rendered.serviceSelector());
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort()).isEqualTo(new IntOrString("http")));
            assertThat(rule.getFrom()).hasSize(2);
        });
        Rendered closed = render(
                List.of("minimal.yaml"),
                Map.of("networkPolicy.enabled", true, "networkPolicy.allowSameNamespace", false));
        assertThat(closed.one(NetworkPolicy.class).getSpec().getIngress()).isEmpty();
        assertThat(ValueSet.MINIMAL.render().all(NetworkPolicy.class)).isEmpty();
    }

    @Test
    void shouldCheckReadinessThroughServiceInHelmTest(@TempDir Path workDir) throws IOException {
        Path template = Path.of("templates", "tests", "test-connection.yaml");
        String source = Files.readString(CHART.resolve(template));
        Path chart = copyOfChartWithoutTestHook(workDir, template, source);

        Rendered rendered = parseAll(new Helm(chart)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withValuesFile(VALUES_DIR.resolve("minimal.yaml"))
                .call());

        assertThat(source).contains(TEST_HOOK);
        Pod test = rendered.one(Pod.class);
        assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(String.join(" ", test.getSpec().getContainers().get(0).getCommand()))
                .contains("http://ferry:8080/q/health/ready");
        assertThat(test.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(test.getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem())
                .isTrue();
        // Matching the Service selector would let the Service route traffic to the test pod.
        assertThat(test.getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(rendered.serviceSelector().entrySet()))
                .as("test pod selected by the Service")
                .isFalse();
    }

    @Test
    void shouldTellHowToReachFerryInNotes() {
        String portForward = installNotes(List.of("minimal.yaml"));
        String ingress = installNotes(List.of("minimal.yaml", "ingress-tls.yaml"));

        assertThat(portForward)
                .contains("port-forward svc/ferry 8080:8080")
                .contains("/q/health/live")
                .contains("/q/health/ready");
        assertThat(ingress).contains("https://ferry.example.com/").doesNotContain("port-forward");
    }

    @Test
    void shouldDefaultImageTagToAppVersion() throws IOException {
        String appVersion = STRICT.readTree(CHART.resolve("Chart.yaml").toFile())
                .get("appVersion")
                .asText();
        String pinned = render(List.of("minimal.yaml"), Map.of("image.tag", "1.4.2"))
                .container()
                .getImage();

        assertThat(ValueSet.MINIMAL.render().container().getImage()).isEqualTo("ferry:" + appVersion);
        assertThat(pinned).isEqualTo("ferry:1.4.2");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "replicaCount, 0",
        "replicaCount, three",
        "replicas, 2",
        "image.pullPolicy, Sometimes",
        "database.jdbcUrl, mysql://db.example.com/ferry",
        "database.passwd, secret",
        "oidc.authServerUrl, sso.example.com",
        "vault.keys.k3, not-a-256-bit-key",
        "autoscaling.minReplicas, 0",
    })
    void shouldRefuseInvalidValues(String key, String value) {
        String field = key.substring(key.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> render(List.of("minimal.yaml"), Map.of(key, value)))
                .hasMessageContaining("don't meet the specifications of the schema")
                .hasMessageContaining(field);
    }

    @Test
    void shouldRefuseToRenderWithoutRequiredSettings() {
        assertThatThrownBy(() -> render(List.of(), Map.of())).hasMessageContaining("database.jdbcUrl is required");
        assertThatThrownBy(() -> render(List.of("minimal.yaml"), Map.of("vault.activeKeyId", "k9")))
                .hasMessageContaining("vault.activeKeyId \"k9\" is not one of the ids");
    }

    @Test
    void shouldRejectManifestsThatKubernetesWouldRefuse() {
        String deployment = ValueSet.MINIMAL.render().manifest(Deployment.class).yaml();
        String configMap = ValueSet.MINIMAL.render().manifest(ConfigMap.class).yaml();

        // Every other test trusts the strict reading; these are the refusals it promises.
        assertThatThrownBy(() -> parse(deployment.replace("readinessProbe:", "readynessProbe:")))
                .hasMessageContaining("readynessProbe");
        assertThatThrownBy(() ->
                        parse(configMap.replace("FERRY_SANDBOX_ENABLED: \"false\"", "FERRY_SANDBOX_ENABLED: false")))
                .hasMessageContaining("FERRY_SANDBOX_ENABLED");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
    }

    private static void assertSecretRef(Rendered rendered, String variable, String secretName, String key) {
        SecretKeySelector ref = rendered.secretRef(variable);
        assertThat(ref.getName()).as("secret of %s", variable).isEqualTo(secretName);
        assertThat(ref.getKey()).as("key of %s", variable).isEqualTo(key);
    }

    private static Map<String, String> decoded(Secret secret) {
        return secret.getData().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> new String(Base64.getDecoder().decode(entry.getValue()), StandardCharsets.UTF_8)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * helm-java's template leaves hooks out of its output, so the test pod is rendered from a copy of the chart where
     * it is an ordinary manifest.
     */
    private static Path copyOfChartWithoutTestHook(Path workDir, Path template, String source) throws IOException {
        Path copy = workDir.resolve("ferry");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(copy.resolve(template), source.replace(TEST_HOOK, ""));
        return copy;
    }

    private static String installNotes(List<String> valueFiles) {
        InstallCommand install = new Helm(CHART)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly();
        valueFiles.forEach(file -> install.withValuesFile(VALUES_DIR.resolve(file)));
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    private static Rendered render(List<String> valueFiles, Map<String, Object> overrides) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        valueFiles.forEach(file -> command.withValuesFile(VALUES_DIR.resolve(file)));
        overrides.forEach(command::set);
        return parseAll(command.call());
    }

    private static Rendered parseAll(String output) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : output.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                Manifest manifest = parse(document);
                if (manifest != null) {
                    manifests.add(manifest);
                }
            }
        }
        return new Rendered(manifests);
    }

    /** Reads one rendered document as its Kubernetes type; null for a document holding only comments. */
    private static Manifest parse(String document) {
        try {
            JsonNode tree = STRICT.readTree(document);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return null;
            }
            String type =
                    tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
            Class<? extends HasMetadata> kind = KINDS.get(type);
            assertThat(kind).as("a known kind for %s in%n%s", type, document).isNotNull();
            return new Manifest(document, STRICT.treeToValue(tree, kind));
        } catch (IOException e) {
            throw new AssertionError("not a valid Kubernetes object: " + e.getMessage() + "\n" + document, e);
        }
    }

    /**
     * Refuses what the API server would refuse. fabric8 keeps unknown fields in an any-setter map, so that annotation
     * is ignored here; and a number or boolean where the API wants a string (ConfigMap data, env values) is an error.
     */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private static Path projectDir() {
        String configured = System.getProperty("ferry.project.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("helm/ferry/Chart.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no helm/ferry above " + start + "; set -Dferry.project.dir");
    }

    /** One rendered document: its text, for searching, and the object read from it. */
    record Manifest(String yaml, HasMetadata object) {

        String name() {
            return object.getMetadata().getName();
        }
    }

    /** Everything one `helm template` run produced. */
    record Rendered(List<Manifest> manifests) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return manifests.stream()
                    .map(Manifest::object)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            return type.cast(manifest(type).object());
        }

        Manifest manifest(Class<? extends HasMetadata> type) {
            List<Manifest> matching = manifests.stream()
                    .filter(manifest -> type.isInstance(manifest.object()))
                    .toList();
            assertThat(matching).as("rendered %s objects", type.getSimpleName()).hasSize(1);
            return matching.get(0);
        }

        Container container() {
            return one(Deployment.class)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
        }

        Map<String, String> podAnnotations() {
            return one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations();
        }

        Map<String, String> serviceSelector() {
            return one(Service.class).getSpec().getSelector();
        }

        SecretKeySelector secretRef(String variable) {
            EnvVar env = container().getEnv().stream()
                    .filter(candidate -> candidate.getName().equals(variable))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no environment variable " + variable));
            assertThat(env.getValue()).as("literal value of %s", variable).isNull();
            return env.getValueFrom().getSecretKeyRef();
        }
    }
}
