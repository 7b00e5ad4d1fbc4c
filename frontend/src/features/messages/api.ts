import { api, newIdempotencyKey, unwrap } from '../../api/client';
import { listNumbers, NO_NUMBER_FILTERS } from '../numbers/api';
import { listSenderIds } from '../senderids/api';
import { listSubaccounts } from '../subaccounts/api';
import type {
  MessageDetails,
  MessageRefusal,
  MessageView,
  NumberView,
  Page,
  Problem,
  SendMessage,
  SentMessages,
  Subaccount,
} from '../../api/types';

/** Statuses after which Plivo reports nothing more for an outbound message; the log stops polling once all are. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set([
  'delivered',
  'undelivered',
  'failed',
  'rejected',
  'received',
  'read',
]);
export const MESSAGE_STATUSES = [
  'pending',
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'received',
  'read',
  'rejected',
] as const;
export const DIRECTIONS = ['OUTBOUND', 'INBOUND'] as const;

export function isFinal(message: MessageView): boolean {
  return FINAL_STATUSES.has(message.status);
}

export interface MessageFilters {
  direction: string;
  status: string;
  from: string;
  to: string;
  country: string;
}

export const NO_MESSAGE_FILTERS: MessageFilters = { direction: '', status: '', from: '', to: '', country: '' };

export function listMessages(
  tenantId: string,
  filters: MessageFilters,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<MessageView>> {
  // Empty filters are left out: the service would otherwise look for messages whose status is "".
  const query = {
    direction: filters.direction || undefined,
    status: filters.status || undefined,
    from: filters.from.trim() || undefined,
    to: filters.to.trim() || undefined,
    country: filters.country.trim().toUpperCase() || undefined,
    limit,
    cursor,
  };
  const params = { path: { tenantId }, query };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/messages', { params, signal }));
}

export function getMessage(tenantId: string, id: number, signal?: AbortSignal): Promise<MessageDetails> {
  const params = { path: { tenantId, id } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/messages/{id}', { params, signal }));
}

/** Sends one message to each destination; the key makes a retry of the same send answer from the first attempt. */
export function sendMessage(
  tenantId: string,
  body: SendMessage,
  idempotencyKey = newIdempotencyKey(),
): Promise<SentMessages> {
  const params = { path: { tenantId }, header: { 'Idempotency-Key': idempotencyKey } };
  return unwrap(api.POST('/api/v1/tenants/{tenantId}/messages', { params, body }));
}

/** The per-destination refusals a 422 carries, or none when the problem is of another kind. */
export function refusalsOf(problem: Problem): MessageRefusal[] {
  const refusals = (problem as Record<string, unknown>).refusals;
  if (!Array.isArray(refusals)) {
    return [];
  }
  return refusals.filter(
    (item): item is MessageRefusal =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as MessageRefusal).destination === 'string' &&
      Array.isArray((item as MessageRefusal).reasons),
  );
}

/** The states in which a number is on Plivo and may send (MessagingService's own list). */
const ON_PLIVO_STATES = ['ON_PLIVO', 'VERIFIED', 'RELEASED_FROM_TWILIO'] as const;

/** The tenant's Plivo numbers that can send SMS: the choices for a test message's sender. */
export async function listSendingNumbers(tenantId: string, signal?: AbortSignal): Promise<NumberView[]> {
  const filters = {
    ...NO_NUMBER_FILTERS,
    state: [...ON_PLIVO_STATES],
    provider: 'PLIVO' as const,
    capability: ['sms' as const],
  };
  const page = await listNumbers(tenantId, filters, 200, undefined, signal);
  return page.items;
}

/** Splits a list typed one per line or separated by commas or spaces. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** What a message is sent as: one of the tenant's Plivo numbers, a registered alphanumeric sender ID, a Powerpack. */
export const SENDER_KINDS = ['number', 'senderId', 'powerpack'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** An approved alphanumeric sender ID and the countries (and subaccounts) it is approved for. */
export interface ApprovedSenderId {
  senderId: string;
  countries: string[];
}

/**
 * The tenant's approved sender IDs, one entry per sender with every country it may send to by registration. (Where a
 * country needs no registration, any valid sender ID goes; the service checks each destination when sending.)
 */
export async function listApprovedSenderIds(tenantId: string, signal?: AbortSignal): Promise<ApprovedSenderId[]> {
  const page = await listSenderIds(tenantId, 'APPROVED', 200, undefined, signal);
  const bySender = new Map<string, Set<string>>();
  for (const registration of page.items) {
    const countries = bySender.get(registration.senderId) ?? new Set<string>();
    countries.add(registration.country);
    bySender.set(registration.senderId, countries);
  }
  return [...bySender.entries()]
    .map(([senderId, countries]) => ({ senderId, countries: [...countries].sort() }))
    .sort((a, b) => a.senderId.localeCompare(b.senderId));
}

/** The tenant's Plivo subaccounts a message may be sent as. */
export async function listSendingSubaccounts(tenantId: string, signal?: AbortSignal): Promise<Subaccount[]> {
  const page = await listSubaccounts(tenantId, 200, undefined, signal);
  return page.items.filter((subaccount) => subaccount.enabled);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value.trim());
}
