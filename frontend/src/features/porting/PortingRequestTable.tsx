import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { PortingRequestSummary } from '../../api/types';
import { portingRequestPath } from '../../app/paths';
import { DateTime } from '../../components/DateTime';
import { PortingStateLabel } from './PortingStateLabel';

interface PortingRequestTableProps {
  requests: PortingRequestSummary[];
  ariaLabel: string;
  testId: string;
  /** The desk's queue spans tenants, so it names each request's tenant. */
  showTenant?: boolean;
}

export function PortingRequestTable({ requests, ariaLabel, testId, showTenant = false }: PortingRequestTableProps) {
  const { t } = useTranslation();
  return (
    <Table aria-label={ariaLabel} data-testid={testId} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('porting.columns.id')}</Th>
          {showTenant && <Th>{t('porting.columns.tenant')}</Th>}
          <Th>{t('porting.columns.state')}</Th>
          <Th>{t('porting.columns.numbers')}</Th>
          <Th>{t('porting.columns.losingCarrier')}</Th>
          <Th>{t('porting.columns.requestedPortDate')}</Th>
          <Th>{t('porting.columns.focDate')}</Th>
          <Th>{t('porting.columns.createdAt')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {requests.map((request) => (
          <Tr key={request.id} data-testid="porting-row" data-request-id={request.id}>
            <Td dataLabel={t('porting.columns.id')}>
              <Link to={portingRequestPath(request.tenantId, request.id)} data-testid="porting-row-link">
                {t('porting.requestName', { id: request.id })}
              </Link>
            </Td>
            {showTenant && (
              <Td dataLabel={t('porting.columns.tenant')}>
                <code>{request.tenantId}</code>
              </Td>
            )}
            <Td dataLabel={t('porting.columns.state')}>
              <PortingStateLabel state={request.state} testId="porting-row-state" />
            </Td>
            <Td dataLabel={t('porting.columns.numbers')}>{request.numberCount}</Td>
            <Td dataLabel={t('porting.columns.losingCarrier')}>{request.losingCarrier ?? '—'}</Td>
            <Td dataLabel={t('porting.columns.requestedPortDate')}>{request.requestedPortDate ?? '—'}</Td>
            <Td dataLabel={t('porting.columns.focDate')}>
              {request.focDate ? <DateTime value={request.focDate} /> : '—'}
            </Td>
            <Td dataLabel={t('porting.columns.createdAt')}>
              <DateTime value={request.createdAt} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
