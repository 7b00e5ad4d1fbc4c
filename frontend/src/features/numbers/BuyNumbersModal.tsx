import {
  Alert,
  Button,
  Checkbox,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalBody,
  ModalHeader,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { newIdempotencyKey } from '../../api/client';
import { mapFieldErrors, toProblem } from '../../api/problem';
import type { AvailableNumber, Job, Problem } from '../../api/types';
import { numberPath } from '../../app/paths';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { JobProgress } from '../jobs/JobProgress';
import {
  buyNumber,
  buyNumbers,
  CAPABILITIES,
  purchaseOutcome,
  searchAvailable,
  type AvailableSearch,
  type PurchaseOutcome,
} from './api';
import { CapabilityLabels } from './NumberLabels';

const SEARCH_TYPES = ['local', 'mobile', 'tollfree'] as const;
const SEARCH_FIELDS = ['country', 'pattern', 'type'] as const;

interface BuyNumbersModalProps {
  tenantId: string;
  onClose: () => void;
  /** Called after each number bought (or each purchase of several finished), so the page can show them. */
  onBought: () => void;
  pollIntervalMs?: number;
}

interface Results {
  search: AvailableSearch;
  items: AvailableNumber[];
  more: boolean;
}

/** One purchase the person asked for. Its key is reused when they retry it, so Plivo never rents the number twice. */
interface Purchase {
  e164: string;
  key: string;
  status: 'buying' | 'bought' | 'failed';
  problem?: Problem;
}

/**
 * A purchase of several numbers at once: a job on the service. Its key is reused when the person retries a request
 * that got no answer, so the numbers are never bought twice.
 */
interface BulkPurchase {
  numbers: string[];
  key: string;
  submitting: boolean;
  problem?: Problem;
  job?: Job;
  outcome?: PurchaseOutcome;
}

/** Searches the numbers Plivo offers and rents the ones the person picks: one per click, or those selected at once. */
export function BuyNumbersModal({ tenantId, onClose, onBought, pollIntervalMs }: BuyNumbersModalProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState<AvailableSearch>({ country: '', type: '', pattern: '', capability: [] });
  const [searching, setSearching] = useState(false);
  const [searchProblem, setSearchProblem] = useState<Problem>();
  const [countryMissing, setCountryMissing] = useState(false);
  const [results, setResults] = useState<Results>();
  const [purchases, setPurchases] = useState<Record<string, Purchase>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkPurchase>();

  const runSearch = async (wanted: AvailableSearch, offset: number) => {
    setSearching(true);
    setSearchProblem(undefined);
    try {
      const page = await searchAvailable(tenantId, wanted, offset);
      setResults((previous) => ({
        search: wanted,
        items: offset > 0 && previous ? [...previous.items, ...page.items] : page.items,
        more: page.more,
      }));
    } catch (error) {
      setSearchProblem(toProblem(error));
    } finally {
      setSearching(false);
    }
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const wanted = { ...search, country: search.country.trim().toUpperCase(), pattern: search.pattern.trim() };
    if (!wanted.country) {
      setCountryMissing(true);
      return;
    }
    void runSearch(wanted, 0);
  };

  const buy = async (purchase: Purchase) => {
    setPurchases((previous) => ({ ...previous, [purchase.e164]: { ...purchase, status: 'buying' } }));
    try {
      await buyNumber(tenantId, purchase.e164, purchase.key);
      setPurchases((previous) => ({ ...previous, [purchase.e164]: { ...purchase, status: 'bought' } }));
      onBought();
    } catch (error) {
      const problem = toProblem(error);
      setPurchases((previous) => ({ ...previous, [purchase.e164]: { ...purchase, status: 'failed', problem } }));
    }
  };

  const buySelected = async (numbers: string[], key: string) => {
    setBulk({ numbers, key, submitting: true });
    try {
      const job = await buyNumbers(tenantId, numbers, key);
      setBulk({ numbers, key, submitting: false, job });
      setSelected([]);
    } catch (error) {
      setBulk({ numbers, key, submitting: false, problem: toProblem(error) });
    }
  };

  const bulkRunning = bulk !== undefined && (bulk.submitting || (bulk.job !== undefined && !bulk.outcome));
  // Numbers bought, being bought, or in the purchase that runs cannot be chosen again.
  const unavailable = (e164: string) => {
    const purchase = purchases[e164];
    if (purchase !== undefined && purchase.status !== 'failed') {
      return true;
    }
    if (bulk?.outcome?.bought.includes(e164)) {
      return true;
    }
    return bulkRunning && bulk.numbers.includes(e164);
  };

  const fieldErrors = searchProblem ? mapFieldErrors(searchProblem, SEARCH_FIELDS) : undefined;
  const countryError = countryMissing ? t('common.required') : fieldErrors?.byField.country;

  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby="buy-numbers-title">
      <ModalHeader title={t('numbers.buyForm.title')} labelId="buy-numbers-title" />
      <ModalBody>
        <Stack hasGutter>
          <StackItem>
            <Form onSubmit={submit} aria-label={t('numbers.buyForm.title')}>
              <Flex alignItems={{ default: 'alignItemsFlexEnd' }}>
                <FlexItem>
                  <FormGroup label={t('numbers.buyForm.country')} fieldId="buy-country" isRequired>
                    <TextInput
                      id="buy-country"
                      value={search.country}
                      validated={countryError ? 'error' : 'default'}
                      onChange={(_event, value) => {
                        setSearch((previous) => ({ ...previous, country: value }));
                        setCountryMissing(false);
                      }}
                      data-testid="buy-country"
                    />
                    <FormHelperText>
                      <HelperText>
                        <HelperTextItem variant={countryError ? 'error' : 'default'}>
                          {countryError ?? t('numbers.buyForm.countryHelp')}
                        </HelperTextItem>
                      </HelperText>
                    </FormHelperText>
                  </FormGroup>
                </FlexItem>
                <FlexItem>
                  <FormGroup label={t('numbers.buyForm.type')} fieldId="buy-type">
                    <FormSelect
                      id="buy-type"
                      value={search.type}
                      onChange={(_event, value) => {
                        setSearch((previous) => ({
                          ...previous,
                          type: SEARCH_TYPES.find((type) => type === value) ?? '',
                        }));
                      }}
                      data-testid="buy-type"
                    >
                      <FormSelectOption value="" label={t('numbers.buyForm.anyType')} />
                      {SEARCH_TYPES.map((type) => (
                        <FormSelectOption key={type} value={type} label={t(`numbers.buyForm.${type}`)} />
                      ))}
                    </FormSelect>
                  </FormGroup>
                </FlexItem>
                <FlexItem>
                  <FormGroup label={t('numbers.buyForm.pattern')} fieldId="buy-pattern">
                    <TextInput
                      id="buy-pattern"
                      inputMode="numeric"
                      placeholder={t('numbers.buyForm.patternPlaceholder')}
                      value={search.pattern}
                      validated={fieldErrors?.byField.pattern ? 'error' : 'default'}
                      onChange={(_event, value) => {
                        setSearch((previous) => ({ ...previous, pattern: value }));
                      }}
                      data-testid="buy-pattern"
                    />
                  </FormGroup>
                </FlexItem>
                <FlexItem>
                  <FormGroup label={t('numbers.buyForm.capability')} fieldId="buy-capability-voice" isInline>
                    {CAPABILITIES.map((capability) => (
                      <Checkbox
                        key={capability}
                        id={`buy-capability-${capability}`}
                        label={t(`capability.${capability}`)}
                        isChecked={search.capability.includes(capability)}
                        onChange={(_event, checked) => {
                          setSearch((previous) => ({
                            ...previous,
                            capability: checked
                              ? [...previous.capability, capability]
                              : previous.capability.filter((held) => held !== capability),
                          }));
                        }}
                        data-testid={`buy-capability-${capability}`}
                      />
                    ))}
                  </FormGroup>
                </FlexItem>
                <FlexItem>
                  <Button
                    type="submit"
                    variant="primary"
                    isLoading={searching}
                    isDisabled={searching}
                    data-testid="buy-search"
                  >
                    {t('numbers.buyForm.search')}
                  </Button>
                </FlexItem>
              </Flex>
            </Form>
          </StackItem>
          {searchProblem && (
            <StackItem>
              <ProblemAlert
                problem={searchProblem}
                title={t('numbers.buyForm.searchFailed')}
                fieldErrors={fieldErrors?.unmatched}
              />
            </StackItem>
          )}
          {bulk && (
            <StackItem data-testid="bulk-purchase">
              <BulkPurchaseView
                tenantId={tenantId}
                bulk={bulk}
                pollIntervalMs={pollIntervalMs}
                onRetry={() => {
                  void buySelected(bulk.numbers, bulk.key);
                }}
                onFinished={(job) => {
                  setBulk((previous) => previous && { ...previous, outcome: purchaseOutcome(job.result) });
                  onBought();
                }}
              />
            </StackItem>
          )}
          {Object.values(purchases).map((purchase) => (
            <StackItem key={purchase.e164}>
              <PurchaseAlert
                tenantId={tenantId}
                purchase={purchase}
                onRetry={() => {
                  void buy(purchase);
                }}
              />
            </StackItem>
          ))}
          <StackItem>
            {searching && !results ? (
              <LoadingState />
            ) : (
              results && (
                <Stack hasGutter>
                  <StackItem>
                    <Button
                      variant="primary"
                      isDisabled={selected.length === 0 || bulkRunning}
                      onClick={() => {
                        const [only] = selected;
                        if (selected.length === 1 && only !== undefined) {
                          // One number is bought while the request waits; the service runs no job for it.
                          setSelected([]);
                          void buy({ e164: only, key: newIdempotencyKey(), status: 'buying' });
                        } else {
                          void buySelected(selected, newIdempotencyKey());
                        }
                      }}
                      data-testid="buy-selected"
                    >
                      {t('numbers.buyForm.buySelected', { count: selected.length })}
                    </Button>
                  </StackItem>
                  <StackItem>
                    <AvailableTable
                      results={results}
                      purchases={purchases}
                      bought={bulk?.outcome?.bought ?? []}
                      selected={selected}
                      unavailable={unavailable}
                      onSelect={(e164, isSelected) => {
                        setSelected((previous) =>
                          isSelected
                            ? [...previous.filter((n) => n !== e164), e164]
                            : previous.filter((n) => n !== e164),
                        );
                      }}
                      onBuy={(e164) => {
                        void buy({ e164, key: newIdempotencyKey(), status: 'buying' });
                      }}
                    />
                  </StackItem>
                </Stack>
              )
            )}
          </StackItem>
          {results?.more && (
            <StackItem>
              <Button
                variant="secondary"
                isLoading={searching}
                isDisabled={searching}
                onClick={() => {
                  void runSearch(results.search, results.items.length);
                }}
                data-testid="buy-more"
              >
                {t('numbers.buyForm.more')}
              </Button>
            </StackItem>
          )}
        </Stack>
      </ModalBody>
    </Modal>
  );
}

