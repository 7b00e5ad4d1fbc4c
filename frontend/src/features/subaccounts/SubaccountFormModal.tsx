import {
  ActionGroup,
  Button,
  Checkbox,
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

import { newIdempotencyKey } from '../../api/client';
import { mapFieldErrors, toProblem } from '../../api/problem';
import type { FieldError, Problem, Subaccount } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { createSubaccount, updateSubaccount } from './api';

const FIELDS = ['name', 'twilioAccountSid'] as const;
type Field = (typeof FIELDS)[number];

interface Failure {
  problem?: Problem;
  byField: Partial<Record<Field, string>>;
  unmatched: FieldError[];
}

const NO_FAILURE: Failure = { byField: {}, unmatched: [] };

interface SubaccountFormModalProps {
  tenantId: string;
  /** The subaccount to rename; without it the form creates one. */
  subaccount?: Subaccount;
  onClose: () => void;
  onSaved: (subaccount: Subaccount) => void;
}

export function SubaccountFormModal({ tenantId, subaccount, onClose, onSaved }: SubaccountFormModalProps) {
  const { t } = useTranslation();
  const creating = subaccount === undefined;
  const [name, setName] = useState(subaccount?.name ?? '');
  const [twilioAccountSid, setTwilioAccountSid] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [failure, setFailure] = useState<Failure>(NO_FAILURE);
  const [saving, setSaving] = useState(false);
  // One key while this form is open: pressing Create again after a lost answer cannot create a second subaccount.
  const [key] = useState(newIdempotencyKey);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setFailure({ byField: { name: t('common.required') }, unmatched: [] });
      return;
    }
    setSaving(true);
    setFailure(NO_FAILURE);
    try {
      const saved = creating
        ? await createSubaccount(
            tenantId,
            { name: name.trim(), enabled, twilioAccountSid: twilioAccountSid.trim() || undefined },
            key,
          )
        : await updateSubaccount(tenantId, subaccount.id, { name: name.trim() });
      onSaved(saved);
    } catch (error) {
      const problem = toProblem(error);
      setFailure({ problem, ...mapFieldErrors(problem, FIELDS) });
      setSaving(false);
    }
  };

  const helper = (field: Field, help?: string) => {
    const error = failure.byField[field];
    if (!error && !help) {
      return null;
    }
    return (
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant={error ? 'error' : 'default'} data-testid={error && `subaccount-form-${field}-error`}>
            {error ?? help}
          </HelperTextItem>
        </HelperText>
      </FormHelperText>
    );
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="subaccount-form-title">
      <ModalHeader
        title={creating ? t('subaccounts.form.createTitle') : t('subaccounts.form.renameTitle')}
        labelId="subaccount-form-title"
      />
      <ModalBody>
        <Form id="subaccount-form" onSubmit={(event) => void submit(event)}>
          {failure.problem && (
            <ProblemAlert
              problem={failure.problem}
              title={creating ? t('subaccounts.form.createFailed') : t('subaccounts.form.renameFailed')}
              fieldErrors={failure.unmatched}
            />
          )}
          <FormGroup label={t('subaccounts.form.name')} isRequired fieldId="subaccount-name">
            <TextInput
              id="subaccount-name"
              isRequired
              value={name}
              validated={failure.byField.name ? 'error' : 'default'}
              onChange={(_event, value) => {
                setName(value);
              }}
              data-testid="subaccount-form-name"
            />
            {helper('name')}
          </FormGroup>
          {creating && (
            <>
              <FormGroup label={t('subaccounts.form.twilio')} fieldId="subaccount-twilio">
                <TextInput
                  id="subaccount-twilio"
                  value={twilioAccountSid}
                  validated={failure.byField.twilioAccountSid ? 'error' : 'default'}
                  onChange={(_event, value) => {
                    setTwilioAccountSid(value);
                  }}
                  data-testid="subaccount-form-twilio"
                />
                {helper('twilioAccountSid', t('subaccounts.form.twilioHelp'))}
              </FormGroup>
              <Checkbox
                id="subaccount-enabled"
                label={t('subaccounts.form.enabled')}
                isChecked={enabled}
                onChange={(_event, checked) => {
                  setEnabled(checked);
                }}
                data-testid="subaccount-form-enabled"
              />
            </>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          <Button
            type="submit"
            form="subaccount-form"
            variant="primary"
            isLoading={saving}
            isDisabled={saving}
            data-testid="subaccount-form-submit"
          >
            {creating ? t('subaccounts.form.submitCreate') : t('subaccounts.form.submitRename')}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
