import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  ClipboardCopy,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { mapFieldErrors, toProblem } from '../../api/problem';
import type { CreatedWebhookEndpoint, FieldError, Problem } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { createWebhookEndpoint, parseEvents } from './api';

const FIELDS = ['url', 'events'] as const;
type Field = (typeof FIELDS)[number];

interface Failure {
  problem?: Problem;
  byField: Partial<Record<Field, string>>;
  unmatched: FieldError[];
}

const NO_FAILURE: Failure = { byField: {}, unmatched: [] };

interface CreateWebhookModalProps {
  tenantId: string;
  onClose: () => void;
  onCreated: () => void;
}

/** Adds an endpoint, then shows its signing secret: the only time the service ever reveals it. */
export function CreateWebhookModal({ tenantId, onClose, onCreated }: CreateWebhookModalProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<CreatedWebhookEndpoint>();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!url.trim()) {
      setFailure({ byField: { url: t('webhooks.form.required') }, unmatched: [] });
      return;
    }
    setSubmitting(true);
    setFailure(NO_FAILURE);
    try {
      const endpoint = await createWebhookEndpoint(tenantId, {
        url: url.trim(),
        events: parseEvents(events),
        enabled,
      });
      setCreated(endpoint);
      onCreated();
    } catch (error) {
      const problem = toProblem(error);
      // Event types are reported per item (`events[0]`); the form has one field for all of them.
      const flattened = problem.errors
        ? { ...problem, errors: problem.errors.map((e) => ({ ...e, field: e.field.replace(/\[[^\]]*\]/g, '') })) }
        : problem;
      setFailure({ problem, ...mapFieldErrors(flattened, FIELDS) });
    }
    setSubmitting(false);
  };

  if (created) {
    return (
      <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="webhook-secret-title">
        <ModalHeader title={t('webhooks.secret.title')} labelId="webhook-secret-title" />
        <ModalBody>
          <Alert variant="warning" isInline title={t('webhooks.secret.once')} className="pf-v6-u-mb-md" />
          <Content component="p">{t('webhooks.secret.body', { url: created.url })}</Content>
          <ClipboardCopy
            isReadOnly
            hoverTip={t('webhooks.secret.copy')}
            clickTip={t('webhooks.secret.copied')}
            data-testid="webhook-secret"
          >
            {created.secret}
          </ClipboardCopy>
          <Content component="p" className="pf-v6-u-mt-md">
            {t('webhooks.secret.header', { header: created.signatureHeader })}
          </Content>
        </ModalBody>
        <ModalFooter>
          <Button variant="primary" onClick={onClose} data-testid="webhook-secret-done">
            {t('webhooks.secret.done')}
          </Button>
        </ModalFooter>
      </Modal>
    );
  }

  const field = (name: Field, value: string, setValue: (value: string) => void, help: string, required = false) => {
    const error = failure.byField[name];
    return (
      <FormGroup label={t(`webhooks.form.${name}`)} isRequired={required} fieldId={`webhook-${name}`}>
        <TextInput
          id={`webhook-${name}`}
          isRequired={required}
          value={value}
          validated={error ? 'error' : 'default'}
          onChange={(_event, next) => {
            setValue(next);
          }}
          data-testid={`webhook-form-${name}`}
        />
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant={error ? 'error' : 'default'} data-testid={error && `webhook-form-${name}-error`}>
              {error ?? help}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
    );
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="create-webhook-title">
      <ModalHeader title={t('webhooks.form.title')} labelId="create-webhook-title" />
      <ModalBody>
        <Form id="create-webhook-form" onSubmit={(event) => void submit(event)}>
          {failure.problem && (
            <ProblemAlert problem={failure.problem} title={t('webhooks.form.failed')} fieldErrors={failure.unmatched} />
          )}
          {field('url', url, setUrl, t('webhooks.form.urlHelp'), true)}
          {field('events', events, setEvents, t('webhooks.form.eventsHelp'))}
          <Checkbox
            id="webhook-enabled"
            label={t('webhooks.form.enabled')}
            isChecked={enabled}
            onChange={(_event, checked) => {
              setEnabled(checked);
            }}
          />
        </Form>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          <Button
            type="submit"
            form="create-webhook-form"
            variant="primary"
            isLoading={submitting}
            isDisabled={submitting}
            data-testid="webhook-form-submit"
          >
            {t('webhooks.form.submit')}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
