import { describe, expect, it } from 'vitest';

import { routes } from '../routes';
import { navRoutes } from './navigation';
import { PATHS } from './paths';

const paths = (section: 'tenant' | 'platform', roles: Parameters<typeof navRoutes>[1]) =>
  navRoutes(routes, roles, section).map((route) => route.path);

describe('navRoutes', () => {
  it('shows a platform admin the tenant pages except webhooks, the tenant list and the porting desk', () => {
    expect(paths('tenant', ['platform-admin'])).toEqual([
      PATHS.overview,
      PATHS.numbers,
      PATHS.subaccounts,
      PATHS.porting,
      PATHS.messages,
      PATHS.geoPermissions,
      PATHS.senderIds,
      PATHS.audit,
    ]);
    expect(paths('platform', ['platform-admin'])).toEqual([PATHS.tenants, PATHS.portingDesk]);
  });

  it('shows the porting desk its queue and a tenant’s porting requests, not the tenant list', () => {
    expect(paths('platform', ['porting-desk'])).toEqual([PATHS.portingDesk]);
    expect(paths('tenant', ['porting-desk'])).toEqual([
      PATHS.overview,
      PATHS.numbers,
      PATHS.porting,
      PATHS.messages,
      PATHS.geoPermissions,
      PATHS.senderIds,
      PATHS.audit,
    ]);
  });

  it('shows webhooks to tenant admins only, and no platform page to any tenant user', () => {
    expect(paths('tenant', ['tenant-admin'])).toEqual([
      PATHS.overview,
      PATHS.numbers,
      PATHS.subaccounts,
      PATHS.porting,
      PATHS.messages,
      PATHS.geoPermissions,
      PATHS.senderIds,
      PATHS.webhooks,
      PATHS.audit,
    ]);
    for (const role of ['tenant-admin', 'tenant-operator', 'viewer'] as const) {
      expect(paths('platform', [role])).toEqual([]);
    }
    for (const role of ['tenant-operator', 'viewer'] as const) {
      expect(paths('tenant', [role])).toEqual([
        PATHS.overview,
        PATHS.numbers,
        PATHS.subaccounts,
        PATHS.porting,
        PATHS.messages,
        PATHS.geoPermissions,
        PATHS.senderIds,
        PATHS.audit,
      ]);
    }
  });

  it('keeps the porting wizard and request pages out of the sidebar', () => {
    const all = routes.filter((route) => route.nav !== undefined).map((route) => route.path);
    expect(all).not.toContain(PATHS.portingNew);
    expect(all).not.toContain(PATHS.portingRequest);
  });

  it('lists numbers and subaccounts for tenant users, and numbers only for the porting desk', () => {
    for (const role of ['tenant-admin', 'tenant-operator', 'viewer'] as const) {
      expect(paths('tenant', [role])).toEqual(expect.arrayContaining([PATHS.numbers, PATHS.subaccounts]));
    }
    // The service does not let the porting desk read subaccounts, so the sidebar does not offer them.
    expect(paths('tenant', ['porting-desk'])).toContain(PATHS.numbers);
    expect(paths('tenant', ['porting-desk'])).not.toContain(PATHS.subaccounts);
  });

  it('never lists the number detail page, which is reached from the inventory', () => {
    expect(paths('tenant', ['tenant-admin'])).not.toContain(PATHS.number);
  });

  it('shows nothing to a user without a Ferry role', () => {
    expect(paths('tenant', [])).toEqual([]);
    expect(paths('platform', [])).toEqual([]);
  });
});
