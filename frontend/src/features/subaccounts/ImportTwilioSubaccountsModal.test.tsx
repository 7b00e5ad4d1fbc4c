import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Subaccount, TwilioSubaccount, TwilioSubaccountResult } from '../../api/types';
import type { Role } from '../../auth/roles';
import { aSubaccount, acmeUser, openAt } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';

const SUBACCOUNTS = '/api/v1/tenants/acme/subaccounts';
const SUPPORT = 'AC' + '1'.repeat(32);
const SALES = 'AC' + '2'.repeat(32);
const OPERATIONS = 'AC' + '3'.repeat(32);

function twilioSubaccount(sid: string, friendlyName: string, mappedTo: Subaccount | null = null): TwilioSubaccount {
  return { sid, friendlyName, status: 'active', dateCreated: 'Mon, 15 Jan 2024 09:00:00 +0000', mappedTo };
}

function result(
  twilioAccountSid: string,
  action: TwilioSubaccountResult['action'],
  outcome: TwilioSubaccountResult['outcome'],
  subaccount: Subaccount | null = null,
  detail: string | null = null,
): TwilioSubaccountResult {
  return { twilioAccountSid, action, outcome, subaccount, detail };
}

function service(role: Role, importAnswer: (request: Request) => Response) {
  return fakeService({
    'GET /api/v1/me': () => json(acmeUser(role)),
    [`GET ${SUBACCOUNTS}`]: () =>
      json({
        items: [aSubaccount('SA1', { name: 'Helpdesk' }), aSubaccount('SA9', { twilioAccountSid: OPERATIONS })],
        next: null,
      }),
    [`GET ${SUBACCOUNTS}/twilio`]: () =>
      json({
        items: [
          twilioSubaccount(SUPPORT, 'Acme Support'),
          twilioSubaccount(SALES, 'Acme Sales'),
          twilioSubaccount(OPERATIONS, 'Acme Operations', aSubaccount('SA9', { twilioAccountSid: OPERATIONS })),
        ],
      }),
    [`POST ${SUBACCOUNTS}/twilio-imports`]: importAnswer,
  });
}

function rowOf(sid: string): HTMLElement {
  const row = screen
    .getAllByTestId('twilio-subaccount-row')
    .find((candidate) => candidate.getAttribute('data-sid') === sid);
  if (!row) {
    throw new Error(`no row for ${sid}`);
  }
  return row;
}

async function openDialog() {
  openAt('/tenants/acme/subaccounts');
  fireEvent.click(await screen.findByTestId('import-twilio-subaccounts'));
  await screen.findByTestId('twilio-subaccounts');
}

function choose(sid: string, value: string) {
  fireEvent.change(within(rowOf(sid)).getByTestId('twilio-action'), { target: { value } });
}

