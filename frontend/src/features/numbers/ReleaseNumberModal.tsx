import {
  ActionGroup,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../../api/problem';
import type { Problem } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { releaseNumber } from './api';

interface ReleaseNumberModalProps {
  tenantId: string;
  e164: string;
  onClose: () => void;
  onReleased: () => void;
}

/** Releasing cannot be undone, so the person types the number, and the service checks the same confirmation. */
export function ReleaseNumberModal({ tenantId, e164, onClose, onReleased }: ReleaseNumberModalProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [releasing, setReleasing] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const confirmed = typed.replace(/[\s()-]/g, '') === e164;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!confirmed) {
      return;
    }
    setReleasing(true);
    setProblem(undefined);
    try {
      await releaseNumber(tenantId, e164, e164);
      onReleased();
    } catch (error) {
      setProblem(toProblem(error));
      setReleasing(false);
    }
  };

  return (
    <Modal isOpen variant="small" onClose={onClose} aria-labelledby="release-number-title">
      <ModalHeader
        title={t('number.release.title', { number: e164 })}
        labelId="release-number-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        <Form id="release-number-form" onSubmit={(event) => void submit(event)}>
          {problem && <ProblemAlert problem={problem} title={t('number.release.failed')} />}
          <p>{t('number.release.body')}</p>
          <FormGroup label={t('number.release.confirmLabel')} fieldId="release-confirm" isRequired>
            <TextInput
              id="release-confirm"
              value={typed}
              placeholder={e164}
              autoComplete="off"
              onChange={(_event, value) => {
                setTyped(value);
              }}
              data-testid="release-confirm"
            />
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          <Button
            type="submit"
            form="release-number-form"
            variant="danger"
            isLoading={releasing}
            isDisabled={!confirmed || releasing}
            data-testid="release-submit"
          >
            {t('number.release.submit')}
          </Button>
          <Button variant="link" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