interface AvailableTableProps {
  results: Results;
  purchases: Record<string, Purchase>;
  /** Numbers a purchase of several bought. */
  bought: string[];
  selected: string[];
  unavailable: (e164: string) => boolean;
  onSelect: (e164: string, isSelected: boolean) => void;
  onBuy: (e164: string) => void;
}

function AvailableTable({ results, purchases, bought, selected, unavailable, onSelect, onBuy }: AvailableTableProps) {
  const { t } = useTranslation();
  if (results.items.length === 0) {
    return <p data-testid="buy-no-results">{t('numbers.buyForm.noResults')}</p>;
  }
  return (
    <Table aria-label={t('numbers.buyForm.resultsLabel')} variant="compact" data-testid="available-table">
      <Thead>
        <Tr>
          <Th screenReaderText={t('numbers.buyForm.select')} />
          <Th>{t('numbers.buyForm.columns.number')}</Th>
          <Th>{t('numbers.buyForm.columns.place')}</Th>
          <Th>{t('numbers.buyForm.columns.capabilities')}</Th>
          <Th>{t('numbers.buyForm.columns.monthly')}</Th>
          <Th>{t('numbers.buyForm.columns.setup')}</Th>
          <Th screenReaderText={t('numbers.buyForm.buy')} />
        </Tr>
      </Thead>
      <Tbody>
        {results.items.map((number, rowIndex) => {
          const purchase = purchases[number.e164];
          const isBought = purchase?.status === 'bought' || bought.includes(number.e164);
          const isUnavailable = unavailable(number.e164);
          return (
            <Tr key={number.e164} data-testid="available-row" data-number={number.e164}>
              <Td
                select={{
                  rowIndex,
                  isSelected: !isUnavailable && selected.includes(number.e164),
                  isDisabled: isUnavailable,
                  onSelect: (_event, isSelecting) => {
                    onSelect(number.e164, isSelecting);
                  },
                }}
                data-testid="available-select"
              />
              <Td dataLabel={t('numbers.buyForm.columns.number')} data-testid="available-number">
                {number.e164}
              </Td>
              <Td dataLabel={t('numbers.buyForm.columns.place')}>
                {[number.city, number.region].filter(Boolean).join(', ') || number.country}
              </Td>
              <Td dataLabel={t('numbers.buyForm.columns.capabilities')}>
                <CapabilityLabels capabilities={number.capabilities} />
              </Td>
              <Td dataLabel={t('numbers.buyForm.columns.monthly')}>{number.monthlyRentalRate ?? '—'}</Td>
              <Td dataLabel={t('numbers.buyForm.columns.setup')}>{number.setupRate ?? '—'}</Td>
              <Td isActionCell>
                <Button
                  variant="secondary"
                  size="sm"
                  isLoading={purchase?.status === 'buying'}
                  isDisabled={isUnavailable}
                  onClick={() => {
                    onBuy(number.e164);
                  }}
                  data-testid="buy-number"
                >
                  {isBought ? t('numbers.buyForm.bought') : t('numbers.buyForm.buy')}
                </Button>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

function PurchaseAlert({ tenantId, purchase, onRetry }: { tenantId: string; purchase: Purchase; onRetry: () => void }) {
  const { t } = useTranslation();
  if (purchase.status === 'bought') {
    return (
      <Alert
        variant="success"
        isInline
        title={t('numbers.buyForm.boughtTitle', { number: purchase.e164 })}
        data-testid="buy-success"
        actionLinks={<Link to={numberPath(tenantId, purchase.e164)}>{t('numbers.buyForm.open')}</Link>}
      />
    );
  }
  if (purchase.status === 'failed' && purchase.problem) {
    return (
      <div data-testid="buy-failure">
        <ProblemAlert
          problem={purchase.problem}
          title={t('numbers.buyForm.buyFailed', { number: purchase.e164 })}
          onRetry={onRetry}
        />
      </div>
    );
  }
  return null;
}

interface BulkPurchaseViewProps {
  tenantId: string;
  bulk: BulkPurchase;
  pollIntervalMs?: number;
  onRetry: () => void;
  onFinished: (job: Job) => void;
}

/** A purchase of several numbers: the request's failure, or its job's progress and then each number's outcome. */
function BulkPurchaseView({ tenantId, bulk, pollIntervalMs, onRetry, onFinished }: BulkPurchaseViewProps) {
  const { t } = useTranslation();
  if (bulk.problem) {
    return (
      <ProblemAlert
        problem={bulk.problem}
        title={t('numbers.buyForm.bulkFailed', { count: bulk.numbers.length })}
        onRetry={onRetry}
      />
    );
  }
  if (!bulk.job) {
    return <LoadingState />;
  }
  const outcome = bulk.outcome;
  return (
    <Stack hasGutter>
      <StackItem>
        <JobProgress tenantId={tenantId} job={bulk.job} pollIntervalMs={pollIntervalMs} onFinished={onFinished} />
      </StackItem>
      {outcome && (
        <StackItem>
          <Table aria-label={t('numbers.buyForm.bulkOutcome')} variant="compact" data-testid="bulk-outcome">
            <Thead>
              <Tr>
                <Th>{t('numbers.buyForm.columns.number')}</Th>
                <Th>{t('numbers.buyForm.columns.outcome')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {bulk.numbers.map((e164) => {
                const refusal = outcome.refused.find((entry) => entry.number === e164);
                const isBought = outcome.bought.includes(e164);
                return (
                  <Tr key={e164} data-testid="bulk-outcome-row" data-number={e164}>
                    <Td dataLabel={t('numbers.buyForm.columns.number')}>
                      {isBought ? <Link to={numberPath(tenantId, e164)}>{e164}</Link> : e164}
                    </Td>
                    <Td dataLabel={t('numbers.buyForm.columns.outcome')} data-testid="bulk-outcome-status">
                      {isBought && <Label status="success">{t('numbers.buyForm.bought')}</Label>}
                      {refusal && (
                        <>
                          <Label status="danger">{t('numbers.buyForm.refused')}</Label> {refusal.reason}
                        </>
                      )}
                      {!isBought && !refusal && <Label>{t('numbers.buyForm.notBought')}</Label>}
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        </StackItem>
      )}
    </Stack>
  );
}
