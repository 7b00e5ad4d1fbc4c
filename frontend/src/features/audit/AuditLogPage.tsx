import {
  Button,
  Content,
  Form,
  PageSection,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import FilterIcon from '@patternfly/react-icons/dist/esm/icons/filter-icon';
import HistoryIcon from '@patternfly/react-icons/dist/esm/icons/history-icon';
import SearchIcon from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';

import { usePagedList } from '../../api/usePagedList';
import { MessageState } from '../../components/MessageState';
import { PagedListView } from '../../components/PagedListView';
import { AuditEventTable } from './AuditEventTable';
import { hasAuditFilters, listAuditEvents, NO_AUDIT_FILTERS, type AuditFilters } from './api';

const PAGE_SIZE = 50;
const FILTER_NAMES = ['action', 'actor', 'objectType'] as const satisfies readonly (keyof AuditFilters)[];

// Filters live in the URL so a filtered audit log can be bookmarked or sent to a colleague.
function filtersFrom(params: URLSearchParams): AuditFilters {
  return {
    action: params.get('action') ?? '',
    actor: params.get('actor') ?? '',
    objectType: params.get('objectType') ?? '',
  };
}

function toSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) {
      params.set(name, value);
    }
  }
  return params;
}

export function AuditLogPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const events = usePagedList(JSON.stringify([tenantId, filters]), (cursor, signal) =>
    listAuditEvents(tenantId, filters, PAGE_SIZE, cursor, signal),
  );

  const body = (
    <PagedListView
      list={events}
      empty={
        hasAuditFilters(filters) ? (
          <MessageState
            title={t('audit.noMatchTitle')}
            body={t('audit.noMatchBody')}
            icon={SearchIcon}
            testId="audit-empty"
            actions={
              <Button
                variant="link"
                onClick={() => {
                  setSearchParams(new URLSearchParams());
                }}
              >
                {t('audit.filters.clear')}
              </Button>
            }
          />
        ) : (
          <MessageState
            title={t('audit.emptyTitle')}
            body={t('audit.emptyBody')}
            icon={HistoryIcon}
            testId="audit-empty"
          />
        )
      }
      loadMoreTestId="audit-load-more"
    >
      <AuditEventTable events={events.items} ariaLabel={t('audit.tableLabel')} testId="audit-table" expandable />
    </PagedListView>
  );

  return (
    <PageSection>
      <Title headingLevel="h1">{t('audit.title')}</Title>
      <Content component="p">{t('audit.subtitle', { tenantId })}</Content>
      <AuditFilterBar
        // Remounting when the URL changes (back button, "clear filters") resets what the inputs show.
        key={searchParams.toString()}
        initial={filters}
        onApply={(applied) => {
          setSearchParams(toSearchParams(applied));
        }}
      />
      {body}
    </PageSection>
  );
}

interface AuditFilterBarProps {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

function AuditFilterBar({ initial, onApply }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);

  // Filters apply on submit, not per keystroke, so typing an actor's name does not fire a query per letter.
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  const input = (name: keyof AuditFilters, label: string, placeholder: string) => (
    <ToolbarItem>
      <TextInput
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={draft[name]}
        onChange={(_event, value) => {
          setDraft((previous) => ({ ...previous, [name]: value }));
        }}
        data-testid={`audit-filter-${name}`}
      />
    </ToolbarItem>
  );

  return (
    <Form onSubmit={submit} aria-label={t('audit.filters.label')}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarGroup variant="filter-group">
            {input('action', t('audit.filters.action'), t('audit.filters.actionPlaceholder'))}
            {input('actor', t('audit.filters.actor'), t('audit.filters.actorPlaceholder'))}
            {input('objectType', t('audit.filters.objectType'), t('audit.filters.objectTypePlaceholder'))}
          </ToolbarGroup>
          <ToolbarGroup>
            <ToolbarItem>
              <Button type="submit" variant="primary" icon={<FilterIcon />}>
                {t('audit.filters.apply')}
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                variant="link"
                isDisabled={!hasAuditFilters(initial) && !hasAuditFilters(draft)}
                onClick={() => {
                  setDraft(NO_AUDIT_FILTERS);
                  onApply(NO_AUDIT_FILTERS);
                }}
              >
                {t('audit.filters.clear')}
              </Button>
            </ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
    </Form>
  );
}
