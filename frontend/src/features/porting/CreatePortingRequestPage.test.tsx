import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { App } from '../../app/App';
import { fakeService, json, problem } from '../../test/fakeService';
import { alice, request, vera } from '../../test/portingFixtures';
import { parseNumbers } from './parseNumbers';

const LIST = '/api/v1/tenants/acme/porting-requests';

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

function next() {
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
}

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function fillEveryStep() {
  fill('porting-form-numbers', '+14155550101\n+14155550102, +14155550101');
  next();
  fill('porting-form-losingCarrier', 'Twilio');
  fill('porting-form-accountNumber', 'AC-1');
  fill('porting-form-pin', '9876');
  fill('porting-form-authorisedPerson', 'Alice Example');
  next();
  fill('porting-form-street', '1 Market St');
  fill('porting-form-locality', 'San Francisco');
  fill('porting-form-postalCode', '94105');
  fill('porting-form-country', 'us');
  next();
  fill('porting-form-requestedPortDate', '2027-01-15');
  next();
}

describe('parseNumbers', () => {
  it('reads numbers one per line or separated by commas, once each', () => {
    expect(parseNumbers(' +1415555\n\n+1416, +1417;+1415555 ')).toEqual(['+1415555', '+1416', '+1417']);
  });
});

// Walking every wizard step renders PatternFly's wizard five times; on a busy shared machine that can outlast
// vitest's default five seconds, so these tests get a longer ceiling. Nothing here asserts how fast anything is.
const WIZARD_TIMEOUT = { timeout: 30_000 };

describe('CreatePortingRequestPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('creates a draft from the steps and opens it', WIZARD_TIMEOUT, async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(alice),
      [`POST ${LIST}`]: () => json(request({ id: 77 }), 201),
      [`GET ${LIST}/77`]: () => json(request({ id: 77 })),
      [`GET ${LIST}/77/transitions`]: () => json({ state: 'DRAFT', version: 0, transitions: [] }),
      [`GET ${LIST}/77/history`]: () => json([]),
    });

    openAt('/tenants/acme/porting/new');
    await screen.findByTestId('porting-form-numbers');
    fillEveryStep();
    expect(screen.getByTestId('porting-form-review').textContent).toContain('+14155550101, +14155550102');
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    expect(await screen.findByTestId('porting-request-title')).toBeTruthy();
    expect(window.location.pathname).toBe('/tenants/acme/porting/77');
    const sent = service.requests.find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({
      numbers: ['+14155550101', '+14155550102'],
      losingCarrier: 'Twilio',
      accountNumber: 'AC-1',
      pin: '9876',
      authorisedPerson: 'Alice Example',
      billingTelephoneNumber: null,
      serviceAddress: {
        street: '1 Market St',
        locality: 'San Francisco',
        region: null,
        postalCode: '94105',
        country: 'US',
      },
      requestedPortDate: '2027-01-15',
      plivoSubaccount: null,
      plivoAppId: null,
      version: null,
    });
  });

  it('marks the step and the field the service refused, and lists what no field shows', WIZARD_TIMEOUT, async () => {
    fakeService({
      'GET /api/v1/me': () => json(alice),
      [`POST ${LIST}`]: () =>
        problem(400, 'Invalid request', {
          errors: [
            { field: 'numbers[1]', message: "is not in the tenant's number inventory" },
            { field: 'create.body.serviceAddress.country', message: 'must be an ISO 3166 alpha-2 code' },
            { field: 'create.body.somethingNew', message: 'is odd' },
          ],
        }),
    });

    openAt('/tenants/acme/porting/new');
    await screen.findByTestId('porting-form-numbers');
    fillEveryStep();
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    const alert = await screen.findByTestId('problem-alert');
    expect(alert.textContent).toContain('The draft was not created');
    expect(alert.textContent).toContain('create.body.somethingNew: is odd');
    expect(alert.textContent).not.toContain('inventory');
    fireEvent.click(screen.getByRole('button', { name: /Numbers/ }));
    expect((await screen.findByTestId('porting-form-numbers-error')).textContent).toContain(
      "is not in the tenant's number inventory",
    );
    fireEvent.click(screen.getByRole('button', { name: /Service address/ }));
    expect(screen.getByTestId('porting-form-country-error').textContent).toContain('must be an ISO 3166 alpha-2 code');
  });

  it('keeps viewers out of the wizard', async () => {
    fakeService({ 'GET /api/v1/me': () => json(vera) });

    openAt('/tenants/acme/porting/new');

    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
