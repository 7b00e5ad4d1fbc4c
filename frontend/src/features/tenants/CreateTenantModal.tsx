import {
  ActionGroup,
  Button,
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
import type { FieldError, Problem, Tenant, TenantCreate } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { createTenant } from './api';

const FIELDS = ['id', 'name'] as const satisfies readonly (keyof TenantCreate)[];
type Field = (typeof FIELDS)[number];

interface CreateTenantModalProps {
  onClose: () => void;
  onCreated: (tenant: Tenant) => void;
}

interface Failure {
  problem?: Problem;
  byField: Partial<Record<Field, string>>;
  unmatched: FieldError[];
}

const NO_FAILURE: Failure = { byField: {}, unmatched: [] };

export function CreateTenantModal({ onClose, onCreated }: CreateTenantModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<TenantCreate>({ id: '', name: '' });
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const tenant = { id: values.id.trim(), name: values.name.trim() };

    // Only emptiness is checked here; the slug rules live in the service, which explains them in its field errors.
    const missing: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      if (!tenant[field]) {
        missing[field] = t('tenants.form.required');
      }
    }
    if (Object.keys(missing).length > 0) {
      setFailure({ byField: missing, unmatched: [] });
      return;
    }

    setSubmitting(true);
    setFailure(NO_FAILURE);
    try {
      onCreated(await createTenant(tenant));
    } catch (error) {
      const problem = toProblem(error);
      setFailure({ problem, ...mapFieldErrors(problem, FIELDS) });
      setSubmitting(false);
    }
  };

  const field = (name: Field, helpText: string) => {
    const error = failure.byField[name];
    return (
      <FormGroup label={t(`tenants.form.${name}`)} isRequired fieldId={`tenant-${name}`}>
        <TextInput
          id={`tenant-${name}`}
          name={name}
          isRequired
          value={values[name]}
          validated={error ? 'error' : 'default'}
          onChange={(_event, value) => {
            setValues((previous) => ({ ...previous, [name]: value }));
          }}
          data-testid={`tenant-form-${name}`}
        />
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant={error ? 'error' : 'default'} data-testid={error && `tenant-form-${name}-error`}>
              {error ?? helpText}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
    );
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="create-tenant-title">
      <ModalHeader title={t('tenants.form.title')} labelId="create-tenant-title" />
      <ModalBody>
        <Form id="create-tenant-form" onSubmit={(event) => void submit(event)}>
          {failure.problem && (
            <ProblemAlert problem={failure.problem} title={t('tenants.form.failed')} fieldErrors={failure.unmatched} />
          )}
          {field('id', t('tenants.form.idHelp'))}
          {field('name', t('tenants.form.nameHelp'))}
        </Form>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          <Button
            type="submit"
            form="create-tenant-form"
            variant="primary"
            isLoading={submitting}
            isDisabled={submitting}
            data-testid="tenant-form-submit"
          >
            {t('tenants.form.submit')}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
