import {
  ActionGroup,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
} from '@patternfly/react-core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../../api/problem';
import type { Problem, Subaccount } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { deleteSubaccount, type NumbersOnDelete } from './api';

interface DeleteSubaccountModalProps {
  tenantId: string;
  subaccount: Subaccount;
  onClose: () => void;
  onDeleted: () => void;
}

/** The service needs to be told what becomes of the numbers, so the person must choose; nothing is preselected. */
export function DeleteSubaccountModal({ tenantId, subaccount, onClose, onDeleted }: DeleteSubaccountModalProps) {
  const { t } = useTranslation();
  const [numbers, setNumbers] = useState<NumbersOnDelete>();
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!numbers) {
      return;
    }
    setDeleting(true);
    setProblem(undefined);
    try {
      await deleteSubaccount(tenantId, subaccount.id, numbers);
      onDeleted();
    } catch (error) {
      setProblem(toProblem(error));
      setDeleting(false);
    }
  };

  const choice = (value: NumbersOnDelete, label: string) => (
    <Radio
      id={`subaccount-delete-${value}`}
      name="subaccount-delete-numbers"
      label={label}
      isChecked={numbers === value}
      onChange={() => {
        setNumbers(value);
      }}
      data-testid={`subaccount-delete-${value}`}
    />
  );

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="subaccount-delete-title">
      <ModalHeader
        title={t('subaccounts.deleteForm.title', { name: subaccount.name })}
        labelId="subaccount-delete-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        <Form id="subaccount-delete-form" onSubmit={(event) => void submit(event)}>
          {problem && <ProblemAlert problem={problem} title={t('subaccounts.deleteForm.failed')} />}
          <FormGroup
            role="radiogroup"
            fieldId="subaccount-delete-numbers"
            label={t('subaccounts.deleteForm.body')}
            isStack
          >
            {choice('move', t('subaccounts.deleteForm.move'))}
            {choice('release', t('subaccounts.deleteForm.release'))}
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          <Button
            type="submit"
            form="subaccount-delete-form"
            variant="danger"
            isLoading={deleting}
            isDisabled={!numbers || deleting}
            data-testid="subaccount-delete-submit"
          >
            {t('subaccounts.deleteForm.submit')}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
