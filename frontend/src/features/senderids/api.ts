import { api, unwrap } from '../../api/client';
import type { Page, SenderIdDetails, SenderIdRegistration, SenderIdState, SenderIdTransitions } from '../../api/types';

export const SENDER_ID_STATES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'REVOKED',
] as const satisfies readonly SenderIdState[];

/** Moves that must say why: the tenant reads the reason on its registration. */
export const NEEDS_REASON: ReadonlySet<SenderIdState> = new Set(['REJECTED', 'REVOKED']);

export function listSenderIds(
  tenantId: string,
  state: SenderIdState | '',
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<SenderIdRegistration>> {
  const params = { path: { tenantId }, query: { state: state || undefined, limit, cursor } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/sender-ids', { params, signal }));
}

export function createSenderId(tenantId: string, body: SenderIdDetails): Promise<SenderIdRegistration> {
  const params = { path: { tenantId } };
  return unwrap(api.POST('/api/v1/tenants/{tenantId}/sender-ids', { params, body }));
}

export function updateSenderId(tenantId: string, id: number, body: SenderIdDetails): Promise<SenderIdRegistration> {
  const params = { path: { tenantId, id } };
  return unwrap(api.PATCH('/api/v1/tenants/{tenantId}/sender-ids/{id}', { params, body }));
}

export function getTransitions(tenantId: string, id: number, signal?: AbortSignal): Promise<SenderIdTransitions> {
  const params = { path: { tenantId, id } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/sender-ids/{id}/transitions', { params, signal }));
}

export function moveSenderId(
  tenantId: string,
  id: number,
  to: SenderIdState,
  version: number,
  reason: string,
): Promise<SenderIdRegistration> {
  const params = { path: { tenantId, id } };
  const body = { to, version, reason: reason.trim() === '' ? null : reason.trim() };
  return unwrap(api.POST('/api/v1/tenants/{tenantId}/sender-ids/{id}/transitions', { params, body }));
}
