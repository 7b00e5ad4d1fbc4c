import { generatePath } from 'react-router';

/** URL patterns of the dashboard's pages; the route table and every link build on these. */
export const PATHS = {
  tenants: '/tenants',
  overview: '/tenants/:tenantId',
  audit: '/tenants/:tenantId/audit',
} as const;

export function overviewPath(tenantId: string): string {
  return generatePath(PATHS.overview, { tenantId });
}

export function auditPath(tenantId: string): string {
  return generatePath(PATHS.audit, { tenantId });
}
