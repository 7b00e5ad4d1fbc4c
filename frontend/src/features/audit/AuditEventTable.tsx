import {
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  Title,
} from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AuditEvent } from '../../api/types';
import { DateTime } from '../../components/DateTime';

interface AuditEventTableProps {
  events: AuditEvent[];
  ariaLabel: string;
  testId: string;
  /** The audit log lets people open each event to compare the object before and after; the overview does not. */
  expandable?: boolean;
}

const COLUMN_COUNT = 5;

export function AuditEventTable({ events, ariaLabel, testId, expandable = false }: AuditEventTableProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  };

  const cells = (event: AuditEvent) => (
    <>
      <Td dataLabel={t('audit.columns.occurredAt')}>
        <DateTime value={event.occurredAt} />
      </Td>
      <Td dataLabel={t('audit.columns.actor')} data-testid="audit-actor">
        {event.actor}
      </Td>
      <Td dataLabel={t('audit.columns.action')} data-testid="audit-action">
        {event.action}
      </Td>
      <Td dataLabel={t('audit.columns.object')}>
        {event.objectType} <code>{event.objectId}</code>
      </Td>
      <Td dataLabel={t('audit.columns.requestId')} modifier="truncate">
        {event.requestId ?? '—'}
      </Td>
    </>
  );

  return (
    <Table aria-label={ariaLabel} data-testid={testId} variant="compact" isExpandable={expandable}>
      <Thead>
        <Tr>
          {expandable && <Th screenReaderText={t('audit.expand')} />}
          <Th>{t('audit.columns.occurredAt')}</Th>
          <Th>{t('audit.columns.actor')}</Th>
          <Th>{t('audit.columns.action')}</Th>
          <Th>{t('audit.columns.object')}</Th>
          <Th>{t('audit.columns.requestId')}</Th>
        </Tr>
      </Thead>
      {expandable ? (
        events.map((event, rowIndex) => {
          const isExpanded = expanded.has(event.id);
          return (
            <Tbody key={event.id} isExpanded={isExpanded}>
              <Tr data-testid="audit-row">
                <Td
                  expand={{
                    rowIndex,
                    isExpanded,
                    expandId: 'audit-event',
                    onToggle: () => {
                      toggle(event.id);
                    },
                  }}
                />
                {cells(event)}
              </Tr>
              <Tr isExpanded={isExpanded}>
                <Td colSpan={COLUMN_COUNT + 1}>
                  {isExpanded && (
                    <ExpandableRowContent>
                      <AuditEventChange event={event} />
                    </ExpandableRowContent>
                  )}
                </Td>
              </Tr>
            </Tbody>
          );
        })
      ) : (
        <Tbody>
          {events.map((event) => (
            <Tr key={event.id} data-testid="audit-row">
              {cells(event)}
            </Tr>
          ))}
        </Tbody>
      )}
    </Table>
  );
}

function AuditEventChange({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-change">
      <DescriptionList isHorizontal isCompact className="pf-v6-u-mb-md">
        <DescriptionListGroup>
          <DescriptionListTerm>{t('audit.actorRoles')}</DescriptionListTerm>
          <DescriptionListDescription>
            {event.actorRoles.length > 0 ? event.actorRoles.join(', ') : t('common.none')}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      <Grid hasGutter>
        <GridItem md={6}>
          <Title headingLevel="h4">{t('audit.before')}</Title>
          <JsonSnapshot value={event.before} emptyText={t('audit.nothingBefore')} />
        </GridItem>
        <GridItem md={6}>
          <Title headingLevel="h4">{t('audit.after')}</Title>
          <JsonSnapshot value={event.after} emptyText={t('audit.nothingAfter')} />
        </GridItem>
      </Grid>
    </div>
  );
}

function JsonSnapshot({ value, emptyText }: { value: AuditEvent['before']; emptyText: string }) {
  if (value === null) {
    return <p>{emptyText}</p>;
  }
  return (
    <CodeBlock>
      <CodeBlockCode>{JSON.stringify(value, null, 2)}</CodeBlockCode>
    </CodeBlock>
  );
}
