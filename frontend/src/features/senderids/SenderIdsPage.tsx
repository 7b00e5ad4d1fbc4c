import {
  Button,
  Content,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  Label,
  type LabelProps,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import type { SenderIdRegistration, SenderIdState } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';
import { useHasAnyRole } from '../../auth/currentUser';
import { DateTime } from '../../components/DateTime';
import { MessageState } from '../../components/MessageState';
import { PagedListView } from '../../components/PagedListView';
import { listSenderIds, SENDER_ID_STATES } from './api';
import { SENDER_ID_EDITORS } from './roles';
import { SenderIdFormModal } from './SenderIdFormModal';
import { SenderIdMoves } from './SenderIdMoves';

const PAGE_SIZE = 50;
const COLUMN_COUNT = 7;

const STATE_STATUS: Record<SenderIdState, LabelProps['status'] | undefined> = {
  DRAFT: undefined,
  SUBMITTED: 'info',
  APPROVED: 'success',
  REJECTED: 'danger',
  REVOKED: 'warning',
};

type Dialog = { kind: 'create' } | { kind: 'edit'; draft: SenderIdRegistration } | undefined;

/** The tenant's alphanumeric sender-ID registrations: draft, edit and submit them; the desk decides on them. */
export function SenderIdsPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const canEdit = useHasAnyRole(SENDER_ID_EDITORS);
  const [state, setState] = useState<SenderIdState | ''>('');
  const [dialog, setDialog] = useState<Dialog>();
  const [expanded, setExpanded] = useState<number>();
  const registrations = usePagedList(JSON.stringify(['sender-ids', tenantId, state]), (cursor, signal) =>
    listSenderIds(tenantId, state, PAGE_SIZE, cursor, signal),
  );

  const body = (
    <PagedListView
      list={registrations}
      empty={
        <MessageState title={t('senderIds.emptyTitle')} body={t('senderIds.emptyBody')} testId="senderids-empty" />
      }
      loadMoreTestId="senderids-load-more"
    >
      <Table aria-label={t('senderIds.tableLabel')} variant="compact" isExpandable data-testid="senderids-table">
        <Thead>
          <Tr>
            <Th screenReaderText={t('senderIds.showMoves')} />
            <Th>{t('senderIds.columns.senderId')}</Th>
            <Th>{t('senderIds.columns.country')}</Th>
            <Th>{t('senderIds.columns.subaccount')}</Th>
            <Th>{t('senderIds.columns.state')}</Th>
            <Th>{t('senderIds.columns.useCase')}</Th>
            <Th>{t('senderIds.columns.createdAt')}</Th>
            <Th screenReaderText={t('senderIds.columns.actions')} />
          </Tr>
        </Thead>
        {registrations.items.map((registration, rowIndex) => {
          const isExpanded = expanded === registration.id;
          return (
            <Tbody key={registration.id} isExpanded={isExpanded}>
              <Tr data-testid="senderid-row" data-id={registration.id} data-sender-id={registration.senderId}>
                <Td
                  expand={{
                    rowIndex,
                    isExpanded,
                    expandId: 'senderid-moves',
                    onToggle: () => {
                      setExpanded(isExpanded ? undefined : registration.id);
                    },
                  }}
                  data-testid="senderid-toggle"
                />
                <Td dataLabel={t('senderIds.columns.senderId')}>
                  <code>{registration.senderId}</code>
                </Td>
                <Td dataLabel={t('senderIds.columns.country')}>
                  {registration.country}{' '}
                  <Label isCompact variant="outline">
                    {t(`senderIds.policy.${registration.countryPolicy}`, {
                      defaultValue: registration.countryPolicy,
                    })}
                  </Label>
                </Td>
                <Td dataLabel={t('senderIds.columns.subaccount')}>
                  {registration.subaccount ?? t('senderIds.wholeTenant')}
                </Td>
                <Td dataLabel={t('senderIds.columns.state')}>
                  <Label
                    isCompact
                    status={STATE_STATUS[registration.state]}
                    data-testid="senderid-state"
                    data-state={registration.state}
                  >
                    {t(`senderIdState.${registration.state}`)}
                  </Label>
                  {registration.rejectionReason && (
                    <div data-testid="senderid-rejection">{registration.rejectionReason}</div>
                  )}
                </Td>
                <Td dataLabel={t('senderIds.columns.useCase')} modifier="truncate">
                  {registration.useCase ?? '—'}
                </Td>
                <Td dataLabel={t('senderIds.columns.createdAt')}>
                  <DateTime value={registration.createdAt} />
                </Td>
                <Td isActionCell>
                  {canEdit && registration.state === 'DRAFT' && (
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => {
                        setDialog({ kind: 'edit', draft: registration });
                      }}
                      data-testid="senderid-edit"
                    >
                      {t('senderIds.edit')}
                    </Button>
                  )}
                </Td>
              </Tr>
              <Tr isExpanded={isExpanded}>
                <Td colSpan={COLUMN_COUNT + 1}>
                  {isExpanded && (
                    <ExpandableRowContent>
                      <SenderIdMoves tenantId={tenantId} id={registration.id} onMoved={registrations.reload} />
                    </ExpandableRowContent>
                  )}
                </Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
    </PagedListView>
  );

  return (
    <PageSection>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <Title headingLevel="h1">{t('senderIds.title')}</Title>
          <Content component="p">{t('senderIds.subtitle', { tenantId })}</Content>
        </FlexItem>
        <FlexItem>
          <Flex>
            <FlexItem>
              <FormSelect
                aria-label={t('senderIds.stateFilter')}
                value={state}
                onChange={(_event, value) => {
                  setState(value as SenderIdState | '');
                }}
                data-testid="senderids-filter-state"
              >
                <FormSelectOption value="" label={t('senderIds.anyState')} />
                {SENDER_ID_STATES.map((option) => (
                  <FormSelectOption key={option} value={option} label={t(`senderIdState.${option}`)} />
                ))}
              </FormSelect>
            </FlexItem>
            {canEdit && (
              <FlexItem>
                <Button
                  onClick={() => {
                    setDialog({ kind: 'create' });
                  }}
                  data-testid="senderid-create"
                >
                  {t('senderIds.create')}
                </Button>
              </FlexItem>
            )}
          </Flex>
        </FlexItem>
      </Flex>
      {body}
      {dialog && (
        <SenderIdFormModal
          tenantId={tenantId}
          draft={dialog.kind === 'edit' ? dialog.draft : undefined}
          onClose={() => {
            setDialog(undefined);
          }}
          onSaved={() => {
            setDialog(undefined);
            registrations.reload();
          }}
        />
      )}
    </PageSection>
  );
}
