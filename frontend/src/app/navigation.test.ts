import { describe, expect, it } from 'vitest';

import { routes } from '../routes';
import { navRoutes } from './navigation';
import { PATHS } from './paths';

const paths = (section: 'tenant' | 'platform', roles: Parameters<typeof navRoutes>[1]) =>
  navRoutes(routes, roles, section).map((route) => route.path);

describe('navRoutes', () => {
  it('shows a platform admin the tenant pages and the tenant list', () => {
    expect(paths('tenant', ['platform-admin'])).toEqual([
      PATHS.overview,
      PATHS.numbers,
      PATHS.subaccounts,
      PATHS.audit,
    ]);
    expect(paths('platform', ['platform-admin'])).toEqual([PATHS.tenants]);
  });

  it('hides the tenant list from tenant users and the porting desk', () => {
    for (const role of ['tenant-admin', 'tenant-operator', 'viewer', 'porting-desk'] as const) {
      expect(paths('platform', [role])).toEqual([]);
    }
  });

  it('lists numbers and subaccounts for tenant users, and numbers only for the porting desk', () => {
    for (const role of ['tenant-admin', 'tenant-operator', 'viewer'] as const) {
      expect(paths('tenant', [role])).toEqual([PATHS.overview, PATHS.numbers, PATHS.subaccounts, PATHS.audit]);
    }
    // The service does not let the porting desk read subaccounts, so the sidebar does not offer them.
    expect(paths('tenant', ['porting-desk'])).toEqual([PATHS.overview, PATHS.numbers, PATHS.audit]);
  });

  it('never lists the number detail page, which is reached from the inventory', () => {
    expect(paths('tenant', ['tenant-admin'])).not.toContain(PATHS.number);
  });

  it('shows nothing to a user without a Ferry role', () => {
    expect(paths('tenant', [])).toEqual([]);
    expect(paths('platform', [])).toEqual([]);
  });
});
