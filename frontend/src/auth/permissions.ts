import type { Role } from './roles';

// Who may do what with a tenant's numbers and subaccounts, mirroring the service's resources (NumberResource,
// SubaccountResource). The service checks again; these only decide which pages and buttons a person sees.

/** Read the inventory, its counts, number details and jobs. */
export const NUMBER_READERS: readonly Role[] = [
  'tenant-admin',
  'tenant-operator',
  'viewer',
  'platform-admin',
  'porting-desk',
];

/** Set plans and tags, search Plivo's offer and buy numbers. */
export const NUMBER_EDITORS: readonly Role[] = ['tenant-admin', 'tenant-operator', 'platform-admin'];

/** Import the inventory (Twilio or CSV) and release Plivo numbers. */
export const NUMBER_ADMINS: readonly Role[] = ['tenant-admin', 'platform-admin'];

/** See the tenant's Plivo subaccounts. */
export const SUBACCOUNT_READERS: readonly Role[] = ['tenant-admin', 'tenant-operator', 'viewer', 'platform-admin'];

/** Create, rename, enable, disable and delete subaccounts. */
export const SUBACCOUNT_ADMINS: readonly Role[] = ['tenant-admin', 'platform-admin'];
