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
  Radio,
} from '@patternfly/react-core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { newIdempotencyKey } from '../../api/client';
import { toProblem } from '../../api/problem';
import type { Job, Problem } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { JobProgress } from '../jobs/JobProgress';
import { importCsv, importFromTwilio } from './api';

type Source = 'twilio' | 'csv';

interface ImportNumbersModalProps {
  tenantId: string;
  onClose: () => void;
  /** Called when the import job finished, so the page can show the numbers it brought. */
  onImported: () => void;
  pollIntervalMs?: number;
}

/** Starts an import (Twilio account or CSV upload), then follows its job to the end. */
export function ImportNumbersModal({ tenantId, onClose, onImported, pollIntervalMs }: ImportNumbersModalProps) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('twilio');
  const [file, setFile] = useState<File>();
  const [fileMissing, setFileMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [job, setJob] = useState<Job>();
  const [finished, setFinished] = useState(false);
  // One key per import the person asks for; "Import" again after a failure is a new request.
  const [key, setKey] = useState(newIdempotencyKey);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (source === 'csv' && !file) {
      setFileMissing(true);
      return;
    }
    setSubmitting(true);
    setProblem(undefined);
    try {
      const started =
        source === 'csv' && file ? await importCsv(tenantId, file, key) : await importFromTwilio(tenantId, key);
      // A replayed request may answer with a job that already finished; JobProgress reports that at once.
      setJob(started);
    } catch (error) {
      setProblem(toProblem(error));
      setKey(newIdempotencyKey());
    } finally {
      setSubmitting(false);
    }
  };

  const errorCount = typeof problem?.errorCount === 'number' ? problem.errorCount : 0;
  const unlisted = errorCount - (problem?.errors?.length ?? 0);

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="import-numbers-title">
      <ModalHeader title={t('numbers.importForm.title')} labelId="import-numbers-title" />
      <ModalBody>
        {job ? (
          <JobProgress
            tenantId={tenantId}
            job={job}
            pollIntervalMs={pollIntervalMs}
            onFinished={() => {
              setFinished(true);
              onImported();
            }}
          />
        ) : (
          <Form id="import-numbers-form" onSubmit={(event) => void submit(event)}>
            {problem && (
              <div data-testid="import-problem">
                <ProblemAlert problem={problem} title={t('numbers.importForm.failed')} fieldErrors={problem.errors} />
                {unlisted > 0 && <p>{t('numbers.importForm.moreErrors', { count: unlisted })}</p>}
              </div>
            )}
            <FormGroup role="radiogroup" label={t('numbers.importForm.source')} fieldId="import-source" isStack>
              <Radio
                id="import-source-twilio"
                name="import-source"
                label={t('numbers.importForm.twilio')}
                description={t('numbers.importForm.twilioHelp')}
                isChecked={source === 'twilio'}
                onChange={() => {
                  setSource('twilio');
                }}
                data-testid="import-source-twilio"
              />
              <Radio
                id="import-source-csv"
                name="import-source"
                label={t('numbers.importForm.csv')}
                description={t('numbers.importForm.csvHelp')}
                isChecked={source === 'csv'}
                onChange={() => {
                  setSource('csv');
                }}
                data-testid="import-source-csv"
              />
            </FormGroup>
            {source === 'csv' && (
              <FormGroup label={t('numbers.importForm.file')} fieldId="import-file" isRequired>
                <input
                  id="import-file"
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(event) => {
                    setFile(event.target.files?.[0]);
                    setFileMissing(false);
                  }}
                  data-testid="import-file"
                />
                {fileMissing && (
                  <FormHelperText>
                    <HelperText>
                      <HelperTextItem variant="error">{t('numbers.importForm.fileRequired')}</HelperTextItem>
                    </HelperText>
                  </FormHelperText>
                )}
              </FormGroup>
            )}
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          {!job && (
            <Button
              type="submit"
              form="import-numbers-form"
              variant="primary"
              isLoading={submitting}
              isDisabled={submitting}
              data-testid="import-submit"
            >
              {t('numbers.importForm.submit')}
            </Button>
          )}
          <Button variant={finished ? 'primary' : 'link'} onClick={onClose} data-testid="import-close">
            {job ? t('common.close') : t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
