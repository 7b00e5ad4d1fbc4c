import {
  ActionGroup,
  Button,
  Content,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { newIdempotencyKey } from '../../api/client';
import { toProblem } from '../../api/problem';
import type {
  FieldError,
  Problem,
  Subaccount,
  TwilioSubaccount,
  TwilioSubaccountChoice,
  TwilioSubaccountOutcome,
  TwilioSubaccountResult,
} from '../../api/types';
import { useResource } from '../../api/useResource';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { importTwilioSubaccounts, listAllSubaccounts, listTwilioSubaccounts } from './api';

/** A row's choice: skip it, create a Plivo subaccount for it, or map it to an existing subaccount ("MAP:<id>"). */
type Choice = 'SKIP' | 'CREATE' | `MAP:${string}`;

interface Row {
  choice: Choice;
  /** The name of a subaccount to create; empty means Twilio's friendly name. */
  name: string;
}

interface Loaded {
  twilio: TwilioSubaccount[];
  ours: Subaccount[];
}

interface ImportTwilioSubaccountsModalProps {
  tenantId: string;
  onClose: () => void;
  /** Called after an import changed something, so the page can list the new mappings. */
  onImported: () => void;
}

const OUTCOME_STATUS: Partial<Record<TwilioSubaccountOutcome, 'success' | 'danger' | 'info'>> = {
  MAPPED: 'success',
  CREATED: 'success',
  ALREADY_MAPPED: 'info',
  FAILED: 'danger',
};

function isResultList(value: unknown): value is TwilioSubaccountResult[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null);
}

/** The request's entry index a field error is about, from paths such as `entries[2].subaccountId`. */
function entryIndex(error: FieldError): number | undefined {
  const match = /entries\[(\d+)\]/.exec(error.field);
  return match ? Number(match[1]) : undefined;
}

/**
 * Lists the subaccounts of the tenant's Twilio account with the subaccount standing for each, lets the person map,
 * create or skip each unmapped one, and shows what became of each.
 */
