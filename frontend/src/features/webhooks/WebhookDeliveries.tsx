import { Button, Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';

import { usePagedList } from '../../api/usePagedList';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listDeliveries } from './api';

const PAGE_SIZE = 20;

function statusColor(status: string) {
  if (status === 'DELIVERED') {
    return 'green';
  }
  return status === 'FAILED' || status === 'DEAD' ? 'red' : 'blue';
}

/** An endpoint's delivery log, newest first: each event, how many attempts it took, and the last answer. */
export function WebhookDeliveries({ tenantId, endpointId }: { tenantId: string; endpointId: number }) {
  const { t } = useTranslation();
  const deliveries = usePagedList(`webhook-deliveries:${tenantId}:${endpointId}`, (cursor, signal) =>
    listDeliveries(tenantId, endpointId, PAGE_SIZE, cursor, signal),
  );

  if (deliveries.problem && deliveries.items.length === 0) {
    return <ProblemAlert problem={deliveries.problem} onRetry={deliveries.reload} />;
  }
  if (deliveries.loading) {
    return <LoadingState />;
  }
  if (deliveries.items.length === 0) {
    return <p data-testid="webhook-deliveries-empty">{t('webhooks.deliveries.empty')}</p>;
  }
  return (
    <>
      <Table aria-label={t('webhooks.deliveries.label')} variant="compact" data-testid="webhook-deliveries">
        <Thead>
          <Tr>
            <Th>{t('webhooks.deliveries.event')}</Th>
            <Th>{t('webhooks.deliveries.status')}</Th>
            <Th>{t('webhooks.deliveries.attempts')}</Th>
            <Th>{t('webhooks.deliveries.lastAnswer')}</Th>
            <Th>{t('webhooks.deliveries.createdAt')}</Th>
            <Th>{t('webhooks.deliveries.deliveredAt')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {deliveries.items.map((delivery) => (
            <Tr key={delivery.id} data-testid="webhook-delivery-row">
              <Td dataLabel={t('webhooks.deliveries.event')}>
                <code>{delivery.eventType}</code>
              </Td>
              <Td dataLabel={t('webhooks.deliveries.status')}>
                <Label isCompact color={statusColor(delivery.status)} data-testid="webhook-delivery-status">
                  {delivery.status}
                </Label>
              </Td>
              <Td dataLabel={t('webhooks.deliveries.attempts')}>{delivery.attempts}</Td>
              <Td dataLabel={t('webhooks.deliveries.lastAnswer')}>
                {[delivery.lastStatusCode === null ? null : `HTTP ${delivery.lastStatusCode}`, delivery.lastError]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </Td>
              <Td dataLabel={t('webhooks.deliveries.createdAt')}>
                <DateTime value={delivery.createdAt} />
              </Td>
              <Td dataLabel={t('webhooks.deliveries.deliveredAt')}>
                {delivery.deliveredAt ? <DateTime value={delivery.deliveredAt} /> : '—'}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {deliveries.problem && <ProblemAlert problem={deliveries.problem} onRetry={deliveries.loadMore} />}
      {deliveries.hasMore && (
        <Button variant="link" onClick={deliveries.loadMore} isLoading={deliveries.loadingMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
