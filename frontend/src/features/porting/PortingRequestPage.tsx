import {
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Grid,
  GridItem,
  Label,
  List,
  ListItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import type { AvailableTransition, PortingRequest } from '../../api/types';
import { useResource } from '../../api/useResource';
import { portingPath } from '../../app/paths';
import { useCurrentUser } from '../../auth/currentUser';
import { hasAnyRole } from '../../auth/roles';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getHistory, getPortingRequest, getTransitions } from './api';
import { EditPortingRequestModal } from './EditPortingRequestModal';
import { PortingDocuments } from './PortingDocuments';
import { PortingStateLabel } from './PortingStateLabel';
import { PortingTimeline } from './PortingTimeline';
import { PORTING_EDITORS } from './roles';
import { fieldLabel } from './fieldLabel';
import { TransitionModal } from './TransitionModal';

/** One porting request: its details, numbers, rejections, documents and history, and the moves the caller may make. */
export function PortingRequestPage() {
  const { tenantId = '', requestId = '' } = useParams();
  const id = Number(requestId);
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [moving, setMoving] = useState<AvailableTransition>();
  const [editing, setEditing] = useState(false);

  const key = `${tenantId}:${requestId}`;
  const request = useResource(`porting-request:${key}`, (signal) => getPortingRequest(tenantId, id, signal));
  const transitions = useResource(`porting-transitions:${key}`, (signal) => getTransitions(tenantId, id, signal));
  const history = useResource(`porting-history:${key}`, (signal) => getHistory(tenantId, id, signal));
  // Every change is read again as a whole: the request, the moves it allows now, and its history.
  const changed = () => {
    request.reload();
    transitions.reload();
    history.reload();
  };

  if (request.problem) {
    return (
      <PageSection>
        <ProblemAlert problem={request.problem} onRetry={request.reload} />
      </PageSection>
    );
  }
  if (!request.data) {
    return <LoadingState />;
  }
  const r = request.data;
  const mayEdit = hasAnyRole(user.roles, PORTING_EDITORS);
  // Operators edit drafts only; after a rejection the tenant admin answers it (the service enforces both).
  const mayChangeDetails =
    (r.state === 'DRAFT' && mayEdit) || (r.state === 'ACTION_REQUIRED' && user.roles.includes('tenant-admin'));

  return (
    <PageSection>
      <Breadcrumb className="pf-v6-u-mb-md">
        <BreadcrumbItem render={() => <Link to={portingPath(tenantId)}>{t('porting.title')}</Link>} />
        <BreadcrumbItem isActive>{t('porting.requestName', { id: r.id })}</BreadcrumbItem>
      </Breadcrumb>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <Title headingLevel="h1" data-testid="porting-request-title">
            {t('porting.requestName', { id: r.id })}{' '}
            <PortingStateLabel state={r.state} testId="porting-request-state" />
          </Title>
          <Content component="p">
            {t('portingDetail.revisionLine', { tenantId: r.tenantId, revision: r.revision, version: r.version })}
          </Content>
        </FlexItem>
        <FlexItem>
          <Flex spaceItems={{ default: 'spaceItemsSm' }}>
            {mayChangeDetails && (
              <FlexItem>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setEditing(true);
                  }}
                  data-testid="porting-edit"
                >
                  {t('portingEdit.open')}
                </Button>
              </FlexItem>
            )}
            <FlexItem>
              <TransitionButtons
                transitions={transitions.data?.transitions}
                onChoose={(transition) => {
                  setMoving(transition);
                }}
              />
            </FlexItem>
          </Flex>
        </FlexItem>
      </Flex>
      {transitions.problem && (
        <ProblemAlert
          problem={transitions.problem}
          title={t('portingDetail.movesFailed')}
          onRetry={transitions.reload}
        />
      )}
      {r.state === 'CANCELLED' && r.cancelReason && (
        <Content component="p" data-testid="porting-cancel-reason">
          {t('portingDetail.cancelReason', { reason: r.cancelReason })}
        </Content>
      )}
      <Grid hasGutter className="pf-v6-u-mt-md">
        <GridItem lg={7}>
          <RequestDetails request={r} />
          <Numbers request={r} />
          {r.rejections.length > 0 && <Rejections request={r} />}
          <PortingDocuments tenantId={tenantId} request={r} mayUpload={mayEdit} onUploaded={changed} />
        </GridItem>
        <GridItem lg={5}>
          <PortingTimeline history={history} />
        </GridItem>
      </Grid>
      {editing && (
        <EditPortingRequestModal
          tenantId={tenantId}
          request={r}
          onClose={() => {
            setEditing(false);
          }}
          onSaved={() => {
            setEditing(false);
            changed();
          }}
        />
      )}
      {moving && (
        <TransitionModal
          tenantId={tenantId}
          request={r}
          transition={moving}
          onClose={() => {
            setMoving(undefined);
            changed();
          }}
          onMoved={() => {
            setMoving(undefined);
            changed();
          }}
        />
      )}
    </PageSection>
  );
}

