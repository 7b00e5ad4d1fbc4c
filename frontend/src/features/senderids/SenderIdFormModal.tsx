import {
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
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { mapFieldErrors, toProblem } from '../../api/problem';
import type { Problem, SenderIdRegistration } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { createSenderId, updateSenderId } from './api';

const FIELDS = ['senderId', 'country', 'useCase', 'sampleMessages', 'subaccount'] as const;
type Field = (typeof FIELDS)[number];

interface SenderIdFormModalProps {
  tenantId: string;
  /** The draft to edit; absent to draft a new registration. */
  draft?: SenderIdRegistration;
  onClose: () => void;
  onSaved: () => void;
}

/** Drafts a sender-ID registration, or edits a draft's use case, sample messages and subaccount. */
export function SenderIdFormModal({ tenantId, draft, onClose, onSaved }: SenderIdFormModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    senderId: draft?.senderId ?? '',
    country: draft?.country ?? '',
    useCase: draft?.useCase ?? '',
    sampleMessages: draft?.sampleMessages.join('\n') ?? '',
    subaccount: draft?.subaccount ?? '',
  });
  const [problem, setProblem] = useState<Problem>();
  const [saving, setSaving] = useState(false);

  const set = (field: Field) => (_event: unknown, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    const samples = values.sampleMessages
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const details = {
      useCase: values.useCase.trim() === '' ? null : values.useCase.trim(),
      sampleMessages: samples,
      subaccount: values.subaccount.trim() === '' ? null : values.subaccount.trim(),
    };
    try {
      if (draft) {
        await updateSenderId(tenantId, draft.id, {
          ...details,
          senderId: null,
          country: null,
          version: draft.version,
        });
      } else {
        await createSenderId(tenantId, {
          ...details,
          senderId: values.senderId.trim(),
          country: values.country.trim().toUpperCase(),
          version: null,
        });
      }
      onSaved();
    } catch (error) {
      setProblem(toProblem(error));
      setSaving(false);
    }
  };

  const errors = problem ? mapFieldErrors(problem, FIELDS) : undefined;
  const field = (name: Field, input: React.ReactNode, help?: string) => (
    <FormGroup label={t(`senderIds.form.${name}`)} fieldId={`senderid-form-${name}`}>
      {input}
      {(errors?.byField[name] ?? help) && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem
              variant={errors?.byField[name] ? 'error' : 'default'}
              data-testid={errors?.byField[name] ? `senderid-form-${name}-error` : undefined}
            >
              {errors?.byField[name] ?? help}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
  const validated = (name: Field) => (errors?.byField[name] ? 'error' : 'default');

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="senderid-form-title">
      <ModalHeader
        title={draft ? t('senderIds.form.editTitle', { senderId: draft.senderId }) : t('senderIds.form.createTitle')}
        labelId="senderid-form-title"
      />
      <ModalBody>
        {problem && (
          <ProblemAlert problem={problem} title={t('senderIds.form.failed')} fieldErrors={errors?.unmatched} />
        )}
        <Form
          id="senderid-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {field(
            'senderId',
            <TextInput
              id="senderid-form-senderId"
              value={values.senderId}
              onChange={set('senderId')}
              isDisabled={draft !== undefined}
              validated={validated('senderId')}
              data-testid="senderid-form-senderId"
            />,
            t('senderIds.form.senderIdHelp'),
          )}
          {field(
            'country',
            <TextInput
              id="senderid-form-country"
              value={values.country}
              onChange={set('country')}
              isDisabled={draft !== undefined}
              validated={validated('country')}
              data-testid="senderid-form-country"
            />,
          )}
          {field(
            'useCase',
            <TextArea
              id="senderid-form-useCase"
              value={values.useCase}
              onChange={set('useCase')}
              validated={validated('useCase')}
              data-testid="senderid-form-useCase"
            />,
          )}
          {field(
            'sampleMessages',
            <TextArea
              id="senderid-form-sampleMessages"
              value={values.sampleMessages}
              onChange={set('sampleMessages')}
              validated={validated('sampleMessages')}
              data-testid="senderid-form-sampleMessages"
            />,
            t('senderIds.form.sampleMessagesHelp'),
          )}
          {field(
            'subaccount',
            <TextInput
              id="senderid-form-subaccount"
              value={values.subaccount}
              onChange={set('subaccount')}
              validated={validated('subaccount')}
              data-testid="senderid-form-subaccount"
            />,
            t('senderIds.form.subaccountHelp'),
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          type="submit"
          form="senderid-form"
          isLoading={saving}
          isDisabled={saving}
          data-testid="senderid-form-submit"
        >
          {draft ? t('common.save') : t('senderIds.form.create')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
