import type { Role } from '../../auth/roles';

// Who may see and change geo permissions, mirroring GeoPermissionResource. The service checks again.

export const GEO_READERS: readonly Role[] = [
  'tenant-admin',
  'tenant-operator',
  'viewer',
  'porting-desk',
  'platform-admin',
];

/** Change the matrix and import Twilio's decisions. Only a platform admin may allow a high-risk country. */
export const GEO_EDITORS: readonly Role[] = ['tenant-admin', 'platform-admin'];
