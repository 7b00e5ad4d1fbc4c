import { api, unwrap, unwrapEmpty } from '../../api/client';
import type {
  AvailablePage,
  Job,
  NumberDetail,
  NumberPlan,
  NumberProvider,
  NumberState,
  NumberType,
  NumberUpdate,
  NumberUpdateBody,
  NumberView,
  Page,
  PurchaseResult,
  StateCounts,
} from '../../api/types';

export const NUMBER_STATES = [
  'DISCOVERED',
  'PLANNED',
  'PORTING',
  'ON_PLIVO',
  'VERIFIED',
  'RELEASED_FROM_TWILIO',
] as const satisfies readonly NumberState[];
export const NUMBER_PROVIDERS = ['TWILIO', 'PLIVO', 'NONE'] as const satisfies readonly NumberProvider[];
export const NUMBER_TYPES = ['LOCAL', 'MOBILE', 'TOLL_FREE', 'OTHER'] as const satisfies readonly NumberType[];
export const NUMBER_PLANS = ['PORT', 'REPLACE', 'KEEP'] as const satisfies readonly NumberPlan[];
export const CAPABILITIES = ['voice', 'sms', 'mms'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The inventory's filters; empty values and lists mean "any". Several capabilities or tags must all hold. */
export interface NumberFilters {
  state: NumberState[];
  provider: NumberProvider | '';
  country: string;
  type: NumberType | '';
  capability: Capability[];
  subaccount: string;
  tag: string[];
  text: string;
}

export const NO_NUMBER_FILTERS: NumberFilters = {
  state: [],
  provider: '',
  country: '',
  type: '',
  capability: [],
  subaccount: '',
  tag: [],
  text: '',
};

export function hasNumberFilters(filters: NumberFilters): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== ''));
}

// Empty filters are left out of the query: the service would otherwise look for numbers whose country is "".
function query(filters: NumberFilters) {
  return {
    state: filters.state.length > 0 ? filters.state : undefined,
    provider: filters.provider || undefined,
    country: filters.country || undefined,
    type: filters.type || undefined,
    capability: filters.capability.length > 0 ? filters.capability : undefined,
    subaccount: filters.subaccount || undefined,
    tag: filters.tag.length > 0 ? filters.tag : undefined,
    text: filters.text || undefined,
  };
}

export function listNumbers(
  tenantId: string,
  filters: NumberFilters,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<NumberView>> {
  const params = { path: { tenantId }, query: { ...query(filters), limit, cursor } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/numbers', { params, signal }));
}

/** Counts per state among the numbers the other filters select; the state filter itself is ignored by the service. */
export function countNumbers(tenantId: string, filters: NumberFilters, signal?: AbortSignal): Promise<StateCounts> {
  const params = { path: { tenantId }, query: { ...query(filters), state: undefined } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/numbers/counts', { params, signal }));
}

export function getNumber(tenantId: string, e164: string, signal?: AbortSignal): Promise<NumberDetail> {
  const params = { path: { tenantId, e164 } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/numbers/{e164}', { params, signal }));
}

export function updateNumber(tenantId: string, e164: string, change: NumberUpdate): Promise<NumberView> {
  const params = { path: { tenantId, e164 } };
  // A PATCH leaves absent members as they are; the generated types make every member required, so the cast says
  // what the service accepts.
  const body = change as NumberUpdateBody;
  return unwrap(api.PATCH('/api/v1/tenants/{tenantId}/numbers/{e164}', { params, body }));
}

/** Gives a Plivo number back to Plivo; the service wants the number repeated as the confirmation. */
export function releaseNumber(tenantId: string, e164: string, confirm: string): Promise<void> {
  const params = { path: { tenantId, e164 }, query: { confirm } };
  return unwrapEmpty(api.DELETE('/api/v1/tenants/{tenantId}/numbers/{e164}', { params }));
}

// The import and purchase operations answer with a JAX-RS Response, so the contract names no body type for them;
// the service sends a JobView (202) or a PurchaseResult (201), as the operations' descriptions say.

export async function importFromTwilio(tenantId: string, idempotencyKey: string): Promise<Job> {
  const params = { path: { tenantId }, header: { 'Idempotency-Key': idempotencyKey } };
  const body = { source: 'twilio' };
  return (await unwrap(api.POST('/api/v1/tenants/{tenantId}/numbers/imports', { params, body }))) as Job;
}

export async function importCsv(tenantId: string, file: File, idempotencyKey: string): Promise<Job> {
  const params = { path: { tenantId }, header: { 'Idempotency-Key': idempotencyKey } };
  const form = new FormData();
  form.append('file', file, file.name);
  // openapi-fetch passes FormData through untouched and lets the browser set the multipart boundary.
  const call = api.POST('/api/v1/tenants/{tenantId}/numbers/imports', {
    params,
    body: form as unknown as { file: string },
  });
  return (await unwrap(call)) as Job;
}

export function getJob(tenantId: string, jobId: number, signal?: AbortSignal): Promise<Job> {
  const params = { path: { tenantId, jobId } };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/jobs/{jobId}', { params, signal }));
}

/** What a person looks for in Plivo's offer; country is required by the service. */
export interface AvailableSearch {
  country: string;
  type: 'local' | 'mobile' | 'tollfree' | '';
  pattern: string;
  capability: Capability[];
}

export const AVAILABLE_PAGE_SIZE = 20;

export function searchAvailable(
  tenantId: string,
  search: AvailableSearch,
  offset: number,
  signal?: AbortSignal,
): Promise<AvailablePage> {
  const params = {
    path: { tenantId },
    query: {
      country: search.country,
      type: search.type || undefined,
      pattern: search.pattern || undefined,
      capability: search.capability.length > 0 ? search.capability : undefined,
      limit: AVAILABLE_PAGE_SIZE,
      offset,
    },
  };
  return unwrap(api.GET('/api/v1/tenants/{tenantId}/numbers/available', { params, signal }));
}

export async function buyNumber(tenantId: string, e164: string, idempotencyKey: string): Promise<PurchaseResult> {
  const params = { path: { tenantId }, header: { 'Idempotency-Key': idempotencyKey } };
  const body = { numbers: [e164] };
  return (await unwrap(api.POST('/api/v1/tenants/{tenantId}/numbers/purchases', { params, body }))) as PurchaseResult;
}

/** Rents several numbers in one purchase; the service runs it as a job (202), whose result lists bought and refused. */
export async function buyNumbers(tenantId: string, numbers: string[], idempotencyKey: string): Promise<Job> {
  const params = { path: { tenantId }, header: { 'Idempotency-Key': idempotencyKey } };
  const body = { numbers };
  return (await unwrap(api.POST('/api/v1/tenants/{tenantId}/numbers/purchases', { params, body }))) as Job;
}

/** What a finished purchase job did, read from its result; members it lacks count as empty. */
export interface PurchaseOutcome {
  bought: string[];
  refused: { number: string; reason: string }[];
}

export function purchaseOutcome(result: Record<string, unknown> | null): PurchaseOutcome {
  const bought = Array.isArray(result?.bought) ? result.bought.filter((n): n is string => typeof n === 'string') : [];
  const refused = Array.isArray(result?.refused)
    ? result.refused.flatMap((entry: unknown) => {
        if (typeof entry !== 'object' || entry === null) {
          return [];
        }
        const { number, reason } = entry as Record<string, unknown>;
        return typeof number === 'string' ? [{ number, reason: typeof reason === 'string' ? reason : '' }] : [];
      })
    : [];
  return { bought, refused };
}