export function ImportTwilioSubaccountsModal({ tenantId, onClose, onImported }: ImportTwilioSubaccountsModalProps) {
  const { t } = useTranslation();
  const loaded = useResource<Loaded>(`twilio-subaccounts:${tenantId}`, async (signal) => {
    const [twilio, ours] = await Promise.all([
      listTwilioSubaccounts(tenantId, signal),
      listAllSubaccounts(tenantId, signal),
    ]);
    return { twilio, ours };
  });
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [results, setResults] = useState<TwilioSubaccountResult[]>();
  // One key per import the person asks for; pressing Import again after a failure is a new request.
  const [key, setKey] = useState(newIdempotencyKey);

  const unmapped = loaded.data?.twilio.filter((account) => account.mappedTo === null) ?? [];
  const free = loaded.data?.ours.filter((subaccount) => subaccount.twilioAccountSid === null) ?? [];
  const rowOf = (sid: string): Row => rows[sid] ?? { choice: 'SKIP', name: '' };
  const setRow = (sid: string, change: Partial<Row>) => {
    setRows((previous) => ({ ...previous, [sid]: { ...rowOf(sid), ...change } }));
  };

  const entries: TwilioSubaccountChoice[] = unmapped.map((account) => {
    const row = rowOf(account.sid);
    if (row.choice.startsWith('MAP:')) {
      return { twilioAccountSid: account.sid, action: 'MAP', subaccountId: row.choice.slice('MAP:'.length) };
    }
    if (row.choice === 'CREATE') {
      const name = row.name.trim();
      return { twilioAccountSid: account.sid, action: 'CREATE', ...(name ? { name } : {}) };
    }
    return { twilioAccountSid: account.sid, action: 'SKIP' };
  });
  const anythingToDo = entries.some((entry) => entry.action !== 'SKIP');

  const submit = async () => {
    setSubmitting(true);
    setProblem(undefined);
    try {
      const answer = await importTwilioSubaccounts(tenantId, entries, key);
      setResults(answer.entries);
      onImported();
    } catch (error) {
      const failed = toProblem(error);
      setProblem(failed);
      setKey(newIdempotencyKey());
      // Part-way failures list what was done; the entries before the failure stay done.
      if (isResultList(failed.entries)) {
        setResults(failed.entries);
        onImported();
      }
    } finally {
      setSubmitting(false);
    }
  };

  // Field errors name entries by index; shown on the row of the Twilio subaccount they are about.
  const errorsBySid = new Map<string, string[]>();
  const otherErrors: FieldError[] = [];
  if (!results) {
    for (const error of problem?.errors ?? []) {
      const index = entryIndex(error);
      const sid = index === undefined ? undefined : entries[index]?.twilioAccountSid;
      if (sid === undefined) {
        otherErrors.push(error);
      } else {
        errorsBySid.set(sid, [...(errorsBySid.get(sid) ?? []), error.message]);
      }
    }
  }

  const nameOf = (sid: string) => loaded.data?.twilio.find((account) => account.sid === sid)?.friendlyName ?? sid;

  let body;
  if (loaded.problem) {
    body = (
      <ProblemAlert problem={loaded.problem} title={t('subaccounts.twilioImport.loadFailed')} onRetry={loaded.reload} />
    );
  } else if (loaded.loading || !loaded.data) {
    body = <LoadingState />;
  } else if (results) {
    body = (
      <Table
        aria-label={t('subaccounts.twilioImport.resultsLabel')}
        variant="compact"
        data-testid="twilio-import-results"
      >
        <Thead>
          <Tr>
            <Th>{t('subaccounts.twilioImport.columns.twilio')}</Th>
            <Th>{t('subaccounts.twilioImport.columns.outcome')}</Th>
            <Th>{t('subaccounts.twilioImport.columns.subaccount')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {results.map((result) => (
            <Tr key={result.twilioAccountSid} data-testid="twilio-import-result" data-sid={result.twilioAccountSid}>
              <Td dataLabel={t('subaccounts.twilioImport.columns.twilio')}>
                {nameOf(result.twilioAccountSid)} <code>{result.twilioAccountSid}</code>
              </Td>
              <Td dataLabel={t('subaccounts.twilioImport.columns.outcome')}>
                <Label status={OUTCOME_STATUS[result.outcome]} data-testid="twilio-import-outcome">
                  {t(`subaccounts.twilioImport.outcome.${result.outcome}`)}
                </Label>
                {result.detail && <div>{result.detail}</div>}
              </Td>
              <Td dataLabel={t('subaccounts.twilioImport.columns.subaccount')}>
                {result.subaccount ? (
                  <>
                    {result.subaccount.name} <code>{result.subaccount.id}</code>
                  </>
                ) : (
                  '—'
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  } else if (loaded.data.twilio.length === 0) {
    body = <Content component="p">{t('subaccounts.twilioImport.none')}</Content>;
  } else {
    body = (
      <Table aria-label={t('subaccounts.twilioImport.tableLabel')} variant="compact" data-testid="twilio-subaccounts">
        <Thead>
          <Tr>
            <Th>{t('subaccounts.twilioImport.columns.twilio')}</Th>
            <Th>{t('subaccounts.twilioImport.columns.status')}</Th>
            <Th>{t('subaccounts.twilioImport.columns.mappedTo')}</Th>
            <Th>{t('subaccounts.twilioImport.columns.action')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {loaded.data.twilio.map((account) => {
            const row = rowOf(account.sid);
            const errors = errorsBySid.get(account.sid) ?? [];
            return (
              <Tr key={account.sid} data-testid="twilio-subaccount-row" data-sid={account.sid}>
                <Td dataLabel={t('subaccounts.twilioImport.columns.twilio')}>
                  {account.friendlyName ?? '—'}
                  <div>
                    <code>{account.sid}</code>
                  </div>
                </Td>
                <Td dataLabel={t('subaccounts.twilioImport.columns.status')}>{account.status ?? '—'}</Td>
                <Td dataLabel={t('subaccounts.twilioImport.columns.mappedTo')} data-testid="twilio-mapped-to">
                  {account.mappedTo ? (
                    <>
                      {account.mappedTo.name} <code>{account.mappedTo.id}</code>
                    </>
                  ) : (
                    t('subaccounts.twilioImport.notMapped')
                  )}
                </Td>
                <Td dataLabel={t('subaccounts.twilioImport.columns.action')}>
                  {account.mappedTo ? (
                    t('subaccounts.twilioImport.alreadyMapped')
                  ) : (
                    <Stack>
                      <StackItem>
                        <FormSelect
                          value={row.choice}
                          aria-label={t('subaccounts.twilioImport.actionFor', { sid: account.sid })}
                          validated={errors.length > 0 ? 'error' : 'default'}
                          onChange={(_event, value) => {
                            setRow(account.sid, { choice: value as Choice });
                          }}
                          data-testid="twilio-action"
                        >
                          <FormSelectOption value="SKIP" label={t('subaccounts.twilioImport.skip')} />
                          <FormSelectOption value="CREATE" label={t('subaccounts.twilioImport.create')} />
                          {free.map((subaccount) => (
                            <FormSelectOption
                              key={subaccount.id}
                              value={`MAP:${subaccount.id}`}
                              label={t('subaccounts.twilioImport.mapTo', { name: subaccount.name })}
                            />
                          ))}
                        </FormSelect>
                      </StackItem>
                      {row.choice === 'CREATE' && (
                        <StackItem>
                          <TextInput
                            value={row.name}
                            placeholder={account.friendlyName ?? undefined}
                            aria-label={t('subaccounts.twilioImport.nameFor', { sid: account.sid })}
                            onChange={(_event, value) => {
                              setRow(account.sid, { name: value });
                            }}
                            data-testid="twilio-create-name"
                          />
                        </StackItem>
                      )}
                      {errors.length > 0 && (
                        <StackItem>
                          <HelperText>
                            {errors.map((message) => (
                              <HelperTextItem key={message} variant="error" data-testid="twilio-row-error">
                                {message}
                              </HelperTextItem>
                            ))}
                          </HelperText>
                        </StackItem>
                      )}
                    </Stack>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    );
  }

  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby="twilio-import-title">
      <ModalHeader
        title={t('subaccounts.twilioImport.title')}
        labelId="twilio-import-title"
        description={t('subaccounts.twilioImport.description')}
      />
      <ModalBody>
        <Stack hasGutter>
          {problem && (
            <StackItem data-testid="twilio-import-problem">
              <ProblemAlert
                problem={problem}
                title={results ? t('subaccounts.twilioImport.stopped') : t('subaccounts.twilioImport.failed')}
                fieldErrors={otherErrors}
              />
            </StackItem>
          )}
          <StackItem>{body}</StackItem>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <ActionGroup>
          {!results && (
            <Button
              variant="primary"
              onClick={() => void submit()}
              isLoading={submitting}
              isDisabled={submitting || !anythingToDo}
              data-testid="twilio-import-submit"
            >
              {t('subaccounts.twilioImport.submit')}
            </Button>
          )}
          <Button variant={results ? 'primary' : 'link'} onClick={onClose} data-testid="twilio-import-close">
            {results ? t('common.close') : t('common.cancel')}
          </Button>
        </ActionGroup>
      </ModalFooter>
    </Modal>
  );
}
