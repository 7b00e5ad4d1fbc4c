import type { Role } from '../../auth/roles';

// Who may do what with sender-ID registrations, mirroring SenderIdResource. The service checks again, and the
// moves a person sees come from GET .../transitions, which knows the caller's roles.

export const SENDER_ID_READERS: readonly Role[] = [
  'tenant-admin',
  'tenant-operator',
  'viewer',
  'porting-desk',
  'platform-admin',
];

/** Draft and edit registrations. */
export const SENDER_ID_EDITORS: readonly Role[] = ['tenant-admin', 'tenant-operator'];
