// The names the dashboard uses for the service's wire types. Components import these, never `components[...]`
// directly, so a schema regenerated from the service with other schema names changes this file only.
import type { components } from './schema';

type Schemas = components['schemas'];

export type CurrentUserDto = Schemas['Me'];
export type Tenant = Schemas['TenantView'];
export type TenantStatus = Schemas['TenantStatus'];
export type TenantCreate = Schemas['CreateTenant'];
export type AuditEvent = Schemas['AuditEventView'];
export type PortingState = Schemas['PortingState'];
export type PortingRequest = Schemas['RequestView'];
export type PortingRequestSummary = Schemas['RequestSummary'];
export type PortingRequestDetails = Schemas['RequestDetails'];
export type PortingNumber = PortingRequest['numbers'][number];
export type PortingNumberStatus = Schemas['PortingNumberStatus'];
export type PortingRejection = Schemas['RejectionView'];
export type RejectionCode = Schemas['RejectionCode'];
export type PortingDocument = Schemas['DocumentView'];
export type DocumentKind = Schemas['DocumentKind'];
export type PortingHistoryEntry = Schemas['HistoryView'];
export type PortingTransitions = Schemas['Transitions'];
export type AvailableTransition = Schemas['AvailableTransition'];
export type TransitionCommand = Schemas['TransitionCommand'];
export type PortingStateCounts = Schemas['PortingStateCounts'];
export type WebhookEndpoint = Schemas['EndpointView'];
export type WebhookEndpointCreate = Schemas['CreateEndpoint'];
export type CreatedWebhookEndpoint = Schemas['CreatedEndpoint'];
export type WebhookDelivery = Schemas['DeliveryView'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];

/** One page of a cursor-paginated list; `next` is null on the last page. */
export interface Page<T> {
  items: T[];
  next: string | null;
}
