import { api, unwrap } from '../../api/client';
import type { AuditEvent, Page } from '../../api/types';

/** The filters a person can set on the audit log; empty means "any". */
export interface AuditFilters {
  action: string;
  actor: string;
  objectType: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: '', actor: '', objectType: '' };

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

export function listAuditEvents(
  tenantId: string,
  filters: AuditFilters,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<AuditEvent>> {
  // An empty filter must be left out: the service would look for events whose action is the empty string.
  const query = {
    limit,
    cursor,
    action: filters.action || undefined,
    actor: filters.actor || undefined,
    objectType: filters.objectType || undefined,
  };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/audit-events', { params: { path: { tenantId }, query }, signal }));
}
