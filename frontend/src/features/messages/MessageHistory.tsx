import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';

import type { MessageView } from '../../api/types';
import { useResource } from '../../api/useResource';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getMessage } from './api';

/** Every status a message went through, oldest first; reloads when the log sees the message change. */
export function MessageHistory({ tenantId, message }: { tenantId: string; message: MessageView }) {
  const { t } = useTranslation();
  const details = useResource(`message:${tenantId}:${message.id}:${message.status}:${message.updatedAt}`, (signal) =>
    getMessage(tenantId, message.id, signal),
  );

  if (details.problem) {
    return <ProblemAlert problem={details.problem} onRetry={details.reload} />;
  }
  if (!details.data) {
    return <LoadingState />;
  }
  return (
    <Table aria-label={t('messages.history.label')} variant="compact" data-testid="message-history">
      <Thead>
        <Tr>
          <Th>{t('messages.history.at')}</Th>
          <Th>{t('messages.history.from')}</Th>
          <Th>{t('messages.history.to')}</Th>
          <Th>{t('messages.history.errorCode')}</Th>
          <Th>{t('messages.history.source')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {details.data.history.map((change, index) => (
          <Tr key={`${change.occurredAt}:${String(index)}`} data-testid="message-history-entry" data-to={change.to}>
            <Td dataLabel={t('messages.history.at')}>
              <DateTime value={change.occurredAt} />
            </Td>
            <Td dataLabel={t('messages.history.from')}>{change.from ?? '—'}</Td>
            <Td dataLabel={t('messages.history.to')}>{change.to}</Td>
            <Td dataLabel={t('messages.history.errorCode')}>{change.errorCode ?? '—'}</Td>
            <Td dataLabel={t('messages.history.source')}>{change.source}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
