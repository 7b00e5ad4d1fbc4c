import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { MessageView, SenderIdRegistration } from '../../api/types';
import { acmeUser, aNumber, aSubaccount, openAt, queryOf } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';
import { POLL_INTERVAL_MS } from './MessageLog';

const BASE = '/api/v1/tenants/acme/messages';
const NUMBERS = '/api/v1/tenants/acme/numbers';
const SENDER_IDS = '/api/v1/tenants/acme/sender-ids';
const SUBACCOUNTS = '/api/v1/tenants/acme/subaccounts';
const POWERPACK = 'd35f2e82-d387-427f-8d65-ff6d6c4e9bd1';
const SENDER = '+14155550100';

function aMessage(id: number, changes: Partial<MessageView> = {}): MessageView {
  return {
    id,
    plivoUuid: `0b0c0d0e-0000-4000-8000-00000000000${String(id)}`,
    direction: 'OUTBOUND',
    type: 'SMS',
    senderKind: 'NUMBER',
    from: SENDER,
    to: '+14155550111',
    country: 'US',
    text: 'Hello',
    mediaUrls: [],
    encoding: 'GSM7',
    segments: 1,
    subaccount: null,
    status: 'queued',
    statusReason: null,
    errorCode: null,
    createdBy: 'alice',
    createdAt: '2026-12-04T07:00:00Z',
    updatedAt: '2026-12-04T07:00:00Z',
    ...changes,
  };
}

function aSenderId(senderId: string, country: string): SenderIdRegistration {
  return {
    id: senderId.length * 100 + country.charCodeAt(0),
    senderId,
    country,
    countryPolicy: 'REGISTRATION_REQUIRED',
    subaccount: null,
    useCase: 'alerts',
    sampleMessages: [],
    state: 'APPROVED',
    rejectionReason: null,
    createdBy: 'alice',
    createdAt: '2026-12-01T07:00:00Z',
    updatedAt: '2026-12-01T07:00:00Z',
    version: 1,
  };
}

const plivoNumber = aNumber(SENDER, { provider: 'PLIVO', state: 'ON_PLIVO', country: 'US' });

