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

/**
 * The service's records leave members null when there is nothing to say (no plan yet, no Twilio SID), but the
 * contract does not mark them nullable yet; these types say so, so that the compiler makes the pages handle it.
 */
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type NumberState = Schemas['NumberState'];
export type NumberPlan = Schemas['NumberPlan'];
export type NumberType = Schemas['NumberType'];
export type NumberProvider = Schemas['NumberProvider'];
export type Capabilities = Schemas['Capabilities'];
export type TwilioConfig = Nullable<Schemas['TwilioConfig'], keyof Schemas['TwilioConfig']>;
export type PlivoConfig = Nullable<Schemas['PlivoConfig'], keyof Schemas['PlivoConfig']>;
export type NumberView = Nullable<
  Omit<Schemas['NumberView'], 'twilio' | 'plivo'> & { twilio: TwilioConfig; plivo: PlivoConfig },
  'plan' | 'replacedBy'
>;
export type NumberHistoryEntry = Nullable<Schemas['HistoryEntry'], 'from' | 'plan' | 'reason'>;
export interface NumberDetail {
  number: NumberView;
  history: NumberHistoryEntry[];
}
/** A PATCH of a number: absent members (and absent Plivo settings) stay as they are. */
export type NumberUpdate = Partial<Omit<Schemas['UpdateNumber'], 'plivo'>> & {
  plivo?: Partial<Schemas['PlivoChange']>;
};
/** The same body as the generated types spell it, with every member required. */
export type NumberUpdateBody = Schemas['UpdateNumber'];
export type StateCounts = Schemas['StateCounts'];
export type AvailableNumber = Nullable<
  Schemas['AvailableNumber'],
  'region' | 'city' | 'monthlyRentalRate' | 'setupRate'
>;
export interface AvailablePage {
  items: AvailableNumber[];
  more: boolean;
}
export interface PurchaseResult {
  bought: NumberView[];
}
export type JobState = Schemas['JobState'];
export type Job = Nullable<
  Omit<Schemas['JobView'], 'progress' | 'result'> & {
    progress: { done: number; total: number | null };
    result: Record<string, unknown> | null;
  },
  'startedAt' | 'finishedAt'
>;
export type Subaccount = Nullable<Schemas['SubaccountView'], 'twilioAccountSid'>;
export type SubaccountCreate = Schemas['CreateSubaccount'];
export type SubaccountUpdate = Partial<Schemas['UpdateSubaccount']>;
export type MessageView = Schemas['MessageView'];
export type MessageStatusChange = Schemas['StatusChangeView'];
export type MessageDetails = Schemas['MessageDetails'];
export type SendMessage = Schemas['SendMessage'];
/** Why one destination of a send was refused; a 422 problem carries these in `refusals`. */
export interface MessageRefusal {
  destination: string;
  country: string | null;
  reasons: string[];
}
/** The 202 answer to a send; `notAccepted` names destinations Plivo itself refused as malformed. */
export type SentMessages = Schemas['Sent'];
export type GeoPermission = Schemas['PermissionView'];
export type GeoPermissionChange = Schemas['PermissionChange'];
export type GeoCountryDifference = Schemas['CountryDifference'];
export type GeoTwilioComparison = Schemas['TwilioComparison'];
export type SenderIdRegistration = Schemas['RegistrationView'];
export type SenderIdDetails = Schemas['RegistrationDetails'];
export type SenderIdState = Schemas['SenderIdState'];
export type SenderIdTransitions = Schemas['SenderIdTransitions'];
export type SenderIdHistoryEntry = Schemas['SenderIdHistoryView'];
export type TwilioSubaccount = Omit<
  Nullable<Schemas['TwilioSubaccountView'], 'friendlyName' | 'status' | 'dateCreated'>,
  'mappedTo'
> & { mappedTo: Subaccount | null };
export type TwilioSubaccountAction = Schemas['TwilioSubaccountAction'];
export type TwilioSubaccountChoice = Schemas['TwilioSubaccountChoice'];
export type TwilioSubaccountOutcome = Schemas['TwilioSubaccountOutcome'];
export type TwilioSubaccountResult = Omit<Nullable<Schemas['TwilioSubaccountResult'], 'detail'>, 'subaccount'> & {
  subaccount: Subaccount | null;
};
export interface TwilioSubaccountImportResult {
  entries: TwilioSubaccountResult[];
}
