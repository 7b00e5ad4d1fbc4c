import {
  Alert,
  Button,
  Checkbox,
  Content,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  SearchInput,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { toProblem } from '../../api/problem';
import type { GeoTwilioComparison, Problem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { useHasAnyRole } from '../../auth/currentUser';
import { LoadingState } from '../../components/LoadingState';
import { ProblemAlert } from '../../components/ProblemAlert';
import {
  changesOf,
  compareWithTwilio,
  countryName,
  type CountryRow,
  type DifferenceFilter,
  type Edit,
  getGeoMatrix,
  importFromTwilio,
  inheritChange,
  joinRows,
  matches,
  updateGeoPermissions,
} from './api';
import { listSubaccounts } from '../subaccounts/api';
import { GEO_EDITORS } from './roles';

const FIELDS = ['smsAllowed', 'voiceAllowed', 'highRisk'] as const;
type Field = (typeof FIELDS)[number];
const COLUMN = { smsAllowed: 'sms', voiceAllowed: 'voice', highRisk: 'highRisk' } as const;

/**
 * The tenant's geo permissions: which countries it may send SMS to or call, which are high risk, and how that
 * differs from Twilio's messaging geo permissions. Edits collect on the page and are saved together, all or none.
 */
export function GeoPermissionsPage() {
  const { tenantId = '' } = useParams();
  const { t } = useTranslation();
  const canEdit = useHasAnyRole(GEO_EDITORS);
  const [subaccount, setSubaccount] = useState('');
  const subaccounts = useResource(`geo-subaccounts:${tenantId}`, (signal) =>
    listSubaccounts(tenantId, 200, undefined, signal),
  );
  const matrix = useResource(`geo:${tenantId}:${subaccount}`, (signal) => getGeoMatrix(tenantId, subaccount, signal));
  const comparison = useResource(`geo-twilio:${tenantId}:${subaccount}`, (signal) =>
    compareWithTwilio(tenantId, subaccount, signal),
  );
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [added, setAdded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [difference, setDifference] = useState<DifferenceFilter>('');
  const [newCountry, setNewCountry] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<number>();
  const [imported, setImported] = useState<GeoTwilioComparison>();

  if (matrix.problem) {
    return (
      <PageSection>
        <ProblemAlert problem={matrix.problem} onRetry={matrix.reload} />
      </PageSection>
    );
  }
  if (!matrix.data) {
    return <LoadingState />;
  }

  const base = joinRows(matrix.data, comparison.data?.countries);
  const known = new Set(base.map((row) => row.country));
  const rows: CountryRow[] = [
    ...base,
    ...added
      .filter((country) => !known.has(country))
      .map((country) => ({ country, smsAllowed: false, voiceAllowed: false, highRisk: false })),
  ];
  const value = (row: CountryRow, field: Field) => edits[row.country]?.[field] ?? row[field];
  const shown = rows.filter((row) => matches(row, search, difference));
  const changes = changesOf(rows, edits, subaccount !== '');

  const edit = (countries: string[], field: Field, to: boolean) => {
    setSaved(undefined);
    setEdits((previous) => {
      const next = { ...previous };
      for (const country of countries) {
        next[country] = { ...next[country], [field]: to };
      }
      return next;
    });
  };

  const reloadAll = () => {
    matrix.reload();
    comparison.reload();
  };

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      await updateGeoPermissions(tenantId, subaccount, changes);
      setSaved(changes.length);
      setEdits({});
      setAdded([]);
      setSelected([]);
      reloadAll();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setSaving(false);
    }
  };

  const runImport = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      setImported(await importFromTwilio(tenantId, subaccount));
      setEdits({});
      reloadAll();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setSaving(false);
    }
  };

  const inherit = async (country: string) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await updateGeoPermissions(tenantId, subaccount, [inheritChange(country)]);
      setSaved(1);
      reloadAll();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setSaving(false);
    }
  };

  const chooseScope = (next: string) => {
    setSubaccount(next);
    setEdits({});
    setAdded([]);
    setSelected([]);
    setSaved(undefined);
    setImported(undefined);
  };

  const addCountry = () => {
    const code = newCountry.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(code)) {
      setAdded((previous) => [...previous, code]);
      setSearch(code);
      setNewCountry('');
    }
  };

  const allShownSelected = shown.length > 0 && shown.every((row) => selected.includes(row.country));

  return (
    <PageSection>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <Title headingLevel="h1">{t('geo.title')}</Title>
          <Content component="p">{t('geo.subtitle', { tenantId })}</Content>
        </FlexItem>
        {canEdit && (
          <FlexItem>
            <Button
              variant="secondary"
              onClick={() => void runImport()}
              isDisabled={saving}
              data-testid="geo-import-twilio"
            >
              {t('geo.importTwilio')}
            </Button>
          </FlexItem>
        )}
      </Flex>
      {problem && <ProblemAlert problem={problem} title={t('geo.saveFailed')} />}
      {comparison.problem && (
        <Alert variant="info" isInline title={t('geo.noTwilio')} data-testid="geo-twilio-unavailable">
          {comparison.problem.detail || comparison.problem.title}
        </Alert>
      )}
      {saved !== undefined && (
        <Alert variant="success" isInline title={t('geo.saved', { count: saved })} data-testid="geo-saved" />
      )}
      {imported && (
        <Alert
          variant="success"
          isInline
          title={t('geo.imported', { count: imported.countries.filter((c) => c.applied).length })}
          data-testid="geo-imported"
        >
          {imported.countries
            .filter((c) => c.note)
            .map((c) => (
              <p key={c.country}>
                {c.country}: {c.note}
              </p>
            ))}
        </Alert>
      )}
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormSelect
              aria-label={t('geo.scope')}
              value={subaccount}
              onChange={(_event, next) => {
                chooseScope(next);
              }}
              data-testid="geo-scope"
            >
              <FormSelectOption value="" label={t('geo.tenantScope')} />
              {(subaccounts.data?.items ?? []).map((option) => (
                <FormSelectOption
                  key={option.id}
                  value={option.id}
                  label={t('geo.subaccountScope', { name: option.name })}
                />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <SearchInput
              placeholder={t('geo.search')}
              value={search}
              onChange={(_event, text) => {
                setSearch(text);
              }}
              onClear={() => {
                setSearch('');
              }}
              data-testid="geo-search"
            />
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect
              aria-label={t('geo.differenceFilter')}
              value={difference}
              onChange={(_event, next) => {
                setDifference(next as DifferenceFilter);
              }}
              data-testid="geo-filter-difference"
            >
              <FormSelectOption value="" label={t('geo.difference.any')} />
              <FormSelectOption value="DIFFERENT" label={t('geo.difference.DIFFERENT')} />
              <FormSelectOption value="ONLY_TWILIO" label={t('geo.difference.ONLY_TWILIO')} />
              <FormSelectOption value="ONLY_FERRY" label={t('geo.difference.ONLY_FERRY')} />
            </FormSelect>
          </ToolbarItem>
          {canEdit && (
            <>
              <ToolbarGroup>
                <ToolbarItem>
                  <TextInput
                    aria-label={t('geo.addCountry')}
                    placeholder={t('geo.addCountry')}
                    value={newCountry}
                    onChange={(_event, text) => {
                      setNewCountry(text);
                    }}
                    data-testid="geo-add-country"
                  />
                </ToolbarItem>
                <ToolbarItem>
                  <Button variant="secondary" onClick={addCountry} data-testid="geo-add-country-submit">
                    {t('geo.add')}
                  </Button>
                </ToolbarItem>
              </ToolbarGroup>
              <ToolbarGroup>
                {FIELDS.map((field) =>
                  [true, false].map((to) => (
                    <ToolbarItem key={`${field}:${String(to)}`}>
                      <Button
                        variant="tertiary"
                        size="sm"
                        isDisabled={selected.length === 0}
                        onClick={() => {
                          edit(selected, field, to);
                        }}
                        data-testid={`geo-bulk-${field}-${String(to)}`}
                      >
                        {t(`geo.bulk.${field}.${to ? 'true' : 'false'}`, { count: selected.length })}
                      </Button>
                    </ToolbarItem>
                  )),
                )}
              </ToolbarGroup>
              <ToolbarItem>
                <Button
                  onClick={() => void save()}
                  isDisabled={changes.length === 0 || saving}
                  isLoading={saving}
                  data-testid="geo-save"
                >
                  {t('geo.save', { count: changes.length })}
                </Button>
              </ToolbarItem>
            </>
          )}
        </ToolbarContent>
      </Toolbar>
      <Table aria-label={t('geo.tableLabel')} variant="compact" data-testid="geo-table">
        <Thead>
          <Tr>
            {canEdit && (
              <Th
                select={{
                  isSelected: allShownSelected,
                  onSelect: (_event, isSelecting) => {
                    const codes = shown.map((row) => row.country);
                    setSelected((previous) =>
                      isSelecting
                        ? [...new Set([...previous, ...codes])]
                        : previous.filter((code) => !codes.includes(code)),
                    );
                  },
                }}
                aria-label={t('geo.selectAll')}
              />
            )}
            <Th>{t('geo.columns.country')}</Th>
            <Th>{t('geo.columns.sms')}</Th>
            <Th>{t('geo.columns.voice')}</Th>
            <Th>{t('geo.columns.highRisk')}</Th>
            <Th>{t('geo.columns.twilio')}</Th>
            {subaccount !== '' && <Th>{t('geo.columns.source')}</Th>}
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((row, rowIndex) => (
            <Tr
              key={row.country}
              data-testid="geo-row"
              data-country={row.country}
              data-difference={row.twilio?.difference ?? 'SAME'}
            >
              {canEdit && (
                <Td
                  select={{
                    rowIndex,
                    isSelected: selected.includes(row.country),
                    onSelect: (_event, isSelecting) => {
                      setSelected((previous) =>
                        isSelecting ? [...previous, row.country] : previous.filter((code) => code !== row.country),
                      );
                    },
                  }}
                />
              )}
              <Td dataLabel={t('geo.columns.country')}>
                {countryName(row.country)} <code>{row.country}</code>
              </Td>
              {FIELDS.map((field) => (
                <Td key={field} dataLabel={t(`geo.columns.${COLUMN[field]}`)}>
                  <Checkbox
                    id={`geo-${row.country}-${field}`}
                    aria-label={`${row.country} ${field}`}
                    isChecked={value(row, field)}
                    isDisabled={!canEdit}
                    onChange={(_event, checked) => {
                      edit([row.country], field, checked);
                    }}
                    data-testid={`geo-${field}`}
                  />
                </Td>
              ))}
              <Td dataLabel={t('geo.columns.twilio')} data-testid="geo-twilio">
                <TwilioCell row={row} />
              </Td>
              {subaccount !== '' && (
                <Td dataLabel={t('geo.columns.source')} data-testid="geo-source" data-source={row.source}>
                  {row.source ? t(`geo.source.${row.source}`, { defaultValue: row.source }) : '—'}{' '}
                  {canEdit && row.source === 'SUBACCOUNT' && (
                    <Button
                      variant="link"
                      isInline
                      isDisabled={saving}
                      onClick={() => void inherit(row.country)}
                      data-testid="geo-inherit"
                    >
                      {t('geo.inherit')}
                    </Button>
                  )}
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
      {shown.length === 0 && (
        <Content component="p" className="pf-v6-u-mt-md" data-testid="geo-empty">
          {t('geo.empty')}
        </Content>
      )}
    </PageSection>
  );
}

function TwilioCell({ row }: { row: CountryRow }) {
  const { t } = useTranslation();
  if (!row.twilio) {
    return <>—</>;
  }
  const twilioSays =
    row.twilio.twilioSms === null ? t('geo.twilioUnnamed') : row.twilio.twilioSms ? t('geo.allowed') : t('geo.denied');
  if (row.twilio.difference === 'SAME') {
    return <>{twilioSays}</>;
  }
  return (
    <Label status="warning" isCompact>
      {t(`geo.difference.${row.twilio.difference}`, { defaultValue: row.twilio.difference })} ({twilioSays})
    </Label>
  );
}