function TransitionButtons({
  transitions,
  onChoose,
}: {
  transitions: AvailableTransition[] | undefined;
  onChoose: (transition: AvailableTransition) => void;
}) {
  const { t } = useTranslation();
  if (!transitions) {
    return null;
  }
  if (transitions.length === 0) {
    return (
      <Content component="small" data-testid="porting-no-actions">
        {t('portingDetail.noActions')}
      </Content>
    );
  }
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} data-testid="porting-actions">
      {transitions.map((transition) => (
        <FlexItem key={transition.to}>
          <Button
            variant={transition.to === 'CANCELLED' ? 'secondary' : 'primary'}
            isDanger={transition.to === 'CANCELLED'}
            onClick={() => {
              onChoose(transition);
            }}
            data-testid={`porting-action-${transition.to}`}
          >
            {t(`portingAction.${transition.to}`)}
          </Button>
        </FlexItem>
      ))}
    </Flex>
  );
}

function RequestDetails({ request: r }: { request: PortingRequest }) {
  const { t } = useTranslation();
  const address = [
    r.serviceAddress.street,
    r.serviceAddress.locality,
    r.serviceAddress.region,
    r.serviceAddress.postalCode,
    r.serviceAddress.country,
  ]
    .filter(Boolean)
    .join(', ');
  const item = (label: string, value: ReactNode, testId?: string) => (
    <DescriptionListGroup>
      <DescriptionListTerm>{label}</DescriptionListTerm>
      <DescriptionListDescription data-testid={testId}>{value ?? '—'}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  return (
    <Card className="pf-v6-u-mb-md">
      <CardTitle>{t('portingDetail.details')}</CardTitle>
      <CardBody>
        <DescriptionList isHorizontal isCompact columnModifier={{ lg: '2Col' }}>
          {item(t('portingField.losingCarrier'), r.losingCarrier)}
          {item(t('portingField.accountNumber'), r.accountNumber)}
          {item(t('portingField.pin'), r.pin)}
          {item(t('portingField.authorisedPerson'), r.authorisedPerson)}
          {item(t('portingField.billingTelephoneNumber'), r.billingTelephoneNumber)}
          {item(t('portingField.serviceAddress'), address || null)}
          {item(t('portingField.requestedPortDate'), r.requestedPortDate)}
          {item(t('portingDetail.focDate'), r.focDate && <DateTime value={r.focDate} />, 'porting-request-foc')}
          {item(t('portingDetail.providerReference'), r.providerReference)}
          {item(t('portingField.plivoSubaccount'), r.plivoSubaccount)}
          {item(t('portingField.plivoAppId'), r.plivoAppId)}
          {item(t('portingDetail.createdBy'), r.createdBy)}
        </DescriptionList>
      </CardBody>
    </Card>
  );
}

function Numbers({ request: r }: { request: PortingRequest }) {
  const { t } = useTranslation();
  return (
    <Card className="pf-v6-u-mb-md">
      <CardTitle>{t('portingDetail.numbers', { count: r.numbers.length })}</CardTitle>
      <CardBody>
        <Table aria-label={t('portingDetail.numbersLabel')} variant="compact" data-testid="porting-numbers">
          <Thead>
            <Tr>
              <Th>{t('portingDetail.number')}</Th>
              <Th>{t('portingDetail.numberStatus')}</Th>
              <Th>{t('portingDetail.inventoryState')}</Th>
              <Th>{t('portingDetail.numberReason')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {r.numbers.map((number) => (
              <Tr key={number.e164} data-testid="porting-number-row" data-number={number.e164}>
                <Td dataLabel={t('portingDetail.number')}>
                  <code>{number.e164}</code>
                </Td>
                <Td dataLabel={t('portingDetail.numberStatus')} data-testid="porting-number-status">
                  {t(`portingNumberStatus.${number.status}`)}
                </Td>
                <Td dataLabel={t('portingDetail.inventoryState')}>
                  {number.inventoryState ? (
                    <Label isCompact data-testid="porting-number-inventory" data-state={number.inventoryState}>
                      {number.inventoryState}
                    </Label>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td dataLabel={t('portingDetail.numberReason')}>{number.reason ?? ''}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </CardBody>
    </Card>
  );
}

function Rejections({ request: r }: { request: PortingRequest }) {
  const { t } = useTranslation();
  return (
    <Card className="pf-v6-u-mb-md" data-testid="porting-rejections">
      <CardTitle>{t('portingDetail.rejections')}</CardTitle>
      <CardBody>
        <List isPlain>
          {r.rejections.map((rejection) => (
            <ListItem key={rejection.id} data-testid="porting-rejection">
              <Label isCompact color={rejection.open ? 'orange' : 'grey'}>
                {rejection.open ? t('portingDetail.rejectionOpen') : t('portingDetail.rejectionAnswered')}
              </Label>{' '}
              <strong>{t(`rejectionCode.${rejection.code}`)}</strong>
              {' — '}
              {rejection.fields.map((field) => fieldLabel(field, t)).join(', ')}
              {rejection.message && <>: {rejection.message}</>}
              {rejection.answerNote && (
                <div className="pf-v6-u-color-200">{t('portingDetail.answer', { note: rejection.answerNote })}</div>
              )}
            </ListItem>
          ))}
        </List>
      </CardBody>
    </Card>
  );
}
