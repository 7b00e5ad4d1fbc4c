import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { NumberDetail } from '../../api/types';
import type { Role } from '../../auth/roles';
import { aNumber, acmeUser, openAt, queryOf } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';

const E164 = '+15125550101';
// openapi-fetch encodes the path parameter, so the fake service sees the plus sign as %2B.
const NUMBER = '/api/v1/tenants/acme/numbers/%2B15125550101';

const onPlivo: NumberDetail = {
  number: aNumber(E164, {
    country: 'US',
    provider: 'PLIVO',
    state: 'ON_PLIVO',
    plan: 'REPLACE',
    tags: ['support'],
    twilio: {
      sid: null,
      accountSid: null,
      friendlyName: null,
      voiceUrl: null,
      smsUrl: null,
      statusCallback: null,
      messagingServiceSid: null,
      missingSince: null,
    },
    plivo: { appId: '55501', alias: 'Austin support', subaccount: null },
  }),
  history: [
    { from: null, to: 'ON_PLIVO', plan: null, actor: 'alice', reason: 'bought on Plivo', at: '2026-11-02T09:00:00Z' },
  ],
};

function detail(role: Role, routes: Parameters<typeof fakeService>[0] = {}) {
  return fakeService({
    'GET /api/v1/me': () => json(acmeUser(role)),
    [`GET ${NUMBER}`]: () => json(onPlivo),
    'GET /api/v1/tenants/acme/numbers': () => json({ items: [], next: null }),
    'GET /api/v1/tenants/acme/numbers/counts': () => json({ total: 0, byState: {} }),
    ...routes,
  });
}

