import { describe, expect, it } from 'vitest';

import { routes } from '../routes';
import { navRoutes } from './navigation';
import { PATHS } from './paths';

const paths = (section: 'tenant' | 'platform', roles: Parameters<typeof navRoutes>[1]) =>
  navRoutes(routes, roles, section).map((route) => route.path);

describe('navRoutes', () => {
  it('shows a platform admin the tenant pages and the tenant list', () => {
    expect(paths('tenant', ['platform-admin'])).toEqual([PATHS.overview, PATHS.audit]);
    expect(paths('platform', ['platform-admin'])).toEqual([PATHS.tenants]);
  });

  it('hides the tenant list from tenant users and the porting desk', () => {
    for (const role of ['tenant-admin', 'tenant-operator', 'viewer', 'porting-desk'] as const) {
      expect(paths('platform', [role])).toEqual([]);
      expect(paths('tenant', [role])).toEqual([PATHS.overview, PATHS.audit]);
    }
  });

  it('shows nothing to a user without a Ferry role', () => {
    expect(paths('tenant', [])).toEqual([]);
    expect(paths('platform', [])).toEqual([]);
  });
});
