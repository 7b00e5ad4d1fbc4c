import {
  Button,
  FormSelect,
  FormSelectOption,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { usePagedList } from '../../api/usePagedList';
import { DateTime } from '../../components/DateTime';
import { LoadingState } from '../../components/LoadingState';
import { MessageState } from '../../components/MessageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DIRECTIONS, isFinal, listMessages, MESSAGE_STATUSES, NO_MESSAGE_FILTERS, type MessageFilters } from './api';
import { MessageHistory } from './MessageHistory';
import { MessageStatusLabel } from './MessageStatusLabel';

const PAGE_SIZE = 50;
const COLUMN_COUNT = 7;
/** How often the log asks again while a shown message may still change. */
export const POLL_INTERVAL_MS = 3000;

interface MessageLogProps {
  tenantId: string;
  /** Changes whenever the page sent something, so the log shows the new messages at once. */
  refresh: number;
}

/**
 * The tenant's messages, newest first, with filters. While any shown message has not reached a final status the log
 * reloads its first page every few seconds (pages loaded with "load more" are dropped then; the newest are the ones
 * still moving).
 */
export function MessageLog({ tenantId, refresh }: MessageLogProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MessageFilters>(NO_MESSAGE_FILTERS);
  const [filters, setFilters] = useState<MessageFilters>(NO_MESSAGE_FILTERS);
  const [expanded, setExpanded] = useState<number>();
  const messages = usePagedList(JSON.stringify(['messages', tenantId, filters, refresh]), (cursor, signal) =>
    listMessages(tenantId, filters, PAGE_SIZE, cursor, signal),
  );

  const moving = messages.items.some((message) => !isFinal(message));
  const { reload } = messages;
  useEffect(() => {
    if (!moving || messages.loading) {
      return undefined;
    }
    const timer = setTimeout(reload, POLL_INTERVAL_MS);
    return () => {
      clearTimeout(timer);
    };
    // The items' identity changes with every reload, which schedules the next poll.
  }, [moving, messages.items, messages.loading, reload]);

  const setField = (field: keyof MessageFilters) => (_event: unknown, value: string) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
  };

  const filterBar = (
    <Toolbar>
      <ToolbarContent>
        <ToolbarItem>
          <FormSelect
            aria-label={t('messages.filters.direction')}
            value={draft.direction}
            onChange={setField('direction')}
            data-testid="messages-filter-direction"
          >
            <FormSelectOption value="" label={t('messages.filters.anyDirection')} />
            {DIRECTIONS.map((direction) => (
              <FormSelectOption key={direction} value={direction} label={t(`messages.direction.${direction}`)} />
            ))}
          </FormSelect>
        </ToolbarItem>
        <ToolbarItem>
          <FormSelect
            aria-label={t('messages.filters.status')}
            value={draft.status}
            onChange={setField('status')}
            data-testid="messages-filter-status"
          >
            <FormSelectOption value="" label={t('messages.filters.anyStatus')} />
            {MESSAGE_STATUSES.map((status) => (
              <FormSelectOption key={status} value={status} label={status} />
            ))}
          </FormSelect>
        </ToolbarItem>
        {(['from', 'to', 'country'] as const).map((field) => (
          <ToolbarItem key={field}>
            <TextInput
              aria-label={t(`messages.filters.${field}`)}
              placeholder={t(`messages.filters.${field}`)}
              value={draft[field]}
              onChange={setField(field)}
              data-testid={`messages-filter-${field}`}
            />
          </ToolbarItem>
        ))}
        <ToolbarItem>
          <Button
            variant="secondary"
            onClick={() => {
              setFilters(draft);
            }}
            data-testid="messages-filter-apply"
          >
            {t('messages.filters.apply')}
          </Button>
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );

  let body;
  if (messages.problem && messages.items.length === 0) {
    body = <ProblemAlert problem={messages.problem} onRetry={messages.reload} />;
  } else if (messages.loading) {
    body = <LoadingState />;
  } else if (messages.items.length === 0) {
    body = <MessageState title={t('messages.emptyTitle')} body={t('messages.emptyBody')} testId="messages-empty" />;
  } else {
    body = (
      <>
        <Table aria-label={t('messages.tableLabel')} variant="compact" isExpandable data-testid="messages-table">
          <Thead>
            <Tr>
              <Th screenReaderText={t('messages.showHistory')} />
              <Th>{t('messages.columns.createdAt')}</Th>
              <Th>{t('messages.columns.direction')}</Th>
              <Th>{t('messages.columns.from')}</Th>
              <Th>{t('messages.columns.to')}</Th>
              <Th>{t('messages.columns.text')}</Th>
              <Th>{t('messages.columns.segments')}</Th>
              <Th>{t('messages.columns.status')}</Th>
            </Tr>
          </Thead>
          {messages.items.map((message, rowIndex) => {
            const isExpanded = expanded === message.id;
            return (
              <Tbody key={message.id} isExpanded={isExpanded}>
                <Tr data-testid="message-row" data-message-id={message.id} data-to={message.to}>
                  <Td
                    expand={{
                      rowIndex,
                      isExpanded,
                      expandId: 'message-history',
                      onToggle: () => {
                        setExpanded(isExpanded ? undefined : message.id);
                      },
                    }}
                    data-testid="message-toggle-history"
                  />
                  <Td dataLabel={t('messages.columns.createdAt')}>
                    <DateTime value={message.createdAt} />
                  </Td>
                  <Td dataLabel={t('messages.columns.direction')}>
                    {t(`messages.direction.${message.direction}`, { defaultValue: message.direction })}
                  </Td>
                  <Td dataLabel={t('messages.columns.from')}>{message.from}</Td>
                  <Td dataLabel={t('messages.columns.to')}>{message.to}</Td>
                  <Td dataLabel={t('messages.columns.text')} modifier="truncate">
                    {message.text ?? t('messages.mediaOnly', { count: message.mediaUrls.length })}
                  </Td>
                  <Td dataLabel={t('messages.columns.segments')}>
                    {message.segments ?? '—'} {message.encoding && `(${message.encoding})`}
                  </Td>
                  <Td dataLabel={t('messages.columns.status')}>
                    <MessageStatusLabel status={message.status} />
                    {message.errorCode && ` ${t('messages.errorCode', { code: message.errorCode })}`}
                    {message.statusReason && (
                      <div className="pf-v6-u-font-size-sm" data-testid="message-status-reason">
                        {message.statusReason}
                      </div>
                    )}
                  </Td>
                </Tr>
                <Tr isExpanded={isExpanded}>
                  <Td colSpan={COLUMN_COUNT + 1}>
                    {isExpanded && (
                      <ExpandableRowContent>
                        <MessageHistory tenantId={tenantId} message={message} />
                      </ExpandableRowContent>
                    )}
                  </Td>
                </Tr>
              </Tbody>
            );
          })}
        </Table>
        {messages.problem && <ProblemAlert problem={messages.problem} onRetry={messages.loadMore} />}
        {messages.hasMore && (
          <Button
            variant="secondary"
            className="pf-v6-u-mt-md"
            onClick={messages.loadMore}
            isLoading={messages.loadingMore}
            isDisabled={messages.loadingMore}
            data-testid="messages-load-more"
          >
            {t('common.loadMore')}
          </Button>
        )}
      </>
    );
  }

  return (
    <>
      <Title headingLevel="h2">{t('messages.logTitle')}</Title>
      {filterBar}
      {body}
    </>
  );
}