describe('NumberDetailPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('shows the number, its Plivo configuration and its state history', async () => {
    detail('viewer');

    openAt(`/tenants/acme/numbers/${E164}`);

    expect((await screen.findByTestId('number-e164')).textContent).toBe(E164);
    expect(screen.getByTestId('number-detail-state').textContent).toBe('On Plivo');
    expect(screen.getByTestId('number-plivo-app').textContent).toBe('55501');
    expect(screen.getByTestId('number-plivo').textContent).toContain('Austin support');
    expect(screen.queryByTestId('number-twilio')).toBeNull();
    const history = screen.getByTestId('number-history');
    expect(within(history).getByTestId('history-change').textContent).toBe('On Plivo');
    expect(history.textContent).toContain('bought on Plivo');
  });

  it('lets a viewer read the plan and tags but change nothing', async () => {
    detail('viewer');

    openAt(`/tenants/acme/numbers/${E164}`);

    expect((await screen.findByTestId('number-plan')).textContent).toBe('Replace with a Plivo number');
    expect(screen.queryByTestId('number-edit-form')).toBeNull();
    expect(screen.queryByTestId('release-number')).toBeNull();
  });

  it('lets an operator edit tags without resending the plan, but not release', async () => {
    const service = detail('tenant-operator', {
      [`PATCH ${NUMBER}`]: () => json({ ...onPlivo.number, tags: ['sales', 'vip'], version: 2 }),
    });
    openAt(`/tenants/acme/numbers/${E164}`);

    fireEvent.change(await screen.findByTestId('number-tags-input'), { target: { value: 'VIP sales' } });
    fireEvent.click(screen.getByTestId('number-save'));

    expect(await screen.findByTestId('number-saved')).toBeTruthy();
    expect(screen.getByTestId('number-tags-input')).toHaveProperty('value', 'sales vip');
    const patch = service.requests.find((request) => request.method === 'PATCH');
    expect(await patch?.json()).toEqual({ tags: ['vip', 'sales'] });
    expect(screen.queryByTestId('release-number')).toBeNull();
  });

  it('sends a changed plan, and shows why the service refused it', async () => {
    const service = detail('tenant-admin', {
      [`PATCH ${NUMBER}`]: () =>
        problem(409, 'Invalid state transition', {
          detail: 'The plan of a number in state ON_PLIVO cannot be changed',
        }),
    });
    openAt(`/tenants/acme/numbers/${E164}`);

    fireEvent.change(await screen.findByTestId('number-plan-select'), { target: { value: 'KEEP' } });
    fireEvent.click(screen.getByTestId('number-save'));

    const alert = await screen.findByTestId('problem-alert');
    expect(alert.textContent).toContain('The number was not changed');
    expect(alert.textContent).toContain('cannot be changed');
    const patch = service.requests.find((request) => request.method === 'PATCH');
    expect(await patch?.json()).toEqual({ plan: 'KEEP', tags: ['support'] });
  });

  it('puts a refused tag next to the tags field', async () => {
    detail('tenant-admin', {
      [`PATCH ${NUMBER}`]: () =>
        problem(400, 'Invalid request', { errors: [{ field: 'update.change.tags[0]', message: 'is not a tag' }] }),
    });
    openAt(`/tenants/acme/numbers/${E164}`);

    fireEvent.change(await screen.findByTestId('number-tags-input'), { target: { value: '#hash' } });
    fireEvent.click(screen.getByTestId('number-save'));

    expect((await screen.findByTestId('number-tags-error')).textContent).toContain('is not a tag');
  });

  it('changes only the Plivo settings the person edited, and shows a refused one next to its field', async () => {
    let answer = problem(400, 'Invalid request', {
      errors: [{ field: 'update.change.plivo.alias', message: 'size must be between 0 and 255' }],
    });
    const service = detail('tenant-operator', { [`PATCH ${NUMBER}`]: () => answer });
    openAt(`/tenants/acme/numbers/${E164}`);

    fireEvent.click(await screen.findByTestId('plivo-save'));
    expect(service.requests.some((request) => request.method === 'PATCH')).toBe(false);

    fireEvent.change(screen.getByTestId('number-plivo-alias'), { target: { value: 'Austin sales' } });
    fireEvent.click(screen.getByTestId('plivo-save'));
    expect(await screen.findByText('size must be between 0 and 255')).toBeTruthy();

    answer = json({ ...onPlivo.number, plivo: { ...onPlivo.number.plivo, alias: 'Austin sales' }, version: 2 });
    fireEvent.click(screen.getByTestId('plivo-save'));
    expect(await screen.findByTestId('plivo-saved')).toBeTruthy();
    const patches = service.requests.filter((request) => request.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(await patches[1]?.json()).toEqual({ plivo: { alias: 'Austin sales' } });
  });

  it("shows a Twilio number's Plivo settings read-only, even to an editor", async () => {
    detail('tenant-admin', {
      [`GET ${NUMBER}`]: () => json({ ...onPlivo, number: { ...onPlivo.number, provider: 'TWILIO' } }),
    });

    openAt(`/tenants/acme/numbers/${E164}`);

    expect((await screen.findByTestId('number-plivo-app')).textContent).toBe('55501');
    expect(screen.queryByTestId('number-plivo-form')).toBeNull();
  });

  it('releases a Plivo number only after the number is typed, then goes back to the inventory', async () => {
    const service = detail('tenant-admin', { [`DELETE ${NUMBER}`]: () => new Response(null, { status: 204 }) });
    openAt(`/tenants/acme/numbers/${E164}`);

    fireEvent.click(await screen.findByTestId('release-number'));
    const submit = screen.getByTestId('release-submit');
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('release-confirm'), { target: { value: '+15125550102' } });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('release-confirm'), { target: { value: '+1 512 555 0101' } });
    expect(submit.hasAttribute('disabled')).toBe(false);
    fireEvent.click(submit);

    await waitFor(() => {
      expect(window.location.pathname).toBe('/tenants/acme/numbers');
    });
    const release = service.requests.find((request) => request.method === 'DELETE');
    expect(queryOf(release).get('confirm')).toBe(E164);
  });

  it('offers no release for a number that is not on Plivo', async () => {
    detail('tenant-admin', {
      [`GET ${NUMBER}`]: () => json({ ...onPlivo, number: { ...onPlivo.number, provider: 'TWILIO' } }),
    });

    openAt(`/tenants/acme/numbers/${E164}`);

    await screen.findByTestId('number-e164');
    expect(screen.queryByTestId('release-number')).toBeNull();
  });

  it("shows the service's answer for a number that is not in the tenant", async () => {
    detail('viewer', {
      [`GET ${NUMBER}`]: () => problem(404, 'Not found', { detail: "Number '+15125550101' does not exist" }),
    });

    openAt(`/tenants/acme/numbers/${E164}`);

    expect((await screen.findByTestId('problem-alert')).textContent).toContain('does not exist');
  });
});
