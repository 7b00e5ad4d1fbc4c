import {
  Card,
  CardBody,
  CardFooter,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  PageSection,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import HistoryIcon from '@patternfly/react-icons/dist/esm/icons/history-icon';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { useResource } from '../../api/useResource';
import { auditPath } from '../../app/paths';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { MessageState } from '../../components/MessageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AuditEventTable } from '../audit/AuditEventTable';
import { listAuditEvents, NO_AUDIT_FILTERS } from '../audit/api';
import { getTenant } from '../tenants/api';
import { TenantStatusLabel } from '../tenants/TenantStatusLabel';

const RECENT_EVENT_COUNT = 5;

export function OverviewPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const tenant = useResource(`tenant:${tenantId}`, (signal) => getTenant(tenantId, signal));

  if (tenant.problem) {
    return (
      <PageSection>
        <ProblemAlert problem={tenant.problem} onRetry={tenant.reload} />
      </PageSection>
    );
  }
  if (!tenant.data) {
    return <LoadingState />;
  }
  const { name, id, status, createdAt, updatedAt } = tenant.data;

  return (
    <PageSection>
      <Stack hasGutter>
        <StackItem>
          <Title headingLevel="h1" data-testid="tenant-name">
            {name}
          </Title>
        </StackItem>
        <StackItem>
          <Card>
            <CardTitle>{t('overview.details')}</CardTitle>
            <CardBody>
              <DescriptionList isHorizontal columnModifier={{ lg: '2Col' }}>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('overview.id')}</DescriptionListTerm>
                  <DescriptionListDescription data-testid="tenant-id">{id}</DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('overview.status')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    <TenantStatusLabel status={status} testId="tenant-status" />
                  </DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('overview.createdAt')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    <DateTime value={createdAt} />
                  </DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('overview.updatedAt')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    <DateTime value={updatedAt} />
                  </DescriptionListDescription>
                </DescriptionListGroup>
              </DescriptionList>
            </CardBody>
          </Card>
        </StackItem>
        <StackItem>
          <RecentActivity tenantId={id} />
        </StackItem>
      </Stack>
    </PageSection>
  );
}

function RecentActivity({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const events = useResource(`recent-audit:${tenantId}`, (signal) =>
    listAuditEvents(tenantId, NO_AUDIT_FILTERS, RECENT_EVENT_COUNT, undefined, signal),
  );

  let body;
  if (events.problem) {
    body = <ProblemAlert problem={events.problem} onRetry={events.reload} />;
  } else if (!events.data) {
    body = <LoadingState />;
  } else if (events.data.items.length === 0) {
    body = (
      <MessageState
        title={t('overview.noActivityTitle')}
        body={t('overview.noActivityBody')}
        icon={HistoryIcon}
        testId="recent-activity-empty"
      />
    );
  } else {
    body = (
      <AuditEventTable events={events.data.items} ariaLabel={t('audit.recentTableLabel')} testId="recent-audit-table" />
    );
  }

  return (
    <Card>
      <CardTitle>{t('overview.recentActivity')}</CardTitle>
      <CardBody>{body}</CardBody>
      <CardFooter>
        <Link to={auditPath(tenantId)}>{t('overview.viewAuditLog')}</Link>
      </CardFooter>
    </Card>
  );
}
