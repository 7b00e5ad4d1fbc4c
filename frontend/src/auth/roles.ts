/** Ferry's roles, as the identity provider puts them in the token. */
export const ROLES = ['platform-admin', 'porting-desk', 'tenant-admin', 'tenant-operator', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

/** For pages every signed-in Ferry user may open; the service still scopes the data to the user's tenant. */
export const ANY_ROLE: readonly Role[] = ROLES;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(userRoles: readonly Role[], required: readonly Role[]): boolean {
  return required.some((role) => userRoles.includes(role));
}
