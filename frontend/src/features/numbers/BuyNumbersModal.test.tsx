import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { AvailableNumber } from '../../api/types';
import { aNumber, acmeUser, openAt, queryOf } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';

const NUMBERS = '/api/v1/tenants/acme/numbers';

function offered(e164: string): AvailableNumber {
  return {
    e164,
    country: 'US',
    type: 'local',
    region: 'Texas',
    city: 'Austin',
    capabilities: { voice: true, sms: true, mms: false },
    monthlyRentalRate: '0.80000',
    setupRate: '0.00000',
  };
}

function service(purchase: (request: Request) => Response) {
  return fakeService({
    'GET /api/v1/me': () => json(acmeUser('tenant-operator')),
    [`GET ${NUMBERS}`]: () => json({ items: [], next: null }),
    [`GET ${NUMBERS}/counts`]: () => json({ total: 0, byState: {} }),
    [`GET ${NUMBERS}/available`]: (request) =>
      queryOf(request).get('offset') === '0'
        ? json({ items: [offered('+15125550101'), offered('+15125550102')], more: true })
        : json({ items: [offered('+15125550103')], more: false }),
    [`POST ${NUMBERS}/purchases`]: purchase,
  });
}

async function searchUsLocal() {
  openAt('/tenants/acme/numbers');
  fireEvent.click(await screen.findByTestId('buy-numbers'));
  fireEvent.change(screen.getByTestId('buy-country'), { target: { value: 'us' } });
  fireEvent.change(screen.getByTestId('buy-type'), { target: { value: 'local' } });
  fireEvent.change(screen.getByTestId('buy-pattern'), { target: { value: '512' } });
  fireEvent.click(screen.getByTestId('buy-capability-sms'));
  fireEvent.click(screen.getByTestId('buy-search'));
  return screen.findByTestId('available-table');
}

function buyButtonOf(table: HTMLElement, e164: string): HTMLElement {
  const row = within(table)
    .getAllByTestId('available-row')
    .find((candidate) => candidate.getAttribute('data-number') === e164);
  if (!row) {
    throw new Error(`${e164} is not offered`);
  }
  return within(row).getByTestId('buy-number');
}

describe('BuyNumbersModal', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it("searches Plivo's offer with the person's criteria and pages through it", async () => {
    const fake = service(() => json({ bought: [] }, 201));

    const table = await searchUsLocal();

    expect(within(table).getAllByTestId('available-row')).toHaveLength(2);
    const search = queryOf(fake.requests.find((request) => request.url.includes('/available')));
    expect(search.get('country')).toBe('US');
    expect(search.get('type')).toBe('local');
    expect(search.get('pattern')).toBe('512');
    expect(search.getAll('capability')).toEqual(['sms']);
    fireEvent.click(screen.getByTestId('buy-more'));
    await waitFor(() => {
      expect(within(table).getAllByTestId('available-row')).toHaveLength(3);
    });
    expect(queryOf(fake.requests.at(-1)).get('offset')).toBe('2');
    expect(screen.queryByTestId('buy-more')).toBeNull();
  });

  it('asks for a country before searching', async () => {
    const fake = service(() => json({ bought: [] }, 201));
    openAt('/tenants/acme/numbers');
    fireEvent.click(await screen.findByTestId('buy-numbers'));

    fireEvent.click(screen.getByTestId('buy-search'));

    expect(screen.getByText('Required')).toBeTruthy();
    expect(fake.requests.some((request) => request.url.includes('/available'))).toBe(false);
  });

  it('buys each number with its own Idempotency-Key and says which were bought', async () => {
    const fake = service(() => json({ bought: [aNumber('+15125550101')] }, 201));
    const table = await searchUsLocal();

    fireEvent.click(buyButtonOf(table, '+15125550101'));
    expect((await screen.findByTestId('buy-success')).textContent).toContain('+15125550101');
    fireEvent.click(buyButtonOf(table, '+15125550102'));
    await waitFor(() => {
      expect(screen.getAllByTestId('buy-success')).toHaveLength(2);
    });

    const purchases = fake.requests.filter((request) => request.method === 'POST');
    expect(await purchases[0]?.json()).toEqual({ numbers: ['+15125550101'] });
    expect(await purchases[1]?.json()).toEqual({ numbers: ['+15125550102'] });
    const keys = purchases.map((request) => request.headers.get('Idempotency-Key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(buyButtonOf(table, '+15125550101').textContent).toBe('Bought');
    expect(buyButtonOf(table, '+15125550101').hasAttribute('disabled')).toBe(true);
  });

  it("shows Plivo's refusal, and retries the same purchase with the same key", async () => {
    let answer = problem(422, 'Unprocessable', { detail: 'plivo refused to buy +15125550101: not available' });
    const fake = service(() => answer);
    const table = await searchUsLocal();

    fireEvent.click(buyButtonOf(table, '+15125550101'));
    const failure = await screen.findByTestId('buy-failure');
    expect(failure.textContent).toContain('+15125550101 was not bought');
    expect(failure.textContent).toContain('not available');

    answer = json({ bought: [aNumber('+15125550101')] }, 201);
    fireEvent.click(within(failure).getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('buy-success');

    const keys = fake.requests
      .filter((request) => request.method === 'POST')
      .map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });
});
