import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { PortingRequest } from '../../api/types';
import { App } from '../../app/App';
import { fakeService, json, problem } from '../../test/fakeService';
import { alice, request } from '../../test/portingFixtures';

const BASE = '/api/v1/tenants/acme/porting-requests/42';

const rejected: PortingRequest = request({
  state: 'ACTION_REQUIRED',
  revision: 1,
  rejections: [
    {
      id: 9,
      code: 'ADDRESS_MISMATCH',
      fields: ['serviceAddress'],
      message: 'the carrier has Suite 5',
      revision: 1,
      raisedBy: 'ada',
      raisedAt: '2026-12-02T09:00:00Z',
      open: true,
      answeredRevision: null,
      answerNote: null,
    },
  ],
});

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

describe('EditPortingRequestModal', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('after a rejection, unlocks only the rejected fields and sends only what changed', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () => json(rejected),
      [`GET ${BASE}/transitions`]: () => json({ state: 'ACTION_REQUIRED', version: 3, transitions: [] }),
      [`GET ${BASE}/history`]: () => json([]),
      [`PATCH ${BASE}`]: () => json(rejected),
    });

    openAt('/tenants/acme/porting/42');

    fireEvent.click(await screen.findByTestId('porting-edit'));
    expect(screen.getByTestId('porting-edit-accountNumber').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('porting-edit-numbers').hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('porting-edit-street'), { target: { value: '1 Market St, Suite 5' } });
    fireEvent.click(screen.getByTestId('porting-edit-submit'));

    await waitFor(() => {
      expect(screen.queryByTestId('porting-edit-modal')).toBeNull();
    });
    const sent = service.requests.find((r) => r.method === 'PATCH');
    expect(await sent?.json()).toEqual({
      numbers: null,
      losingCarrier: null,
      accountNumber: null,
      pin: null,
      authorisedPerson: null,
      billingTelephoneNumber: null,
      serviceAddress: {
        street: '1 Market St, Suite 5',
        locality: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
      requestedPortDate: null,
      plivoSubaccount: null,
      plivoAppId: null,
      version: 3,
    });
  });

  it('keeps the dialog open with the service’s answer when the request changed meanwhile', async () => {
    fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () => json(request()),
      [`GET ${BASE}/transitions`]: () => json({ state: 'DRAFT', version: 3, transitions: [] }),
      [`GET ${BASE}/history`]: () => json([]),
      [`PATCH ${BASE}`]: () =>
        problem(409, 'The resource changed', {
          detail: 'The porting request changed since version you saw; it is now at version 4',
        }),
    });

    openAt('/tenants/acme/porting/42');

    fireEvent.click(await screen.findByTestId('porting-edit'));
    fireEvent.change(screen.getByTestId('porting-edit-losingCarrier'), { target: { value: 'Verizon' } });
    fireEvent.click(screen.getByTestId('porting-edit-submit'));

    expect((await screen.findByTestId('problem-alert')).textContent).toContain('it is now at version 4');
    expect(screen.getByTestId('porting-edit-modal')).toBeTruthy();
  });
});
