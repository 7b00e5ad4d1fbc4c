import type { NumberProvider, NumberState, NumberType } from '../../api/types';
import {
  CAPABILITIES,
  NUMBER_PROVIDERS,
  NUMBER_STATES,
  NUMBER_TYPES,
  type Capability,
  type NumberFilters,
} from './api';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return values.find((known) => known === value) ?? '';
}

function allOf<T extends string>(values: readonly T[], given: string[]): T[] {
  return values.filter((known) => given.includes(known));
}

/** Tags as a person types them: separated by spaces or commas, in any case. The service stores them lowercase. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ];
}

// Filters live in the URL so a filtered inventory can be bookmarked or sent to a colleague. Values the dashboard
// does not know (an old bookmark, a hand-edited URL) are dropped rather than sent to the service.
export function filtersFrom(params: URLSearchParams): NumberFilters {
  return {
    state: allOf<NumberState>(NUMBER_STATES, params.getAll('state')),
    provider: oneOf<NumberProvider>(NUMBER_PROVIDERS, params.get('provider')),
    country: (params.get('country') ?? '').trim().toUpperCase(),
    type: oneOf<NumberType>(NUMBER_TYPES, params.get('type')),
    capability: allOf<Capability>(CAPABILITIES, params.getAll('capability')),
    subaccount: (params.get('subaccount') ?? '').trim(),
    tag: parseTags(params.getAll('tag').join(' ')),
    text: (params.get('text') ?? '').trim(),
  };
}

export function toSearchParams(filters: NumberFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const state of filters.state) {
    params.append('state', state);
  }
  const single = { provider: filters.provider, country: filters.country.trim().toUpperCase(), type: filters.type };
  for (const [name, value] of Object.entries(single)) {
    if (value) {
      params.set(name, value);
    }
  }
  for (const capability of filters.capability) {
    params.append('capability', capability);
  }
  if (filters.subaccount.trim()) {
    params.set('subaccount', filters.subaccount.trim());
  }
  for (const tag of filters.tag) {
    params.append('tag', tag);
  }
  if (filters.text.trim()) {
    params.set('text', filters.text.trim());
  }
  return params;
}
