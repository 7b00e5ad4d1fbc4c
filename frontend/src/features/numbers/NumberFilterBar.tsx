import {
  Button,
  Checkbox,
  Form,
  FormSelect,
  FormSelectOption,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import FilterIcon from '@patternfly/react-icons/dist/esm/icons/filter-icon';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import {
  CAPABILITIES,
  hasNumberFilters,
  NO_NUMBER_FILTERS,
  NUMBER_PROVIDERS,
  NUMBER_TYPES,
  type NumberFilters,
} from './api';
import { parseTags } from './filters';

interface NumberFilterBarProps {
  initial: NumberFilters;
  onApply: (filters: NumberFilters) => void;
}

type TextField = 'text' | 'country' | 'subaccount';

// Toolbar items shrink to their content by default, which cuts the placeholders and the selects' "Any …" short.
const WIDE = '18rem';
const NARROW = '11rem';

/** The inventory's filters other than state (the counts above choose that); they apply on submit. */
export function NumberFilterBar({ initial, onApply }: NumberFilterBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  // Tags are typed as one line and split on submit, so a half-typed tag is not sent.
  const [tagText, setTagText] = useState(initial.tag.join(' '));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply({ ...draft, tag: parseTags(tagText) });
  };

  const text = (name: TextField, label: string, placeholder: string, width: string) => (
    <ToolbarItem style={{ minWidth: width }}>
      <TextInput
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={draft[name]}
        onChange={(_event, value) => {
          setDraft((previous) => ({ ...previous, [name]: value }));
        }}
        data-testid={`numbers-filter-${name}`}
      />
    </ToolbarItem>
  );

  return (
    <Form onSubmit={submit} aria-label={t('numbers.filters.label')}>
      <Toolbar>
        <ToolbarContent>
          <ToolbarGroup variant="filter-group" rowWrap={{ default: 'wrap' }}>
            {text('text', t('numbers.filters.text'), t('numbers.filters.textPlaceholder'), WIDE)}
            {text('country', t('numbers.filters.country'), t('numbers.filters.countryPlaceholder'), NARROW)}
            <ToolbarItem style={{ minWidth: NARROW }}>
              <FormSelect
                aria-label={t('numbers.filters.provider')}
                value={draft.provider}
                onChange={(_event, value) => {
                  setDraft((previous) => ({ ...previous, provider: NUMBER_PROVIDERS.find((p) => p === value) ?? '' }));
                }}
                data-testid="numbers-filter-provider"
              >
                <FormSelectOption value="" label={t('numbers.filters.anyProvider')} />
                {NUMBER_PROVIDERS.map((provider) => (
                  <FormSelectOption key={provider} value={provider} label={t(`numberProvider.${provider}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem style={{ minWidth: NARROW }}>
              <FormSelect
                aria-label={t('numbers.filters.type')}
                value={draft.type}
                onChange={(_event, value) => {
                  setDraft((previous) => ({ ...previous, type: NUMBER_TYPES.find((type) => type === value) ?? '' }));
                }}
                data-testid="numbers-filter-type"
              >
                <FormSelectOption value="" label={t('numbers.filters.anyType')} />
                {NUMBER_TYPES.map((type) => (
                  <FormSelectOption key={type} value={type} label={t(`numberType.${type}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
            {text('subaccount', t('numbers.filters.subaccount'), t('numbers.filters.subaccountPlaceholder'), WIDE)}
            <ToolbarItem style={{ minWidth: WIDE }}>
              <TextInput
                type="search"
                aria-label={t('numbers.filters.tag')}
                placeholder={t('numbers.filters.tagPlaceholder')}
                value={tagText}
                onChange={(_event, value) => {
                  setTagText(value);
                }}
                data-testid="numbers-filter-tag"
              />
            </ToolbarItem>
            <ToolbarItem alignItems="center">
              {CAPABILITIES.map((capability) => (
                <Checkbox
                  key={capability}
                  id={`numbers-filter-capability-${capability}`}
                  label={t(`capability.${capability}`)}
                  isChecked={draft.capability.includes(capability)}
                  onChange={(_event, checked) => {
                    setDraft((previous) => ({
                      ...previous,
                      capability: checked
                        ? [...previous.capability, capability]
                        : previous.capability.filter((held) => held !== capability),
                    }));
                  }}
                  className="pf-v6-u-mr-md"
                  data-testid={`numbers-filter-capability-${capability}`}
                />
              ))}
            </ToolbarItem>
          </ToolbarGroup>
          <ToolbarGroup>
            <ToolbarItem>
              <Button type="submit" variant="primary" icon={<FilterIcon />} data-testid="numbers-filter-apply">
                {t('numbers.filters.apply')}
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                variant="link"
                isDisabled={!hasNumberFilters(initial) && !hasNumberFilters(draft) && tagText === ''}
                onClick={() => {
                  setDraft(NO_NUMBER_FILTERS);
                  setTagText('');
                  onApply(NO_NUMBER_FILTERS);
                }}
              >
                {t('numbers.filters.clear')}
              </Button>
            </ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>
    </Form>
  );
}
