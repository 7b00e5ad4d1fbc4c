import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { GeoPermission } from '../../api/types';
import { acmeUser, aSubaccount, openAt } from '../../test/fixtures';
import { fakeService, json } from '../../test/fakeService';

const BASE = '/api/v1/tenants/acme/geo-permissions';

function permission(country: string, changes: Partial<GeoPermission> = {}): GeoPermission {
  return {
    country,
    smsAllowed: true,
    voiceAllowed: false,
    highRisk: false,
    subaccount: null,
    updatedBy: 'alice',
    updatedAt: '2026-12-01T09:00:00Z',
    version: 1,
    ...changes,
  };
}

const comparison = {
  twilioAccountSid: 'AC00000000000000000000000000000001',
  applied: false,
  countries: [
    { country: 'US', twilioSms: true, ferrySms: true, highRisk: false, difference: 'SAME', applied: false, note: null },
    {
      country: 'DE',
      twilioSms: true,
      ferrySms: false,
      highRisk: false,
      difference: 'ONLY_TWILIO',
      applied: false,
      note: null,
    },
  ],
};

function rowOf(country: string): HTMLElement {
  const row = screen.getAllByTestId('geo-row').find((candidate) => candidate.dataset.country === country);
  if (!row) {
    throw new Error(`no row for ${country}`);
  }
  return row;
}

describe('GeoPermissionsPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('joins the matrix with Twilio and filters to the countries that differ, by code or name', async () => {
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('viewer')),
      [`GET ${BASE}`]: () => json({ permissions: [permission('US'), permission('GB')] }),
      [`GET ${BASE}/twilio-comparison`]: () => json(comparison),
    });
    openAt('/tenants/acme/geo-permissions');

    await waitFor(() => {
      expect(screen.getAllByTestId('geo-row').map((row) => row.dataset.country)).toEqual(['DE', 'GB', 'US']);
    });
    expect(rowOf('DE').dataset.difference).toBe('ONLY_TWILIO');
    expect(within(rowOf('US')).getByTestId<HTMLInputElement>('geo-smsAllowed').disabled).toBe(true);

    fireEvent.change(screen.getByTestId('geo-filter-difference'), { target: { value: 'DIFFERENT' } });
    expect(screen.getAllByTestId('geo-row').map((row) => row.dataset.country)).toEqual(['DE']);

    fireEvent.change(screen.getByTestId('geo-filter-difference'), { target: { value: '' } });
    fireEvent.change(within(screen.getByTestId('geo-search')).getByRole('textbox'), {
      target: { value: 'united king' },
    });
    expect(screen.getAllByTestId('geo-row').map((row) => row.dataset.country)).toEqual(['GB']);
  });

  it('saves only what changed, for several countries at once', async () => {
    let patched: unknown;
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${BASE}`]: () => json({ permissions: [permission('US'), permission('GB')] }),
      [`GET ${BASE}/twilio-comparison`]: () => json(comparison),
      [`PATCH ${BASE}`]: async (request) => {
        patched = await request.json();
        return json([]);
      },
    });
    openAt('/tenants/acme/geo-permissions');

    await waitFor(() => {
      expect(screen.getAllByTestId('geo-row')).toHaveLength(3);
    });
    for (const country of ['GB', 'US']) {
      // The row's first checkbox selects it for the bulk actions.
      const [select] = within(rowOf(country)).getAllByRole('checkbox');
      if (!select) {
        throw new Error(`no selection box for ${country}`);
      }
      fireEvent.click(select);
    }
    fireEvent.click(screen.getByTestId('geo-bulk-voiceAllowed-true'));
    // Allowing SMS where it already is allowed is no change.
    fireEvent.click(screen.getByTestId('geo-bulk-smsAllowed-true'));
    fireEvent.click(screen.getByTestId('geo-save'));

    await screen.findByTestId('geo-saved');
    expect(patched).toEqual({
      permissions: [
        { country: 'GB', smsAllowed: null, voiceAllowed: true, highRisk: null, inherit: null },
        { country: 'US', smsAllowed: null, voiceAllowed: true, highRisk: null, inherit: null },
      ],
    });
  });

  it('imports Twilio’s decisions and shows what it left alone', async () => {
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${BASE}`]: () => json({ permissions: [] }),
      [`GET ${BASE}/twilio-comparison`]: () => json(comparison),
      [`POST ${BASE}/twilio-import`]: () =>
        json({
          ...comparison,
          applied: true,
          countries: [
            { ...comparison.countries[1], applied: true },
            {
              country: 'NG',
              twilioSms: true,
              ferrySms: false,
              highRisk: true,
              difference: 'ONLY_TWILIO',
              applied: false,
              note: 'high risk: only a platform admin may allow it',
            },
          ],
        }),
    });
    openAt('/tenants/acme/geo-permissions');

    fireEvent.click(await screen.findByTestId('geo-import-twilio'));
    const result = await screen.findByTestId('geo-imported');
    expect(result.textContent).toContain('1 country');
    expect(result.textContent).toContain('NG: high risk');
  });
});

describe('GeoPermissionsPage for a subaccount', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('shows where each country comes from, overrides with every member, and inherits again', async () => {
    const patches: unknown[] = [];
    const SUB = '/api/v1/tenants/acme/subaccounts/SA1/geo-permissions';
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      'GET /api/v1/tenants/acme/subaccounts': () => json({ items: [aSubaccount('SA1')], next: null }),
      [`GET ${BASE}`]: () => json({ permissions: [permission('US')] }),
      [`GET ${BASE}/twilio-comparison`]: () => json(comparison),
      [`GET ${SUB}`]: () =>
        json({
          subaccount: 'SA1',
          permissions: [
            { country: 'US', smsAllowed: true, voiceAllowed: true, highRisk: false, source: 'TENANT' },
            { country: 'GB', smsAllowed: false, voiceAllowed: false, highRisk: false, source: 'SUBACCOUNT' },
          ],
        }),
      [`GET ${SUB}/twilio-comparison`]: () => json({ ...comparison, countries: [] }),
      [`PATCH ${SUB}`]: async (request) => {
        patches.push(await request.json());
        return json([]);
      },
    });
    openAt('/tenants/acme/geo-permissions');

    await screen.findAllByTestId('geo-row');
    await waitFor(() => {
      expect(within(screen.getByTestId('geo-scope')).getAllByRole('option')).toHaveLength(2);
    });
    fireEvent.change(screen.getByTestId('geo-scope'), { target: { value: 'SA1' } });
    await waitFor(() => {
      expect(within(rowOf('GB')).getByTestId('geo-source').dataset.source).toBe('SUBACCOUNT');
    });
    expect(within(rowOf('US')).queryByTestId('geo-inherit')).toBeNull();

    fireEvent.click(within(rowOf('US')).getByTestId('geo-smsAllowed'));
    fireEvent.click(screen.getByTestId('geo-save'));
    await screen.findByTestId('geo-saved');
    expect(patches[0]).toEqual({
      permissions: [{ country: 'US', smsAllowed: false, voiceAllowed: true, highRisk: false, inherit: null }],
    });

    fireEvent.click(within(rowOf('GB')).getByTestId('geo-inherit'));
    await waitFor(() => {
      expect(patches[1]).toEqual({
        permissions: [{ country: 'GB', smsAllowed: null, voiceAllowed: null, highRisk: null, inherit: true }],
      });
    });
  });
});