describe('ImportTwilioSubaccountsModal', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('offers the import to tenant admins only', async () => {
    service('viewer', () => json({ entries: [] }));
    openAt('/tenants/acme/subaccounts');

    await screen.findByTestId('subaccounts-table');
    expect(screen.queryByTestId('import-twilio-subaccounts')).toBeNull();
  });

  it("lists Twilio's subaccounts with their mappings, and offers only unmapped subaccounts as targets", async () => {
    service('tenant-admin', () => json({ entries: [] }));
    await openDialog();

    expect(screen.getAllByTestId('twilio-subaccount-row')).toHaveLength(3);
    expect(within(rowOf(OPERATIONS)).getByTestId('twilio-mapped-to').textContent).toContain('SA9');
    expect(within(rowOf(OPERATIONS)).queryByTestId('twilio-action')).toBeNull();
    expect(within(rowOf(SUPPORT)).getByTestId('twilio-mapped-to').textContent).toBe('Not mapped');
    const options = within(within(rowOf(SUPPORT)).getByTestId('twilio-action'))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['Skip', 'Create a Plivo subaccount', 'Map to Helpdesk']);
    // Everything is skipped until the person chooses something.
    expect(screen.getByTestId('twilio-import-submit').hasAttribute('disabled')).toBe(true);
  });

  it('sends each choice with an Idempotency-Key and shows what became of each', async () => {
    const fake = service('tenant-admin', () =>
      json({
        entries: [
          result(SUPPORT, 'MAP', 'MAPPED', aSubaccount('SA1', { name: 'Helpdesk', twilioAccountSid: SUPPORT })),
          result(SALES, 'CREATE', 'CREATED', aSubaccount('SA5', { name: 'Sales team', twilioAccountSid: SALES })),
        ],
      }),
    );
    await openDialog();

    choose(SUPPORT, 'MAP:SA1');
    choose(SALES, 'CREATE');
    fireEvent.change(within(rowOf(SALES)).getByTestId('twilio-create-name'), { target: { value: ' Sales team ' } });
    fireEvent.click(screen.getByTestId('twilio-import-submit'));

    const results = await screen.findAllByTestId('twilio-import-result');
    expect(results.map((row) => within(row).getByTestId('twilio-import-outcome').textContent)).toEqual([
      'Mapped',
      'Created',
    ]);
    expect(results[1]?.textContent).toContain('SA5');
    const post = fake.requests.find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({
      entries: [
        { twilioAccountSid: SUPPORT, action: 'MAP', subaccountId: 'SA1' },
        { twilioAccountSid: SALES, action: 'CREATE', name: 'Sales team' },
      ],
    });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // The page lists its subaccounts again, so the new mapping shows once the dialog closes.
    await waitFor(() => {
      // The page asks for 50 at a time; the dialog's own look-up of targets asks for 500.
      const pageLists = fake.requests.filter((request) => {
        const url = new URL(request.url);
        return url.pathname === SUBACCOUNTS && url.searchParams.get('limit') === '50';
      });
      expect(pageLists).toHaveLength(2);
    });
    expect(screen.queryByTestId('twilio-import-submit')).toBeNull();
  });

  it('puts each refused entry on its row, and shows that nothing changed', async () => {
    const fake = service('tenant-admin', () =>
      problem(409, 'Conflict', {
        detail: '1 entry is not possible; nothing was changed',
        errors: [{ field: 'entries[1].subaccountId', message: 'already stands for the Twilio account AC4' }],
      }),
    );
    await openDialog();

    choose(SUPPORT, 'CREATE');
    choose(SALES, 'MAP:SA1');
    fireEvent.click(screen.getByTestId('twilio-import-submit'));

    const error = await within(rowOf(SALES)).findByTestId('twilio-row-error');
    expect(error.textContent).toContain('already stands for the Twilio account AC4');
    expect(within(rowOf(SUPPORT)).queryByTestId('twilio-row-error')).toBeNull();
    expect(screen.getByTestId('twilio-import-problem').textContent).toContain('Nothing was imported');
    expect(screen.queryByTestId('twilio-import-results')).toBeNull();

    // Trying again is a new request, with a new key.
    fireEvent.click(screen.getByTestId('twilio-import-submit'));
    await waitFor(() => {
      expect(fake.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    });
    const keys = fake.requests
      .filter((request) => request.method === 'POST')
      .map((request) => request.headers.get('Idempotency-Key'));
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('shows which entries were done when Plivo failed part-way', async () => {
    service('tenant-admin', () =>
      problem(503, 'Provider unavailable', {
        detail: 'Entry 1 failed: plivo did not create a subaccount: timeout',
        errors: [{ field: 'entries[1]', message: 'plivo did not create a subaccount: timeout' }],
        entries: [
          result(SUPPORT, 'CREATE', 'CREATED', aSubaccount('SA6', { twilioAccountSid: SUPPORT })),
          result(SALES, 'CREATE', 'FAILED', null, 'plivo did not create a subaccount: timeout'),
        ],
      }),
    );
    await openDialog();

    choose(SUPPORT, 'CREATE');
    choose(SALES, 'CREATE');
    fireEvent.click(screen.getByTestId('twilio-import-submit'));

    const results = await screen.findAllByTestId('twilio-import-result');
    expect(results.map((row) => within(row).getByTestId('twilio-import-outcome').textContent)).toEqual([
      'Created',
      'Failed',
    ]);
    expect(results[1]?.textContent).toContain('timeout');
    expect(screen.getByTestId('twilio-import-problem').textContent).toContain('stopped part-way');
  });

  it("says so when Twilio's subaccounts cannot be listed", async () => {
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${SUBACCOUNTS}`]: () => json({ items: [], next: null }),
      [`GET ${SUBACCOUNTS}/twilio`]: () =>
        problem(503, 'Provider unavailable', { detail: 'Twilio did not list its subaccounts: timeout' }),
    });
    openAt('/tenants/acme/subaccounts');
    fireEvent.click(await screen.findByTestId('import-twilio-subaccounts'));

    const alert = await screen.findByTestId('problem-alert');
    expect(alert.textContent).toContain("Twilio's subaccounts could not be listed");
    expect(alert.textContent).toContain('timeout');
  });
});
