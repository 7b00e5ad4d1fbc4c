import { describe, expect, it } from 'vitest';

import { signInUrl, toCurrentUser } from './currentUser';

describe('signInUrl', () => {
  it('sends the user back to the page they asked for, query included', () => {
    expect(signInUrl({ pathname: '/tenants/acme/audit', search: '?actor=ann' })).toBe(
      '/login?redirect=%2Ftenants%2Facme%2Faudit%3Factor%3Dann',
    );
  });
});

describe('toCurrentUser', () => {
  it("keeps only Ferry's roles", () => {
    const user = toCurrentUser({
      username: 'ann',
      name: null,
      email: null,
      roles: ['offline_access', 'tenant-admin', 'default-roles-ferry'],
      tenantId: 'acme',
      platform: false,
    });
    expect(user.roles).toEqual(['tenant-admin']);
  });
});
