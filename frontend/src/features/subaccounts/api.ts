import { api, unwrap, unwrapEmpty } from '../../api/client';
import type { Page, Subaccount, SubaccountCreate, SubaccountUpdate } from '../../api/types';

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
