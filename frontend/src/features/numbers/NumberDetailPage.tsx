import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  PageSection,
  Stack,
  StackItem,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { mapFieldErrors, toProblem } from '../../api/problem';
import type { FieldError, NumberDetail, NumberHistoryEntry, NumberPlan, NumberView, Problem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { numbersPath } from '../../app/paths';
import { useHasAnyRole } from '../../auth/currentUser';
import { NUMBER_ADMINS, NUMBER_EDITORS } from '../../auth/permissions';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getNumber, NUMBER_PLANS, updateNumber } from './api';
import { parseTags } from './filters';
import { CapabilityLabels, NumberStateLabel, TagLabels } from './NumberLabels';
import { ReleaseNumberModal } from './ReleaseNumberModal';

export function NumberDetailPage() {
  const { tenantId = '', e164 = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [releasing, setReleasing] = useState(false);
  const canEdit = useHasAnyRole(NUMBER_EDITORS);
  const canRelease = useHasAnyRole(NUMBER_ADMINS);
  const detail = useResource(JSON.stringify(['number', tenantId, e164]), (signal) => getNumber(tenantId, e164, signal));
  // A saved change answers with the number; it shows at once, until a load brings a version at least as new.
  const [saved, setSaved] = useState<NumberView>();

  if (detail.problem) {
    return (
      <PageSection>
        <BackLink tenantId={tenantId} />
        <ProblemAlert problem={detail.problem} onRetry={detail.reload} />
      </PageSection>
    );
  }
  if (!detail.data) {
    return <LoadingState />;
  }
  const loaded = detail.data.number;
  const number = saved?.e164 === loaded.e164 && saved.version > loaded.version ? saved : loaded;

  return (
    <PageSection>
      <Stack hasGutter>
        <StackItem>
          <BackLink tenantId={tenantId} />
          <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
            <FlexItem>
              <Flex alignItems={{ default: 'alignItemsCenter' }}>
                <Title headingLevel="h1" data-testid="number-e164">
                  {number.e164}
                </Title>
                <NumberStateLabel state={number.state} testId="number-detail-state" />
              </Flex>
            </FlexItem>
            {canRelease && number.provider === 'PLIVO' && (
              <FlexItem>
                <Button
                  variant="danger"
                  onClick={() => {
                    setReleasing(true);
                  }}
                  data-testid="release-number"
                >
                  {t('number.release.button')}
                </Button>
              </FlexItem>
            )}
          </Flex>
        </StackItem>
        <StackItem>
          <Grid hasGutter>
            <GridItem lg={6}>
              <NumberFacts number={number} />
            </GridItem>
            <GridItem lg={6}>
              <Stack hasGutter>
                <StackItem>
                  <PlivoCard
                    tenantId={tenantId}
                    number={number}
                    canEdit={canEdit}
                    onSaved={(view) => {
                      setSaved(view);
                      detail.reload();
                    }}
                  />
                </StackItem>
                <StackItem>
                  <Card>
                    <CardTitle>{t('number.edit.title')}</CardTitle>
                    <CardBody>
                      {canEdit ? (
                        <PlanAndTagsForm
                          key={number.e164}
                          tenantId={tenantId}
                          number={number}
                          onSaved={(view) => {
                            setSaved(view);
                            detail.reload();
                          }}
                        />
                      ) : (
                        <PlanAndTags number={number} />
                      )}
                    </CardBody>
                  </Card>
                </StackItem>
              </Stack>
            </GridItem>
            <GridItem lg={6}>
              <TwilioCard number={number} />
            </GridItem>
            <GridItem lg={6}>
              <HistoryCard history={detail.data.history} />
            </GridItem>
          </Grid>
        </StackItem>
      </Stack>
      {releasing && (
        <ReleaseNumberModal
          tenantId={tenantId}
          e164={number.e164}
          onClose={() => {
            setReleasing(false);
          }}
          onReleased={() => {
            void navigate(numbersPath(tenantId));
          }}
        />
      )}
    </PageSection>
  );
}

function BackLink({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  return (
    <Link to={numbersPath(tenantId)} data-testid="numbers-back">
      {t('number.back')}
    </Link>
  );
}

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription data-testid={testId}>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function NumberFacts({ number }: { number: NumberView }) {
  const { t } = useTranslation();
  return (
    <Card>
      <CardTitle>{t('number.details')}</CardTitle>
      <CardBody>
        <DescriptionList isHorizontal isCompact>
          <Fact term={t('number.country')}>{number.country}</Fact>
          <Fact term={t('number.type')}>{t(`numberType.${number.type}`)}</Fact>
          <Fact term={t('number.capabilities')}>
            <CapabilityLabels capabilities={number.capabilities} />
          </Fact>
          <Fact term={t('number.provider')} testId="number-detail-provider">
            {t(`numberProvider.${number.provider}`)}
          </Fact>
          {number.replacedBy && <Fact term={t('number.replacedBy')}>{number.replacedBy}</Fact>}
          <Fact term={t('number.createdAt')}>
            <DateTime value={number.createdAt} />
          </Fact>
          <Fact term={t('number.updatedAt')}>
            <DateTime value={number.updatedAt} />
          </Fact>
        </DescriptionList>
      </CardBody>
    </Card>
  );
}

interface PlivoCardProps {
  tenantId: string;
  number: NumberView;
  canEdit: boolean;
  onSaved: (number: NumberView) => void;
}

function PlivoCard({ tenantId, number, canEdit, onSaved }: PlivoCardProps) {
  const { t } = useTranslation();
  const notSet = t('number.notSet');
  // Only a number on Plivo has a configuration there to change; the service refuses others with 409.
  const editable = canEdit && number.provider === 'PLIVO';
  return (
    <Card data-testid="number-plivo">
      <CardTitle>{t('number.plivo')}</CardTitle>
      <CardBody>
        {editable ? (
          <PlivoConfigForm key={number.e164} tenantId={tenantId} number={number} onSaved={onSaved} />
        ) : (
          <DescriptionList isHorizontal isCompact>
            <Fact term={t('number.appId')} testId="number-plivo-app">
              {number.plivo.appId ?? notSet}
            </Fact>
            <Fact term={t('number.alias')}>{number.plivo.alias ?? notSet}</Fact>
            <Fact term={t('number.subaccount')}>{number.plivo.subaccount ?? notSet}</Fact>
          </DescriptionList>
        )}
      </CardBody>
    </Card>
  );
}

const PLIVO_FIELDS = ['appId', 'alias', 'subaccount'] as const;
type PlivoField = (typeof PLIVO_FIELDS)[number];

function PlivoConfigForm({ tenantId, number, onSaved }: Omit<PlivoCardProps, 'canEdit'>) {
  const { t } = useTranslation();
  const current = (field: PlivoField) => number.plivo[field] ?? '';
  const [values, setValues] = useState<Record<PlivoField, string>>({
    appId: current('appId'),
    alias: current('alias'),
    subaccount: current('subaccount'),
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // Absent members stay as they are on Plivo, so only what the person changed is sent.
    const plivo: Partial<Record<PlivoField, string>> = {};
    for (const field of PLIVO_FIELDS) {
      if (values[field].trim() !== current(field)) {
        plivo[field] = values[field].trim();
      }
    }
    if (Object.keys(plivo).length === 0) {
      return;
    }
    setSaving(true);
    setProblem(undefined);
    setDone(false);
    try {
      const view = await updateNumber(tenantId, number.e164, { plivo });
      setDone(true);
      onSaved(view);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setSaving(false);
    }
  };

  const fieldErrors = problem ? mapFieldErrors(problem, PLIVO_FIELDS) : undefined;

  return (
    <Form onSubmit={(event) => void submit(event)} data-testid="number-plivo-form">
      {problem && (
        <ProblemAlert problem={problem} title={t('number.edit.failed')} fieldErrors={fieldErrors?.unmatched} />
      )}
      {done && <Alert variant="success" isInline isPlain title={t('number.edit.saved')} data-testid="plivo-saved" />}
      {PLIVO_FIELDS.map((field) => {
        const error = fieldErrors?.byField[field];
        return (
          <FormGroup key={field} label={t(`number.${field}`)} fieldId={`number-plivo-${field}`}>
            <TextInput
              id={`number-plivo-${field}`}
              value={values[field]}
              validated={error ? 'error' : 'default'}
              onChange={(_event, value) => {
                setValues((previous) => ({ ...previous, [field]: value }));
              }}
              data-testid={`number-plivo-${field}`}
            />
            {error && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error">{error}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
        );
      })}
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={saving} isDisabled={saving} data-testid="plivo-save">
          {t('number.edit.save')}
        </Button>
      </ActionGroup>
    </Form>
  );
}

function TwilioCard({ number }: { number: NumberView }) {
  const { t } = useTranslation();
  const { twilio } = number;
  if (twilio.sid === null && twilio.accountSid === null) {
    return null;
  }
  const notSet = t('number.notSet');
  return (
    <Card data-testid="number-twilio">
      <CardTitle>{t('number.twilio')}</CardTitle>
      <CardBody>
        <DescriptionList isHorizontal isCompact>
          <Fact term={t('number.sid')}>{twilio.sid ?? notSet}</Fact>
          <Fact term={t('number.accountSid')}>{twilio.accountSid ?? notSet}</Fact>
          <Fact term={t('number.friendlyName')}>{twilio.friendlyName ?? notSet}</Fact>
          <Fact term={t('number.voiceUrl')}>{twilio.voiceUrl ?? notSet}</Fact>
          <Fact term={t('number.smsUrl')}>{twilio.smsUrl ?? notSet}</Fact>
          <Fact term={t('number.statusCallback')}>{twilio.statusCallback ?? notSet}</Fact>
          <Fact term={t('number.messagingService')}>{twilio.messagingServiceSid ?? notSet}</Fact>
          {twilio.missingSince && (
            <Fact term={t('number.missingSince')}>
              <DateTime value={twilio.missingSince} />
            </Fact>
          )}
        </DescriptionList>
      </CardBody>
    </Card>
  );
}

function PlanAndTags({ number }: { number: NumberView }) {
  const { t } = useTranslation();
  return (
    <DescriptionList isHorizontal isCompact data-testid="number-plan-readonly">
      <Fact term={t('number.plan')} testId="number-plan">
        {number.plan ? t(`numberPlan.${number.plan}`) : t('number.edit.noPlan')}
      </Fact>
      <Fact term={t('number.tags')}>
        <TagLabels tags={number.tags} />
      </Fact>
    </DescriptionList>
  );
}

interface PlanAndTagsFormProps {
  tenantId: string;
  number: NumberView;
  onSaved: (number: NumberView) => void;
}

function PlanAndTagsForm({ tenantId, number, onSaved }: PlanAndTagsFormProps) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<NumberPlan | ''>(number.plan ?? '');
  const [tags, setTags] = useState(number.tags.join(' '));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(undefined);
    setDone(false);
    try {
      // The plan is only sent when it changed: the service refuses any plan change once the migration is under way.
      const change = { ...(plan && plan !== number.plan ? { plan } : {}), tags: parseTags(tags) };
      const view = await updateNumber(tenantId, number.e164, change);
      // The service sorts and lowercases tags; the form shows what was stored.
      setPlan(view.plan ?? '');
      setTags(view.tags.join(' '));
      setDone(true);
      onSaved(view);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setSaving(false);
    }
  };

  // Bean Validation names a bad tag by a path such as "update.change.tags[2]"; those go next to the tags field.
  const isAboutTags = (error: FieldError) => /(^|\.)tags(\[|$)/.test(error.field);
  const tagsErrors = (problem?.errors ?? []).filter(isAboutTags).map((error) => error.message);
  const tagsError = tagsErrors.length > 0 ? tagsErrors.join(' ') : undefined;

  return (
    <Form onSubmit={(event) => void submit(event)} data-testid="number-edit-form">
      {problem && (
        <ProblemAlert
          problem={problem}
          title={t('number.edit.failed')}
          fieldErrors={problem.errors?.filter((error) => !isAboutTags(error))}
        />
      )}
      {done && <Alert variant="success" isInline isPlain title={t('number.edit.saved')} data-testid="number-saved" />}
      <FormGroup label={t('number.edit.plan')} fieldId="number-plan">
        <FormSelect
          id="number-plan"
          value={plan}
          onChange={(_event, value) => {
            setPlan(NUMBER_PLANS.find((known) => known === value) ?? '');
          }}
          data-testid="number-plan-select"
        >
          {/* Once chosen, a plan can be changed but not taken back to "not decided". */}
          <FormSelectOption value="" label={t('number.edit.noPlan')} isDisabled={number.plan !== null} />
          {NUMBER_PLANS.map((known) => (
            <FormSelectOption key={known} value={known} label={t(`numberPlan.${known}`)} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('number.edit.tags')} fieldId="number-tags">
        <TextInput
          id="number-tags"
          value={tags}
          validated={tagsError ? 'error' : 'default'}
          onChange={(_event, value) => {
            setTags(value);
          }}
          data-testid="number-tags-input"
        />
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant={tagsError ? 'error' : 'default'} data-testid={tagsError && 'number-tags-error'}>
              {tagsError ?? t('number.edit.tagsHelp')}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={saving} isDisabled={saving} data-testid="number-save">
          {t('number.edit.save')}
        </Button>
      </ActionGroup>
    </Form>
  );
}

function HistoryCard({ history }: { history: NumberDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <Card>
      <CardTitle>{t('number.history.title')}</CardTitle>
      <CardBody>
        {history.length === 0 ? (
          <p>{t('number.history.empty')}</p>
        ) : (
          <Table aria-label={t('number.history.tableLabel')} variant="compact" data-testid="number-history">
            <Thead>
              <Tr>
                <Th>{t('number.history.at')}</Th>
                <Th>{t('number.history.change')}</Th>
                <Th>{t('number.history.actor')}</Th>
                <Th>{t('number.history.reason')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {history.map((entry, index) => (
                <HistoryRow key={`${entry.at}:${String(index)}`} entry={entry} />
              ))}
            </Tbody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}

function HistoryRow({ entry }: { entry: NumberHistoryEntry }) {
  const { t } = useTranslation();
  return (
    <Tr data-testid="history-row">
      <Td dataLabel={t('number.history.at')}>
        <DateTime value={entry.at} />
      </Td>
      <Td dataLabel={t('number.history.change')} data-testid="history-change">
        {entry.from ? `${t(`numberState.${entry.from}`)} → ` : ''}
        {t(`numberState.${entry.to}`)}
        {entry.plan && ` (${t(`numberPlan.${entry.plan}`)})`}
      </Td>
      <Td dataLabel={t('number.history.actor')}>{entry.actor}</Td>
      <Td dataLabel={t('number.history.reason')}>{entry.reason ?? '—'}</Td>
    </Tr>
  );
}
