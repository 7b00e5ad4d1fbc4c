// The names the dashboard uses for the service's wire types. Components import these, never `components[...]`
// directly, so a schema regenerated from the service with other schema names changes this file only.
import type { components } from './schema';

type Schemas = components['schemas'];

export type CurrentUserDto = Schemas['Me'];
export type Tenant = Schemas['TenantView'];
export type TenantStatus = Schemas['TenantStatus'];
export type TenantCreate = Schemas['CreateTenant'];
export type AuditEvent = Schemas['AuditEventView'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];

/** One page of a cursor-paginated list; `next` is null on the last page. */
export interface Page<T> {
  items: T[];
  next: string | null;
}
