import { api, unwrap } from '../../api/client';
import type {
  CreatedWebhookEndpoint,
  Page,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
} from '../../api/types';

export function listWebhookEndpoints(
  tenantId: string,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<WebhookEndpoint>> {
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/webhook-endpoints', {
      params: { path: { tenantId }, query: { limit, cursor } },
      signal,
    }),
  );
}

export function createWebhookEndpoint(
  tenantId: string,
  endpoint: WebhookEndpointCreate,
): Promise<CreatedWebhookEndpoint> {
  return unwrap(
    api.POST('/api/v1/tenants/{tenantId}/webhook-endpoints', { params: { path: { tenantId } }, body: endpoint }),
  );
}

export async function deleteWebhookEndpoint(tenantId: string, id: number): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/tenants/{tenantId}/webhook-endpoints/{id}', {
    params: { path: { tenantId, id } },
  });
  if (!response.ok) {
    // unwrap wants a body, and a deletion answers 204 without one.
    await unwrap(Promise.resolve({ error, response }));
  }
}

export function listDeliveries(
  tenantId: string,
  id: number,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<WebhookDelivery>> {
  return unwrap(
    api.GET('/api/v1/tenants/{tenantId}/webhook-endpoints/{id}/deliveries', {
      params: { path: { tenantId, id }, query: { limit, cursor } },
      signal,
    }),
  );
}

/** Event types may be separated by commas or spaces; duplicates count once. */
export function parseEvents(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((event) => event.trim())
        .filter(Boolean),
    ),
  ];
}
