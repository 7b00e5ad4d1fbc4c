import { generatePath } from 'react-router';

/** URL patterns of the dashboard's pages; the route table and every link build on these. */
export const PATHS = {
  tenants: '/tenants',
  portingDesk: '/porting-desk',
  overview: '/tenants/:tenantId',
  audit: '/tenants/:tenantId/audit',
  numbers: '/tenants/:tenantId/numbers',
  number: '/tenants/:tenantId/numbers/:e164',
  subaccounts: '/tenants/:tenantId/subaccounts',
  porting: '/tenants/:tenantId/porting',
  portingNew: '/tenants/:tenantId/porting/new',
  portingRequest: '/tenants/:tenantId/porting/:requestId',
  webhooks: '/tenants/:tenantId/webhooks',
  messages: '/tenants/:tenantId/messages',
  geoPermissions: '/tenants/:tenantId/geo-permissions',
  senderIds: '/tenants/:tenantId/sender-ids',
} as const;

export function overviewPath(tenantId: string): string {
  return generatePath(PATHS.overview, { tenantId });
}

export function auditPath(tenantId: string): string {
  return generatePath(PATHS.audit, { tenantId });
}

export function numbersPath(tenantId: string): string {
  return generatePath(PATHS.numbers, { tenantId });
}

export function numberPath(tenantId: string, e164: string): string {
  return generatePath(PATHS.number, { tenantId, e164 });
}

export function portingPath(tenantId: string): string {
  return generatePath(PATHS.porting, { tenantId });
}

export function portingNewPath(tenantId: string): string {
  return generatePath(PATHS.portingNew, { tenantId });
}

export function portingRequestPath(tenantId: string, requestId: number): string {
  return generatePath(PATHS.portingRequest, { tenantId, requestId: String(requestId) });
}
