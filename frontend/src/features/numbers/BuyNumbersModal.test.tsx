import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { AvailableNumber, Job } from '../../api/types';
import { aJob, aNumber, acmeUser, openAt, queryOf } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';
import { BuyNumbersModal } from './BuyNumbersModal';

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

const JOB = '/api/v1/tenants/acme/jobs/7';

/** A job that answers each poll with the next of `answers`, then keeps repeating the last. */
function jobAnswers(...answers: Job[]) {
  let polls = 0;
  return () => json(answers[Math.min(polls++, answers.length - 1)]);
}

/** The modal alone, polling jobs every millisecond; in a router, since bought numbers link to their pages. */
async function openAndSearch(routes: Parameters<typeof fakeService>[0]) {
  const fake = fakeService({
    [`GET ${NUMBERS}/available`]: () =>
      json({ items: [offered('+15125550101'), offered('+15125550102'), offered('+15125550103')], more: false }),
    ...routes,
  });
  const onBought = vi.fn();
  const router = createMemoryRouter([
    {
      path: '*',
      element: <BuyNumbersModal tenantId="acme" onClose={vi.fn()} onBought={onBought} pollIntervalMs={1} />,
    },
  ]);
  render(<RouterProvider router={router} />);
  fireEvent.change(screen.getByTestId('buy-country'), { target: { value: 'US' } });
  fireEvent.click(screen.getByTestId('buy-search'));
  const table = await screen.findByTestId('available-table');
  return { fake, onBought, table };
}

function select(table: HTMLElement, e164: string) {
  const row = within(table)
    .getAllByTestId('available-row')
    .find((candidate) => candidate.getAttribute('data-number') === e164);
  if (!row) {
    throw new Error(`${e164} is not offered`);
  }
  fireEvent.click(within(row).getByRole('checkbox'));
}

function outcomeOf(e164: string): string {
  const row = screen
    .getAllByTestId('bulk-outcome-row')
    .find((candidate) => candidate.getAttribute('data-number') === e164);
  return row ? within(row).getByTestId('bulk-outcome-status').textContent : '';
}

describe('BuyNumbersModal, several numbers at once', () => {
  it("buys the selected numbers in one purchase, follows its job and shows each number's outcome", async () => {
    const { fake, onBought, table } = await openAndSearch({
      [`POST ${NUMBERS}/purchases`]: () => json(aJob({ kind: 'number.purchase.plivo' }), 202),
      [`GET ${JOB}`]: jobAnswers(
        aJob({ state: 'RUNNING', progress: { done: 1, total: 2 } }),
        aJob({
          state: 'SUCCEEDED',
          progress: { done: 2, total: 2 },
          result: {
            bought: ['+15125550101'],
            refused: [{ number: '+15125550103', reason: 'plivo refused: number not available' }],
          },
        }),
      ),
    });

    select(table, '+15125550101');
    select(table, '+15125550103');
    const buySelected = screen.getByTestId('buy-selected');
    expect(buySelected.textContent).toBe('Buy 2 selected numbers');
    fireEvent.click(buySelected);

    const progress = await screen.findByTestId('job-progress');
    await waitFor(() => {
      expect(progress.getAttribute('data-state')).toBe('SUCCEEDED');
    });
    await screen.findByTestId('bulk-outcome');
    expect(outcomeOf('+15125550101')).toContain('Bought');
    expect(outcomeOf('+15125550103')).toContain('Refused');
    expect(outcomeOf('+15125550103')).toContain('number not available');
    expect(onBought).toHaveBeenCalledTimes(1);

    const posts = fake.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.json()).toEqual({ numbers: ['+15125550101', '+15125550103'] });
    expect(posts[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // The bought number cannot be bought again; the refused one can be tried once more.
    expect(buyButtonOf(table, '+15125550101').textContent).toBe('Bought');
    expect(buyButtonOf(table, '+15125550101').hasAttribute('disabled')).toBe(true);
    expect(buyButtonOf(table, '+15125550103').hasAttribute('disabled')).toBe(false);
    expect(screen.getByTestId('buy-selected').hasAttribute('disabled')).toBe(true);
  });

  it('retries a purchase that got no answer with the same numbers and the same key', async () => {
    let answer = problem(503, 'Service unavailable', { detail: 'try again' });
    const { fake } = await openAndSearch({
      [`POST ${NUMBERS}/purchases`]: () => answer,
      [`GET ${JOB}`]: jobAnswers(
        aJob({
          state: 'SUCCEEDED',
          progress: { done: 2, total: 2 },
          result: { bought: ['+15125550101', '+15125550102'], refused: [] },
        }),
      ),
    });
    const table = screen.getByTestId('available-table');

    select(table, '+15125550101');
    select(table, '+15125550102');
    fireEvent.click(screen.getByTestId('buy-selected'));
    const failure = await screen.findByTestId('bulk-purchase');
    await waitFor(() => {
      expect(failure.textContent).toContain('The purchase of 2 numbers did not start');
    });

    answer = json(aJob({ kind: 'number.purchase.plivo' }), 202);
    fireEvent.click(within(failure).getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('bulk-outcome');
    expect(outcomeOf('+15125550102')).toContain('Bought');

    const posts = fake.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(await posts[1]?.json()).toEqual({ numbers: ['+15125550101', '+15125550102'] });
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(posts[0]?.headers.get('Idempotency-Key'));
  });

  it('buys a single selected number while the request waits, as its own Buy button does', async () => {
    const { fake } = await openAndSearch({
      [`POST ${NUMBERS}/purchases`]: () => json({ bought: [aNumber('+15125550102')] }, 201),
    });
    const table = screen.getByTestId('available-table');

    select(table, '+15125550102');
    expect(screen.getByTestId('buy-selected').textContent).toBe('Buy 1 selected number');
    fireEvent.click(screen.getByTestId('buy-selected'));

    expect((await screen.findByTestId('buy-success')).textContent).toContain('+15125550102');
    const post = fake.requests.find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({ numbers: ['+15125550102'] });
    expect(screen.queryByTestId('bulk-purchase')).toBeNull();
  });
});
