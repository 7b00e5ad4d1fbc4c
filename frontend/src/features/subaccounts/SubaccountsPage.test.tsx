import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Role } from '../../auth/roles';
import { aSubaccount, acmeUser, openAt, queryOf } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';

const SUBACCOUNTS = '/api/v1/tenants/acme/subaccounts';
const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';

function subaccounts(role: Role, routes: Parameters<typeof fakeService>[0] = {}) {
  return fakeService({
    'GET /api/v1/me': () => json(acmeUser(role)),
    [`GET ${SUBACCOUNTS}`]: () =>
      json({
        items: [aSubaccount('SA1', { twilioAccountSid: TWILIO_SID }), aSubaccount('SA2', { enabled: false })],
        next: null,
      }),
    ...routes,
  });
}

function rowOf(id: string): HTMLElement {
  const row = screen.getAllByTestId('subaccount-row').find((candidate) => candidate.getAttribute('data-id') === id);
  if (!row) {
    throw new Error(`no row for ${id}`);
  }
  return row;
}

function chooseAction(id: string, action: string) {
  fireEvent.click(within(rowOf(id)).getByRole('button', { name: 'Kebab toggle' }));
  fireEvent.click(screen.getByRole('menuitem', { name: action }));
}

describe('SubaccountsPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('lists the subaccounts read-only for a viewer', async () => {
    subaccounts('viewer');

    openAt('/tenants/acme/subaccounts');

    const table = await screen.findByTestId('subaccounts-table');
    expect(within(table).getAllByTestId('subaccount-row')).toHaveLength(2);
    expect(within(rowOf('SA1')).getByTestId('subaccount-enabled-label').textContent).toBe('Enabled');
    expect(within(rowOf('SA2')).getByTestId('subaccount-enabled-label').textContent).toBe('Disabled');
    expect(rowOf('SA1').textContent).toContain(TWILIO_SID);
    expect(screen.queryByTestId('create-subaccount')).toBeNull();
    expect(screen.queryByTestId('subaccount-enabled')).toBeNull();
    expect(within(table).queryByRole('button', { name: 'Kebab toggle' })).toBeNull();
  });

  it('keeps an operator to reading too', async () => {
    subaccounts('tenant-operator');

    openAt('/tenants/acme/subaccounts');

    await screen.findByTestId('subaccounts-table');
    expect(screen.queryByTestId('create-subaccount')).toBeNull();
  });

  it('creates a subaccount with an Idempotency-Key, and puts a refused SID next to its field', async () => {
    let answer = problem(400, 'Invalid request', {
      errors: [{ field: 'create.request.twilioAccountSid', message: 'is not a Twilio account SID' }],
    });
    const service = subaccounts('tenant-admin', { [`POST ${SUBACCOUNTS}`]: () => answer });
    openAt('/tenants/acme/subaccounts');

    fireEvent.click(await screen.findByTestId('create-subaccount'));
    fireEvent.change(screen.getByTestId('subaccount-form-name'), { target: { value: ' Support team ' } });
    fireEvent.change(screen.getByTestId('subaccount-form-twilio'), { target: { value: 'AC42' } });
    fireEvent.click(screen.getByTestId('subaccount-form-enabled'));
    fireEvent.click(screen.getByTestId('subaccount-form-submit'));

    expect((await screen.findByTestId('subaccount-form-twilioAccountSid-error')).textContent).toContain(
      'is not a Twilio account SID',
    );
    answer = json(aSubaccount('SA3'), 201);
    fireEvent.click(screen.getByTestId('subaccount-form-submit'));
    await waitFor(() => {
      expect(screen.queryByTestId('subaccount-form-submit')).toBeNull();
    });

    const posts = service.requests.filter((request) => request.method === 'POST');
    expect(await posts[0]?.json()).toEqual({ name: 'Support team', enabled: false, twilioAccountSid: 'AC42' });
    // The same form is the same request the person is making, so both attempts carry one key.
    expect(posts[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(posts[0]?.headers.get('Idempotency-Key'));
  });

  it('renames a subaccount', async () => {
    const service = subaccounts('tenant-admin', {
      [`PATCH ${SUBACCOUNTS}/SA1`]: () => json(aSubaccount('SA1', { name: 'Sales' })),
    });
    openAt('/tenants/acme/subaccounts');
    await screen.findByTestId('subaccounts-table');

    chooseAction('SA1', 'Rename');
    const name = screen.getByTestId('subaccount-form-name');
    expect(name).toHaveProperty('value', 'Team SA1');
    fireEvent.change(name, { target: { value: 'Sales' } });
    fireEvent.click(screen.getByTestId('subaccount-form-submit'));

    await waitFor(() => {
      expect(service.requests.some((request) => request.method === 'PATCH')).toBe(true);
    });
    const patch = service.requests.find((request) => request.method === 'PATCH');
    expect(await patch?.json()).toEqual({ name: 'Sales' });
  });

  it("disables a subaccount, and shows Plivo's refusal when it says no", async () => {
    let answer = json(aSubaccount('SA1', { enabled: false }));
    const service = subaccounts('tenant-admin', { [`PATCH ${SUBACCOUNTS}/SA1`]: () => answer });
    openAt('/tenants/acme/subaccounts');
    await screen.findByTestId('subaccounts-table');

    fireEvent.click(within(rowOf('SA1')).getByTestId('subaccount-enabled'));
    await waitFor(() => {
      expect(service.requests.some((request) => request.method === 'PATCH')).toBe(true);
    });
    const patch = service.requests.find((request) => request.method === 'PATCH');
    expect(await patch?.json()).toEqual({ enabled: false });

    answer = problem(503, 'Provider unavailable', { detail: 'plivo did not update subaccount SA1: timeout' });
    fireEvent.click(within(rowOf('SA1')).getByTestId('subaccount-enabled'));
    const alert = await screen.findByTestId('problem-alert');
    expect(alert.textContent).toContain('The subaccount was not changed');
    expect(alert.textContent).toContain('timeout');
  });

  it('deletes a subaccount only once the person chose what happens to its numbers', async () => {
    const service = subaccounts('tenant-admin', {
      [`DELETE ${SUBACCOUNTS}/SA2`]: () => new Response(null, { status: 204 }),
    });
    openAt('/tenants/acme/subaccounts');
    await screen.findByTestId('subaccounts-table');

    chooseAction('SA2', 'Delete');
    const submit = screen.getByTestId('subaccount-delete-submit');
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId('subaccount-delete-release'));
    fireEvent.click(submit);

    await waitFor(() => {
      expect(screen.queryByTestId('subaccount-delete-submit')).toBeNull();
    });
    const deletion = service.requests.find((request) => request.method === 'DELETE');
    expect(queryOf(deletion).get('numbers')).toBe('release');
    // The list is asked for again, so the deleted subaccount goes away.
    await waitFor(() => {
      const lists = service.requests.filter((request) => request.method === 'GET' && request.url.includes(SUBACCOUNTS));
      expect(lists).toHaveLength(2);
    });
  });
});
