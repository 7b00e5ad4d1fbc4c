import type { Role } from '../../auth/roles';

// Who may do what with messages, mirroring MessageResource. The service checks again.

/** Read the message log and a message's status history. */
export const MESSAGE_READERS: readonly Role[] = [
  'tenant-admin',
  'tenant-operator',
  'viewer',
  'porting-desk',
  'platform-admin',
];

/** Send messages. */
export const MESSAGE_SENDERS: readonly Role[] = ['tenant-admin', 'tenant-operator'];
