import { api, unwrap } from '../../api/client';
import type {
  DocumentKind,
  Page,
  PortingDocument,
  PortingHistoryEntry,
  PortingRequest,
  PortingRequestDetails,
  PortingRequestSummary,
  PortingState,
  PortingStateCounts,
  PortingTransitions,
  TransitionCommand,
} from '../../api/types';

/** Every state, in the order a request passes through them; lists and filters show them in this order. */
export const PORTING_STATES = [
  'DRAFT',
  'SUBMITTED',
  'IN_VERIFICATION',
  'ACTION_REQUIRED',
  'SUBMITTED_TO_GAINING_CARRIER',
  'SUBMITTED_TO_LOSING_CARRIER',
  'FOC_CONFIRMED',
  'COMPLETED',
  'PARTIALLY_COMPLETED',
  'CANCELLED',
] as const satisfies readonly PortingState[];

/** The states the desk acts on; its queue shows these when no state is chosen, as the service does. */
export const DESK_STATES = [
  'SUBMITTED',
  'IN_VERIFICATION',
  'SUBMITTED_TO_GAINING_CARRIER',
  'SUBMITTED_TO_LOSING_CARRIER',
  'FOC_CONFIRMED',
] as const satisfies readonly PortingState[];

export function isPortingState(value: string | null): value is PortingState {
  return value !== null && (PORTING_STATES as readonly string[]).includes(value);
}

export function listPortingRequests(
  tenantId: string,
  state: PortingState | undefined,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<PortingRequestSummary>> {
  const query = { limit, cursor, state: state ? [state] : undefined };
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/porting-requests', { params: { path: { tenantId }, query }, signal }),
  );
}

export function countPortingRequests(tenantId: string, signal?: AbortSignal): Promise<PortingStateCounts> {
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/porting-requests/counts', { params: { path: { tenantId } }, signal }),
  );
}

export function listDeskQueue(
  state: PortingState | undefined,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<PortingRequestSummary>> {
  const query = { limit, cursor, state: state ? [state] : undefined };
  return unwrap(api.GET('/api/v1/porting-requests', { params: { query }, signal }));
}

export function countDeskQueue(signal?: AbortSignal): Promise<PortingStateCounts> {
  return unwrap(api.GET('/api/v1/porting-requests/counts', { signal }));
}

export function createPortingRequest(tenantId: string, details: PortingRequestDetails): Promise<PortingRequest> {
  return unwrap(
    api.POST('/api/v1/tenants/{tenantId}/porting-requests', { params: { path: { tenantId } }, body: details }),
  );
}

function requestPath(tenantId: string, id: number) {
  return { path: { tenantId, id } };
}

export function getPortingRequest(tenantId: string, id: number, signal?: AbortSignal): Promise<PortingRequest> {
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/porting-requests/{id}', { params: requestPath(tenantId, id), signal }),
  );
}

/** Changes a draft, or the rejected fields of a request in ACTION_REQUIRED; null members stay as they are. */
export function updatePortingRequest(
  tenantId: string,
  id: number,
  details: PortingRequestDetails,
): Promise<PortingRequest> {
  return unwrap(
    api.PATCH('/api/v1/tenants/{tenantId}/porting-requests/{id}', { params: requestPath(tenantId, id), body: details }),
  );
}

export function getTransitions(tenantId: string, id: number, signal?: AbortSignal): Promise<PortingTransitions> {
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/porting-requests/{id}/transitions', {
      params: requestPath(tenantId, id),
      signal,
    }),
  );
}

export function getHistory(tenantId: string, id: number, signal?: AbortSignal): Promise<PortingHistoryEntry[]> {
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/porting-requests/{id}/history', { params: requestPath(tenantId, id), signal }),
  );
}

export function moveRequest(tenantId: string, id: number, command: TransitionCommand): Promise<PortingRequest> {
  return unwrap(
    api.POST('/api/v1/tenants/{tenantId}/porting-requests/{id}/transitions', {
      params: requestPath(tenantId, id),
      body: command,
    }),
  );
}

export interface DocumentUpload {
  kind: DocumentKind;
  /** YYYY-MM-DD; the service needs it for a bill. */
  issuedOn: string;
  file: File;
}

export function uploadDocument(tenantId: string, id: number, upload: DocumentUpload): Promise<PortingDocument> {
  return unwrap(
    api.POST('/api/v1/tenants/{tenantId}/porting-requests/{id}/documents', {
      params: requestPath(tenantId, id),
      // The schema describes the multipart fields; the serializer sends the real file instead of its name.
      body: { kind: upload.kind, issuedOn: upload.issuedOn, file: upload.file.name },
      bodySerializer: () => {
        const form = new FormData();
        form.append('kind', upload.kind);
        if (upload.issuedOn) {
          form.append('issuedOn', upload.issuedOn);
        }
        form.append('file', upload.file, upload.file.name);
        return form;
      },
    }),
  );
}

/** Where the browser downloads a document; the session cookie authorises it like any other call. */
export function documentContentUrl(tenantId: string, id: number, documentId: number): string {
  return `/api/v1/tenants/${encodeURIComponent(tenantId)}/porting-requests/${id}/documents/${documentId}/content`;
}
