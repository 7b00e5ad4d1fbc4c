import { generatePath } from 'react-router';

/** URL patterns of the dashboard's pages; the route table and every link build on these. */
export const PATHS = {
  tenants: '/tenants',
  overview: '/tenants/:tenantId',
  audit: '/tenants/:tenantId/audit',
  numbers: '/tenants/:tenantId/numbers',
  number: '/tenants/:tenantId/numbers/:e164',
  subaccounts: '/tenants/:tenantId/subaccounts',
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
