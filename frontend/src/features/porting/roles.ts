import type { Role } from '../../auth/roles';

/** Who may start and edit a draft; the service checks again. */
export const PORTING_EDITORS: readonly Role[] = ['tenant-admin', 'tenant-operator'];

/** Who may read porting requests: everyone in the tenant, and the platform roles in any tenant. */
export const PORTING_READERS: readonly Role[] = [
  'tenant-admin',
  'tenant-operator',
  'viewer',
  'porting-desk',
  'platform-admin',
];

/** Who works the porting desk's queue across tenants. */
export const PORTING_DESK: readonly Role[] = ['porting-desk', 'platform-admin'];