describe('MessagesPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows encoding and segments as the text is typed, before anything is sent', async () => {
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-operator')),
      [`GET ${NUMBERS}`]: () => json({ items: [plivoNumber], next: null }),
      [`GET ${BASE}`]: () => json({ items: [], next: null }),
    });
    openAt('/tenants/acme/messages');

    const text = await screen.findByTestId('message-text');
    fireEvent.change(text, { target: { value: 'a'.repeat(160) } });
    expect(screen.getByTestId('message-encoding').getAttribute('data-encoding')).toBe('GSM7');
    expect(screen.getByTestId('message-segments').getAttribute('data-segments')).toBe('1');

    fireEvent.change(text, { target: { value: 'a'.repeat(159) + '€' } });
    expect(screen.getByTestId('message-segments').getAttribute('data-segments')).toBe('2');

    fireEvent.change(text, { target: { value: 'Hi 😀' } });
    expect(screen.getByTestId('message-encoding').getAttribute('data-encoding')).toBe('UCS2');
    expect(screen.getByTestId('message-segments').textContent).toContain('5 units');
  });

  it('offers only Plivo numbers that can send and sends to every destination with an idempotency key', async () => {
    let sent = false;
    const service = fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${NUMBERS}`]: () => json({ items: [plivoNumber], next: null }),
      [`GET ${BASE}`]: () => json({ items: sent ? [aMessage(2, { status: 'delivered' })] : [], next: null }),
      [`POST ${BASE}`]: () => {
        sent = true;
        return json({ messages: [aMessage(1), aMessage(2)], notAccepted: [] }, 202);
      },
    });
    openAt('/tenants/acme/messages');

    await waitFor(() => {
      expect(screen.getByTestId<HTMLSelectElement>('message-from').value).toBe(SENDER);
    });
    const numbersQuery = queryOf(service.requests.find((r) => r.url.includes('/numbers')));
    expect(numbersQuery.get('provider')).toBe('PLIVO');
    expect(numbersQuery.getAll('state')).toContain('ON_PLIVO');
    expect(numbersQuery.getAll('capability')).toEqual(['sms']);

    fireEvent.change(screen.getByTestId('message-to'), { target: { value: '+14155550111\n+14155550112' } });
    fireEvent.change(screen.getByTestId('message-text'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('message-send'));

    expect((await screen.findByTestId('message-sent')).textContent).toContain('Queued 2 messages');
    const post = service.requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await post?.json()).toMatchObject({ from: SENDER, to: ['+14155550111', '+14155550112'], text: 'Hello' });
    expect((await screen.findByTestId('message-row')).getAttribute('data-message-id')).toBe('2');
  });

  it('names each refused destination and its reasons from a 422', async () => {
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${NUMBERS}`]: () => json({ items: [plivoNumber], next: null }),
      [`GET ${BASE}`]: () => json({ items: [], next: null }),
      [`POST ${BASE}`]: () =>
        problem(422, 'Messages refused', {
          detail: 'Nothing was sent: 1 of 2 destinations refused',
          refusals: [{ destination: '+4915112345678', country: 'DE', reasons: ['SMS to DE is not allowed'] }],
        }),
    });
    openAt('/tenants/acme/messages');

    await waitFor(() => {
      expect(screen.getByTestId<HTMLSelectElement>('message-from').value).toBe(SENDER);
    });
    fireEvent.change(screen.getByTestId('message-to'), { target: { value: '+14155550111, +4915112345678' } });
    fireEvent.change(screen.getByTestId('message-text'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('message-send'));

    const refusals = await screen.findByTestId('message-refusals');
    const refusal = within(refusals).getByTestId('message-refusal');
    expect(refusal.getAttribute('data-destination')).toBe('+4915112345678');
    expect(refusal.textContent).toContain('SMS to DE is not allowed');
    expect(screen.queryByTestId('message-sent')).toBeNull();
  });

  it('sends from an approved sender ID, offered once with the countries it is approved for', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-operator')),
      [`GET ${NUMBERS}`]: () => json({ items: [plivoNumber], next: null }),
      [`GET ${SENDER_IDS}`]: () =>
        json({ items: [aSenderId('FERRY', 'GB'), aSenderId('FERRY', 'DE'), aSenderId('ACME', 'FR')], next: null }),
      [`GET ${SUBACCOUNTS}`]: () => json({ items: [], next: null }),
      [`GET ${BASE}`]: () => json({ items: [], next: null }),
      [`POST ${BASE}`]: () =>
        json({ messages: [aMessage(1, { senderKind: 'SENDER_ID', from: 'FERRY' })], notAccepted: [] }, 202),
    });
    openAt('/tenants/acme/messages');

    fireEvent.change(await screen.findByTestId('message-sender-kind'), { target: { value: 'senderId' } });
    const senderIds = await screen.findByTestId<HTMLSelectElement>('message-sender-id');
    await waitFor(() => {
      expect(senderIds.options).toHaveLength(2);
    });
    expect(senderIds.options[1]?.textContent).toBe('FERRY (approved for DE, GB)');
    expect(queryOf(service.requests.find((r) => r.url.includes('/sender-ids'))).get('state')).toBe('APPROVED');
    expect(screen.queryByTestId('message-from')).toBeNull();
    fireEvent.change(senderIds, { target: { value: 'FERRY' } });
    fireEvent.change(screen.getByTestId('message-to'), { target: { value: '+447400123456' } });
    fireEvent.change(screen.getByTestId('message-text'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('message-send'));

    await screen.findByTestId('message-sent');
    const body: unknown = await service.requests.find((r) => r.method === 'POST')?.json();
    expect(body).toMatchObject({ from: 'FERRY', powerpackUuid: null, subaccount: null, to: ['+447400123456'] });
  });

  it('sends from a Powerpack by its UUID and checks the UUID before sending', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${NUMBERS}`]: () => json({ items: [plivoNumber], next: null }),
      [`GET ${SENDER_IDS}`]: () => json({ items: [], next: null }),
      [`GET ${SUBACCOUNTS}`]: () => json({ items: [], next: null }),
      [`GET ${BASE}`]: () => json({ items: [], next: null }),
      [`POST ${BASE}`]: () =>
        json({ messages: [aMessage(1, { senderKind: 'POWERPACK', from: POWERPACK })], notAccepted: [] }, 202),
    });
    openAt('/tenants/acme/messages');

    fireEvent.change(await screen.findByTestId('message-sender-kind'), { target: { value: 'powerpack' } });
    fireEvent.change(screen.getByTestId('message-to'), { target: { value: '+14155550111' } });
    fireEvent.change(screen.getByTestId('message-text'), { target: { value: 'Hello' } });
    fireEvent.change(screen.getByTestId('message-powerpack'), { target: { value: 'not-a-uuid' } });
    expect(screen.getByText('This is not a UUID.')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('message-send').disabled).toBe(true);

    fireEvent.change(screen.getByTestId('message-powerpack'), { target: { value: ` ${POWERPACK} ` } });
    fireEvent.click(screen.getByTestId('message-send'));

    await screen.findByTestId('message-sent');
    const body: unknown = await service.requests.find((r) => r.method === 'POST')?.json();
    expect(body).toMatchObject({ from: null, powerpackUuid: POWERPACK, to: ['+14155550111'] });
  });

  it('sends from a number as a chosen subaccount', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${NUMBERS}`]: () => json({ items: [plivoNumber], next: null }),
      [`GET ${SENDER_IDS}`]: () => json({ items: [], next: null }),
      [`GET ${SUBACCOUNTS}`]: () =>
        json({
          items: [
            aSubaccount('SAACMESUB00000000001', { name: 'EU desk' }),
            aSubaccount('SAACMESUB00000000002', { name: 'Old', enabled: false }),
          ],
          next: null,
        }),
      [`GET ${BASE}`]: () => json({ items: [], next: null }),
      [`POST ${BASE}`]: () => json({ messages: [aMessage(1)], notAccepted: [] }, 202),
    });
    openAt('/tenants/acme/messages');

    await waitFor(() => {
      expect(screen.getByTestId<HTMLSelectElement>('message-from').value).toBe(SENDER);
    });
    const subaccounts = screen.getByTestId<HTMLSelectElement>('message-subaccount');
    await waitFor(() => {
      expect(subaccounts.options).toHaveLength(2);
    });
    expect(subaccounts.options[0]?.textContent).toBe('Main account');
    fireEvent.change(subaccounts, { target: { value: 'SAACMESUB00000000001' } });
    fireEvent.change(screen.getByTestId('message-to'), { target: { value: '+14155550111' } });
    fireEvent.change(screen.getByTestId('message-text'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('message-send'));

    await screen.findByTestId('message-sent');
    const body: unknown = await service.requests.find((r) => r.method === 'POST')?.json();
    expect(body).toMatchObject({ from: SENDER, powerpackUuid: null, subaccount: 'SAACMESUB00000000001' });
  });

  it('lists every reason of every refused destination from a 422, and the fields a 400 names', async () => {
    let answer = 422;
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-admin')),
      [`GET ${NUMBERS}`]: () => json({ items: [plivoNumber], next: null }),
      [`GET ${SENDER_IDS}`]: () => json({ items: [aSenderId('FERRY', 'GB')], next: null }),
      [`GET ${SUBACCOUNTS}`]: () => json({ items: [], next: null }),
      [`GET ${BASE}`]: () => json({ items: [], next: null }),
      [`POST ${BASE}`]: () =>
        answer === 422
          ? problem(422, 'Unprocessable', {
              detail: 'Nothing was sent: 2 of 3 destinations were refused',
              refusals: [
                {
                  destination: '+447400123456',
                  country: 'GB',
                  reasons: ['SMS to GB is not allowed by the geo permissions', "sender ID 'FERRY' is not registered"],
                },
                { destination: '+14155550111', country: 'US', reasons: ['sender IDs are not supported in US'] },
              ],
            })
          : problem(400, 'Invalid', {
              errors: [{ field: 'from', message: 'is neither a phone number nor a sender ID' }],
            }),
    });
    openAt('/tenants/acme/messages');

    fireEvent.change(await screen.findByTestId('message-sender-kind'), { target: { value: 'senderId' } });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLSelectElement>('message-sender-id').value).toBe('FERRY');
    });
    fireEvent.change(screen.getByTestId('message-to'), {
      target: { value: '+447400123456 +14155550111 +4915123456789' },
    });
    fireEvent.change(screen.getByTestId('message-text'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('message-send'));

    const refusals = await screen.findByTestId('message-refusals');
    expect(refusals.textContent).toContain('Nothing was sent: 2 of 3 destinations were refused');
    expect(within(refusals).getByTestId('message-refusal-count').textContent).toBe('2 destinations refused');
    const byDestination = within(refusals).getAllByTestId('message-refusal');
    expect(byDestination.map((item) => item.getAttribute('data-destination'))).toEqual([
      '+447400123456',
      '+14155550111',
    ]);
    const [gb] = byDestination;
    if (!gb) {
      throw new Error('no refusal for GB');
    }
    expect(within(gb).getByTestId('message-refusal-country').textContent).toBe('GB');
    expect(
      within(gb)
        .getAllByTestId('message-refusal-reason')
        .map((reason) => reason.textContent),
    ).toEqual(['SMS to GB is not allowed by the geo permissions', "sender ID 'FERRY' is not registered"]);
    expect(screen.queryByTestId('message-sent')).toBeNull();

    answer = 400;
    fireEvent.click(screen.getByTestId('message-send'));
    expect(await screen.findByText('is neither a phone number nor a sender ID')).toBeTruthy();
    expect(screen.queryByTestId('message-refusals')).toBeNull();
  });

  it('shows why a message failed or is still pending', async () => {
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('viewer')),
      [`GET ${BASE}`]: () =>
        json({
          items: [
            aMessage(1, {
              status: 'failed',
              plivoUuid: null,
              statusReason: 'Plivo failed the message (HTTP 500): internal server error',
            }),
          ],
          next: null,
        }),
    });
    openAt('/tenants/acme/messages');

    expect((await screen.findByTestId('message-status-reason')).textContent).toContain('HTTP 500');
  });

  it('hides the send form from viewers', async () => {
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('viewer')),
      [`GET ${BASE}`]: () => json({ items: [aMessage(1, { status: 'delivered' })], next: null }),
    });
    openAt('/tenants/acme/messages');

    await screen.findByTestId('message-row');
    expect(screen.queryByTestId('send-message')).toBeNull();
  });

  it('polls while a message is not final, stops once all are, and shows the status history', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let listed = 0;
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('viewer')),
      [`GET ${BASE}`]: () => {
        listed++;
        return json({ items: [aMessage(1, { status: listed === 1 ? 'queued' : 'delivered' })], next: null });
      },
      [`GET ${BASE}/1`]: () =>
        json({
          message: aMessage(1, { status: 'delivered' }),
          history: [
            {
              from: null,
              to: 'queued',
              sequence: null,
              errorCode: null,
              source: 'api',
              occurredAt: '2026-12-04T07:00:00Z',
            },
            {
              from: 'queued',
              to: 'delivered',
              sequence: 2,
              errorCode: null,
              source: 'callback',
              occurredAt: '2026-12-04T07:00:05Z',
            },
          ],
        }),
    });
    openAt('/tenants/acme/messages');

    expect((await screen.findByTestId('message-status')).getAttribute('data-status')).toBe('queued');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    });
    await waitFor(() => {
      expect(screen.getByTestId('message-status').getAttribute('data-status')).toBe('delivered');
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    });
    expect(listed).toBe(2);

    fireEvent.click(within(screen.getByTestId('message-toggle-history')).getByRole('button'));
    const entries = await screen.findAllByTestId('message-history-entry');
    expect(entries.map((entry) => entry.getAttribute('data-to'))).toEqual(['queued', 'delivered']);
  });
});
