import { api, unwrap } from '../../api/client';
import type { Page, Tenant, TenantCreate } from '../../api/types';

export function listTenants(limit: number, cursor?: string, signal?: AbortSignal): Promise<Page<Tenant>> {
  return unwrap(api.GET('/api/v1/tenants', { params: { query: { limit, cursor } }, signal }));
}

export function getTenant(tenantId: string, signal?: AbortSignal): Promise<Tenant> {
  return unwrap(api.GET('/api/v1/tenants/{tenantId}', { params: { path: { tenantId } }, signal }));
}

export function createTenant(tenant: TenantCreate): Promise<Tenant> {
  return unwrap(api.POST('/api/v1/tenants', { body: tenant }));
}
