import { Button, Flex, FlexItem, Label, TextArea, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { toProblem } from '../../api/problem';
import type { Problem, SenderIdState } from '../../api/types';
import { useResource } from '../../api/useResource';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getTransitions, moveSenderId, NEEDS_REASON } from './api';

interface SenderIdMovesProps {
  tenantId: string;
  id: number;
  onMoved: () => void;
}

/**
 * A registration's history and the moves the service offers the caller now (submit for the tenant; approve, reject
 * and revoke for the desk). Rejecting and revoking ask for the reason the tenant will read.
 */
export function SenderIdMoves({ tenantId, id, onMoved }: SenderIdMovesProps) {
  const { t } = useTranslation();
  const transitions = useResource(`sender-id-moves:${tenantId}:${String(id)}`, (signal) =>
    getTransitions(tenantId, id, signal),
  );
  const [choosing, setChoosing] = useState<SenderIdState>();
  const [reason, setReason] = useState('');
  const [moving, setMoving] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  if (transitions.problem) {
    return <ProblemAlert problem={transitions.problem} onRetry={transitions.reload} />;
  }
  if (!transitions.data) {
    return <LoadingState />;
  }
  const { available, history, version } = transitions.data;

  const move = async (to: SenderIdState) => {
    setMoving(true);
    setProblem(undefined);
    try {
      await moveSenderId(tenantId, id, to, version, reason);
      setChoosing(undefined);
      setReason('');
      transitions.reload();
      onMoved();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setMoving(false);
    }
  };

  const choose = (to: SenderIdState) => {
    if (NEEDS_REASON.has(to)) {
      setChoosing(to);
      return;
    }
    void move(to);
  };

  return (
    <>
      {problem && <ProblemAlert problem={problem} title={t('senderIds.moveFailed')} />}
      <Flex data-testid="senderid-actions" className="pf-v6-u-mb-md">
        {available.length === 0 && <FlexItem data-testid="senderid-no-actions">{t('senderIds.noMoves')}</FlexItem>}
        {available.map((to) => (
          <FlexItem key={to}>
            <Button
              variant={NEEDS_REASON.has(to) ? 'danger' : 'primary'}
              size="sm"
              isDisabled={moving}
              onClick={() => {
                choose(to);
              }}
              data-testid={`senderid-action-${to}`}
            >
              {t(`senderIds.move.${to}`)}
            </Button>
          </FlexItem>
        ))}
      </Flex>
      {choosing && (
        <div className="pf-v6-u-mb-md" data-testid="senderid-reason-form">
          <TextArea
            aria-label={t('senderIds.reason')}
            placeholder={t('senderIds.reason')}
            value={reason}
            onChange={(_event, value) => {
              setReason(value);
            }}
            data-testid="senderid-reason"
          />
          <Button
            className="pf-v6-u-mt-sm"
            variant="danger"
            isDisabled={reason.trim() === '' || moving}
            isLoading={moving}
            onClick={() => void move(choosing)}
            data-testid="senderid-move-confirm"
          >
            {t(`senderIds.move.${choosing}`)}
          </Button>{' '}
          <Button
            variant="link"
            onClick={() => {
              setChoosing(undefined);
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
      )}
      <Title headingLevel="h3" size="md">
        {t('senderIds.history')}
      </Title>
      <Table aria-label={t('senderIds.history')} variant="compact" data-testid="senderid-history">
        <Thead>
          <Tr>
            <Th>{t('senderIds.historyColumns.at')}</Th>
            <Th>{t('senderIds.historyColumns.to')}</Th>
            <Th>{t('senderIds.historyColumns.actor')}</Th>
            <Th>{t('senderIds.historyColumns.reason')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {history.map((entry, index) => (
            <Tr key={`${entry.occurredAt}:${String(index)}`} data-testid="senderid-history-entry" data-to={entry.to}>
              <Td>
                <DateTime value={entry.occurredAt} />
              </Td>
              <Td>
                <Label isCompact>{t(`senderIdState.${entry.to}`)}</Label>
              </Td>
              <Td>{entry.actor}</Td>
              <Td>{entry.reason ?? '—'}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}
