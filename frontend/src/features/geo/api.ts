import { api, unwrap } from '../../api/client';
import type { GeoCountryDifference, GeoPermission, GeoPermissionChange, GeoTwilioComparison } from '../../api/types';

/** One country as a scope sees it; `source` says, for a subaccount, whether it overrides the tenant. */
export interface ScopePermission {
  country: string;
  smsAllowed: boolean;
  voiceAllowed: boolean;
  highRisk: boolean;
  source?: string;
}

/** The tenant's matrix, or (with a subaccount) what applies to that subaccount and where it comes from. */
export async function getGeoMatrix(
  tenantId: string,
  subaccount: string,
  signal?: AbortSignal,
): Promise<ScopePermission[]> {
  if (subaccount === '') {
    const params = { path: { tenantId } };
    const matrix = await unwrap(api.GET('/api/v1/tenants/{tenantId}/geo-permissions', { params, signal }));
    return matrix.permissions;
  }
  const params = { path: { tenantId, subaccount } };
  const matrix = await unwrap(
    api.GET('/api/v1/tenants/{tenantId}/subaccounts/{subaccount}/geo-permissions', { params, signal }),
  );
  return matrix.permissions;
}

/** Changes several countries at once; the service takes all of them or none. */
export function updateGeoPermissions(
  tenantId: string,
  subaccount: string,
  permissions: GeoPermissionChange[],
): Promise<GeoPermission[]> {
  const body = { permissions };
  if (subaccount === '') {
    const params = { path: { tenantId } };
    return unwrap(api.PATCH('/api/v1/tenants/{tenantId}/geo-permissions', { params, body }));
  }
  const params = { path: { tenantId, subaccount } };
  return unwrap(api.PATCH('/api/v1/tenants/{tenantId}/subaccounts/{subaccount}/geo-permissions', { params, body }));
}

export function compareWithTwilio(
  tenantId: string,
  subaccount: string,
  signal?: AbortSignal,
): Promise<GeoTwilioComparison> {
  if (subaccount === '') {
    const params = { path: { tenantId } };
    return unwrap(api.GET('/api/v1/tenants/{tenantId}/geo-permissions/twilio-comparison', { params, signal }));
  }
  const params = { path: { tenantId, subaccount } };
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/subaccounts/{subaccount}/geo-permissions/twilio-comparison', {
      params,
      signal,
    }),
  );
}

export function importFromTwilio(tenantId: string, subaccount: string): Promise<GeoTwilioComparison> {
  if (subaccount === '') {
    const params = { path: { tenantId } };
    return unwrap(api.POST('/api/v1/tenants/{tenantId}/geo-permissions/twilio-import', { params }));
  }
  const params = { path: { tenantId, subaccount } };
  return unwrap(
    api.POST('/api/v1/tenants/{tenantId}/subaccounts/{subaccount}/geo-permissions/twilio-import', { params }),
  );
}

/** Removes a subaccount's override of one country, so the tenant's row applies again. */
export function inheritChange(country: string): GeoPermissionChange {
  return { country, smsAllowed: null, voiceAllowed: null, highRisk: null, inherit: true };
}

/** One line of the page's matrix: the tenant's row (or the default denial) and how Twilio differs. */
export interface CountryRow {
  country: string;
  smsAllowed: boolean;
  voiceAllowed: boolean;
  highRisk: boolean;
  /** For a subaccount: SUBACCOUNT (its override), TENANT (inherited) or DEFAULT (denied). */
  source?: string;
  /** Undefined when the Twilio comparison is not loaded or does not name the country. */
  twilio?: GeoCountryDifference;
}

export type Edit = Partial<Pick<CountryRow, 'smsAllowed' | 'voiceAllowed' | 'highRisk'>>;

/**
 * Joins the tenant's rows with Twilio's comparison, one row per country either names, sorted by country code. A
 * country the tenant never decided on is denied, as the service treats it.
 */
export function joinRows(permissions: ScopePermission[], comparison: GeoCountryDifference[] = []): CountryRow[] {
  const rows = new Map<string, CountryRow>();
  for (const permission of permissions) {
    rows.set(permission.country, {
      country: permission.country,
      smsAllowed: permission.smsAllowed,
      voiceAllowed: permission.voiceAllowed,
      highRisk: permission.highRisk,
      source: permission.source,
    });
  }
  for (const difference of comparison) {
    const row = rows.get(difference.country) ?? {
      country: difference.country,
      smsAllowed: difference.ferrySms,
      voiceAllowed: false,
      highRisk: difference.highRisk,
    };
    rows.set(difference.country, { ...row, twilio: difference });
  }
  return [...rows.values()].sort((a, b) => a.country.localeCompare(b.country));
}

/**
 * The changes to send: the countries a person actually changed. For the tenant only the changed members go, so
 * nothing else is touched; a subaccount's change sends every member, because a new override would otherwise start
 * from "denied" rather than from what the subaccount inherited.
 */
export function changesOf(rows: CountryRow[], edits: Record<string, Edit>, full = false): GeoPermissionChange[] {
  const changes: GeoPermissionChange[] = [];
  for (const [country, edit] of Object.entries(edits)) {
    const row = rows.find((candidate) => candidate.country === country);
    const change: GeoPermissionChange = {
      country,
      smsAllowed: null,
      voiceAllowed: null,
      highRisk: null,
      inherit: null,
    };
    let changed = false;
    for (const field of ['smsAllowed', 'voiceAllowed', 'highRisk'] as const) {
      const value = edit[field];
      if (value !== undefined && value !== (row?.[field] ?? false)) {
        change[field] = value;
        changed = true;
      }
    }
    if (changed && full) {
      for (const field of ['smsAllowed', 'voiceAllowed', 'highRisk'] as const) {
        change[field] = edit[field] ?? row?.[field] ?? false;
      }
    }
    if (changed) {
      changes.push(change);
    }
  }
  return changes;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The country's English name, or its code when the browser does not know it. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export type DifferenceFilter = '' | 'DIFFERENT' | 'ONLY_TWILIO' | 'ONLY_FERRY';

export function matches(row: CountryRow, search: string, difference: DifferenceFilter): boolean {
  const text = search.trim().toLowerCase();
  if (text && !row.country.toLowerCase().includes(text) && !countryName(row.country).toLowerCase().includes(text)) {
    return false;
  }
  const kind = row.twilio?.difference ?? 'SAME';
  if (difference === 'DIFFERENT') {
    return kind !== 'SAME';
  }
  return difference === '' || kind === difference;
}
