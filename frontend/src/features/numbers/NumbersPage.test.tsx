import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Role } from '../../auth/roles';
import { aNumber, acmeUser, openAt, queryOf } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';

const NUMBERS = '/api/v1/tenants/acme/numbers';

function inventory(role: Role, routes: Parameters<typeof fakeService>[0] = {}) {
  return fakeService({
    'GET /api/v1/me': () => json(acmeUser(role)),
    [`GET ${NUMBERS}`]: () => json({ items: [aNumber('+447700900001'), aNumber('+447700900002')], next: null }),
    [`GET ${NUMBERS}/counts`]: () => json({ total: 5, byState: { DISCOVERED: 2, ON_PLIVO: 3 } }),
    ...routes,
  });
}

describe('NumbersPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('lists the numbers with their counts per migration state', async () => {
    inventory('viewer');

    openAt('/tenants/acme/numbers');

    const table = await screen.findByTestId('numbers-table');
    expect(within(table).getAllByTestId('number-row')).toHaveLength(2);
    expect(within(table).getAllByTestId('number-state')[0]?.textContent).toBe('Discovered');
    expect((await screen.findByTestId('state-count-ON_PLIVO')).textContent).toContain('3');
    expect(screen.getByTestId('state-count-PORTING').textContent).toContain('0');
    expect(screen.getByTestId('state-count-all').textContent).toContain('5');
  });

  it('sends the filters in the URL to the list, and all but the state to the counts', async () => {
    const service = inventory('viewer');

    openAt('/tenants/acme/numbers?state=ON_PLIVO&country=gb&capability=sms&tag=Support&text=7700&type=MOBILE');

    await screen.findByTestId('numbers-table');
    const list = queryOf(service.requests.find((request) => new URL(request.url).pathname === NUMBERS));
    expect(list.getAll('state')).toEqual(['ON_PLIVO']);
    expect(list.get('country')).toBe('GB');
    expect(list.getAll('capability')).toEqual(['sms']);
    expect(list.getAll('tag')).toEqual(['support']);
    expect(list.get('text')).toBe('7700');
    expect(list.get('type')).toBe('MOBILE');
    expect(list.get('provider')).toBeNull();
    const counts = queryOf(service.requests.find((request) => request.url.includes('/numbers/counts')));
    expect(counts.get('country')).toBe('GB');
    expect(counts.getAll('state')).toEqual([]);
  });

  it('filters by the state whose count is chosen, and by what the filter bar says once applied', async () => {
    const service = inventory('viewer');

    openAt('/tenants/acme/numbers');

    fireEvent.click(within(await screen.findByTestId('state-count-ON_PLIVO')).getByRole('button'));
    await waitFor(() => {
      const lists = service.requests.filter((request) => new URL(request.url).pathname === NUMBERS);
      expect(queryOf(lists.at(-1)).getAll('state')).toEqual(['ON_PLIVO']);
    });
    expect(window.location.search).toBe('?state=ON_PLIVO');
    expect(within(screen.getByTestId('state-count-ON_PLIVO')).getByRole('button').getAttribute('aria-pressed')).toBe(
      'true',
    );

    fireEvent.change(screen.getByTestId('numbers-filter-country'), { target: { value: 'us' } });
    fireEvent.click(screen.getByTestId('numbers-filter-capability-voice'));
    fireEvent.change(screen.getByTestId('numbers-filter-provider'), { target: { value: 'PLIVO' } });
    fireEvent.change(screen.getByTestId('numbers-filter-subaccount'), { target: { value: 'SA123' } });
    fireEvent.change(screen.getByTestId('numbers-filter-tag'), { target: { value: 'vip, Sales' } });
    fireEvent.click(screen.getByTestId('numbers-filter-apply'));

    const listFor = (country: string) =>
      service.requests.find(
        (request) => new URL(request.url).pathname === NUMBERS && queryOf(request).get('country') === country,
      );
    await waitFor(() => {
      expect(listFor('US')).toBeDefined();
    });
    const list = queryOf(listFor('US'));
    expect(list.getAll('state')).toEqual(['ON_PLIVO']);
    expect(list.getAll('capability')).toEqual(['voice']);
    expect(list.get('provider')).toBe('PLIVO');
    expect(list.get('subaccount')).toBe('SA123');
    expect(list.getAll('tag')).toEqual(['vip', 'sales']);
  });

  it('loads the next page with the cursor the service returned', async () => {
    const service = inventory('viewer', {
      [`GET ${NUMBERS}`]: (request) =>
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? json({ items: [aNumber('+447700900003')], next: null })
          : json({ items: [aNumber('+447700900001')], next: 'page-2' }),
    });

    openAt('/tenants/acme/numbers?country=GB');

    fireEvent.click(await screen.findByTestId('numbers-load-more'));
    const table = screen.getByTestId('numbers-table');
    await waitFor(() => {
      expect(within(table).getAllByTestId('number-row')).toHaveLength(2);
    });
    expect(screen.queryByTestId('numbers-load-more')).toBeNull();
    expect(queryOf(service.requests.at(-1)).get('country')).toBe('GB');
  });

  it('shows the service problem when a filter is refused', async () => {
    inventory('viewer', {
      [`GET ${NUMBERS}`]: () =>
        problem(400, 'Invalid request', {
          detail: "type: 'SATELLITE' is not a known value",
          errors: [{ field: 'type', message: 'x' }],
        }),
    });

    openAt('/tenants/acme/numbers');

    expect((await screen.findByTestId('problem-alert')).textContent).toContain("'SATELLITE' is not a known value");
  });

  it.each([
    ['viewer', false, false],
    ['porting-desk', false, false],
    ['tenant-operator', false, true],
    ['tenant-admin', true, true],
  ] as const)('offers a %s import %s and buying %s', async (role, canImport, canBuy) => {
    inventory(role);

    openAt('/tenants/acme/numbers');

    await screen.findByTestId('numbers-table');
    expect(screen.queryByTestId('import-numbers') !== null).toBe(canImport);
    expect(screen.queryByTestId('buy-numbers') !== null).toBe(canBuy);
  });
});
