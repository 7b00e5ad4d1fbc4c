import {
  Button,
  Content,
  Flex,
  FlexItem,
  PageSection,
  Stack,
  StackItem,
  Title,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import PhoneIcon from '@patternfly/react-icons/dist/esm/icons/phone-icon';
import SearchIcon from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';

import type { NumberState, NumberView } from '../../api/types';
import { usePagedList } from '../../api/usePagedList';
import { useResource } from '../../api/useResource';
import { numberPath } from '../../app/paths';
import { useHasAnyRole } from '../../auth/currentUser';
import { NUMBER_ADMINS, NUMBER_EDITORS } from '../../auth/permissions';
import { LoadingState } from '../../components/LoadingState';
import { MessageState } from '../../components/MessageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countNumbers, hasNumberFilters, listNumbers, NUMBER_STATES, type NumberFilters } from './api';
import { BuyNumbersModal } from './BuyNumbersModal';
import { filtersFrom, toSearchParams } from './filters';
import { ImportNumbersModal } from './ImportNumbersModal';
import { NumberFilterBar } from './NumberFilterBar';
import { CapabilityLabels, NumberStateLabel, TagLabels } from './NumberLabels';

const PAGE_SIZE = 50;

type Dialog = 'import' | 'buy' | undefined;

export function NumbersPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>();
  const canImport = useHasAnyRole(NUMBER_ADMINS);
  const canBuy = useHasAnyRole(NUMBER_EDITORS);

  const filters = filtersFrom(searchParams);
  const numbers = usePagedList(JSON.stringify(['numbers', tenantId, filters]), (cursor, signal) =>
    listNumbers(tenantId, filters, PAGE_SIZE, cursor, signal),
  );
  const applyFilters = (applied: NumberFilters) => {
    setSearchParams(toSearchParams(applied));
  };
  // Counts ignore the state filter, so choosing a state keeps the other states' counts in view.
  const countFilters = { ...filters, state: [] };
  const counts = useResource(JSON.stringify(['number-counts', tenantId, countFilters]), (signal) =>
    countNumbers(tenantId, countFilters, signal),
  );
  const reloadAll = () => {
    numbers.reload();
    counts.reload();
  };

  let body;
  if (numbers.problem && numbers.items.length === 0) {
    body = <ProblemAlert problem={numbers.problem} onRetry={numbers.reload} />;
  } else if (numbers.loading) {
    body = <LoadingState />;
  } else if (numbers.items.length === 0) {
    body = hasNumberFilters(filters) ? (
      <MessageState
        title={t('numbers.noMatchTitle')}
        body={t('numbers.noMatchBody')}
        icon={SearchIcon}
        testId="numbers-empty"
        actions={
          <Button
            variant="link"
            onClick={() => {
              setSearchParams(new URLSearchParams());
            }}
          >
            {t('numbers.filters.clear')}
          </Button>
        }
      />
    ) : (
      <MessageState
        title={t('numbers.emptyTitle')}
        body={t('numbers.emptyBody')}
        icon={PhoneIcon}
        testId="numbers-empty"
      />
    );
  } else {
    body = (
      <>
        <NumberTable tenantId={tenantId} numbers={numbers.items} />
        {numbers.problem && <ProblemAlert problem={numbers.problem} onRetry={numbers.loadMore} />}
        {numbers.hasMore && (
          <div className="pf-v6-u-mt-md">
            <Button
              variant="secondary"
              onClick={numbers.loadMore}
              isLoading={numbers.loadingMore}
              isDisabled={numbers.loadingMore}
              data-testid="numbers-load-more"
            >
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <PageSection>
      <Stack hasGutter>
        <StackItem>
          <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
            <FlexItem>
              <Title headingLevel="h1">{t('numbers.title')}</Title>
              <Content component="p">{t('numbers.subtitle', { tenantId })}</Content>
            </FlexItem>
            <FlexItem>
              <Flex>
                {canImport && (
                  <Button
                    variant="primary"
                    onClick={() => {
                      setDialog('import');
                    }}
                    data-testid="import-numbers"
                  >
                    {t('numbers.import')}
                  </Button>
                )}
                {canBuy && (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setDialog('buy');
                    }}
                    data-testid="buy-numbers"
                  >
                    {t('numbers.buy')}
                  </Button>
                )}
              </Flex>
            </FlexItem>
          </Flex>
        </StackItem>
        <StackItem>
          {counts.problem ? (
            <ProblemAlert problem={counts.problem} onRetry={counts.reload} />
          ) : (
            <StateCounts
              total={counts.data?.total}
              byState={counts.data?.byState}
              selected={filters.state}
              onSelect={(state) => {
                applyFilters({ ...filters, state });
              }}
            />
          )}
        </StackItem>
        <StackItem>
          <NumberFilterBar
            // Remounting when the URL changes (back button, "clear filters") resets what the inputs show.
            key={searchParams.toString()}
            initial={filters}
            onApply={applyFilters}
          />
        </StackItem>
        <StackItem>{body}</StackItem>
      </Stack>
      {dialog === 'import' && (
        <ImportNumbersModal
          tenantId={tenantId}
          onImported={reloadAll}
          onClose={() => {
            setDialog(undefined);
          }}
        />
      )}
      {dialog === 'buy' && (
        <BuyNumbersModal
          tenantId={tenantId}
          onBought={reloadAll}
          onClose={() => {
            setDialog(undefined);
          }}
        />
      )}
    </PageSection>
  );
}

interface StateCountsProps {
  total: number | undefined;
  byState: Partial<Record<NumberState, number>> | undefined;
  selected: readonly NumberState[];
  onSelect: (states: NumberState[]) => void;
}

/** How many numbers are in each migration state; choosing a state filters the table to it. */
function StateCounts({ total, byState, selected, onSelect }: StateCountsProps) {
  const { t } = useTranslation();
  const count = (value: number | undefined) => (value === undefined ? '…' : String(value));
  return (
    <ToggleGroup aria-label={t('numbers.counts.label')} data-testid="number-counts">
      <ToggleGroupItem
        text={`${t('numbers.counts.all')} · ${count(total)}`}
        isSelected={selected.length === 0}
        onChange={() => {
          onSelect([]);
        }}
        data-testid="state-count-all"
      />
      {NUMBER_STATES.map((state) => {
        const isSelected = selected.length === 1 && selected[0] === state;
        return (
          <ToggleGroupItem
            key={state}
            text={`${t(`numberState.${state}`)} · ${count(byState === undefined ? undefined : (byState[state] ?? 0))}`}
            isSelected={isSelected}
            onChange={() => {
              onSelect(isSelected ? [] : [state]);
            }}
            data-testid={`state-count-${state}`}
          />
        );
      })}
    </ToggleGroup>
  );
}

function NumberTable({ tenantId, numbers }: { tenantId: string; numbers: NumberView[] }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('numbers.tableLabel')} data-testid="numbers-table" variant="compact">
      <Thead>
        <Tr>
          <Th>{t('numbers.columns.number')}</Th>
          <Th>{t('numbers.columns.country')}</Th>
          <Th>{t('numbers.columns.type')}</Th>
          <Th>{t('numbers.columns.capabilities')}</Th>
          <Th>{t('numbers.columns.provider')}</Th>
          <Th>{t('numbers.columns.state')}</Th>
          <Th>{t('numbers.columns.plan')}</Th>
          <Th>{t('numbers.columns.account')}</Th>
          <Th>{t('numbers.columns.tags')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {numbers.map((number) => (
          <Tr key={number.e164} data-testid="number-row" data-number={number.e164}>
            <Td dataLabel={t('numbers.columns.number')}>
              <Link to={numberPath(tenantId, number.e164)} data-testid="number-link">
                {number.e164}
              </Link>
            </Td>
            <Td dataLabel={t('numbers.columns.country')} data-testid="number-country">
              {number.country}
            </Td>
            <Td dataLabel={t('numbers.columns.type')}>{t(`numberType.${number.type}`)}</Td>
            <Td dataLabel={t('numbers.columns.capabilities')}>
              <CapabilityLabels capabilities={number.capabilities} />
            </Td>
            <Td dataLabel={t('numbers.columns.provider')}>{t(`numberProvider.${number.provider}`)}</Td>
            <Td dataLabel={t('numbers.columns.state')}>
              <NumberStateLabel state={number.state} testId="number-state" />
            </Td>
            <Td dataLabel={t('numbers.columns.plan')}>
              {number.plan ? t(`numberPlan.${number.plan}`) : t('numbers.noPlan')}
            </Td>
            <Td dataLabel={t('numbers.columns.account')} modifier="truncate">
              {number.plivo.subaccount ?? number.twilio.accountSid ?? '—'}
            </Td>
            <Td dataLabel={t('numbers.columns.tags')}>
              <TagLabels tags={number.tags} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
