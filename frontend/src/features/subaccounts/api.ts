import { api, unwrap, unwrapEmpty } from '../../api/client';
import type {
  Page,
  Subaccount,
  SubaccountCreate,
  SubaccountUpdate,
  TwilioSubaccount,
  TwilioSubaccountChoice,
  TwilioSubaccountImportResult,
} from '../../api/types';

/** What happens to a deleted subaccount's numbers: moved to the main account, or released on Plivo. */
export type NumbersOnDelete = 'move' | 'release';

export function listSubaccounts(
  tenantId: string,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<Subaccount>> {
  const params = { path: { tenantId }, query: { limit, cursor } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/subaccounts', { params, signal }));
}

export async function createSubaccount(
  tenantId: string,
  subaccount: SubaccountCreate,
  idempotencyKey: string,
): Promise<Subaccount> {
  const params = { path: { tenantId }, header: { 'Idempotency-Key': idempotencyKey } };
  // The operation answers with a JAX-RS Response, so the contract names no body; the service sends the subaccount.
  return (await unwrap(api.POST('/api/v1/tenants/{tenantId}/subaccounts', { params, body: subaccount }))) as Subaccount;
}

export function updateSubaccount(tenantId: string, id: string, change: SubaccountUpdate): Promise<Subaccount> {
  const params = { path: { tenantId, id } };
  // A PATCH leaves absent members as they are; the generated types make every member required.
  const body = change as Required<SubaccountUpdate>;
  return unwrap(api.PATCH('/api/v1/tenants/{tenantId}/subaccounts/{id}', { params, body }));
}

export function deleteSubaccount(tenantId: string, id: string, numbers: NumbersOnDelete): Promise<void> {
  const params = { path: { tenantId, id }, query: { numbers } };
  return unwrapEmpty(api.DELETE('/api/v1/tenants/{tenantId}/subaccounts/{id}', { params }));
}

/** Every subaccount of the tenant (all pages), e.g. to offer them as targets of a mapping. */
export async function listAllSubaccounts(tenantId: string, signal?: AbortSignal): Promise<Subaccount[]> {
  const all: Subaccount[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSubaccounts(tenantId, 500, cursor, signal);
    all.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return all;
}

/** The subaccounts of the tenant's Twilio account, each with the subaccount standing for it; read from Twilio. */
export async function listTwilioSubaccounts(tenantId: string, signal?: AbortSignal): Promise<TwilioSubaccount[]> {
  const params = { path: { tenantId } };
  // The service leaves mappedTo (and Twilio's optional members) null; TwilioSubaccount says so.
  const list = await unwrap(api.GET('/api/v1/tenants/{tenantId}/subaccounts/twilio', { params, signal }));
  return list.items;
}

/**
 * Maps, creates or skips each Twilio subaccount. A failure part-way answers a problem whose `entries` member gives
 * every entry's outcome, since the entries before the failure stay done.
 */
export function importTwilioSubaccounts(
  tenantId: string,
  entries: TwilioSubaccountChoice[],
  idempotencyKey: string,
): Promise<TwilioSubaccountImportResult> {
  const params = { path: { tenantId }, header: { 'Idempotency-Key': idempotencyKey } };
  const body = { entries };
  return unwrap(api.POST('/api/v1/tenants/{tenantId}/subaccounts/twilio-imports', { params, body }));
}
