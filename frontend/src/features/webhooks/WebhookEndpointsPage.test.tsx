import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { WebhookDelivery, WebhookEndpoint } from '../../api/types';
import { App } from '../../app/App';
import { fakeService, json, problem } from '../../test/fakeService';
import { alice, vera } from '../../test/portingFixtures';

const BASE = '/api/v1/tenants/acme/webhook-endpoints';

const endpoint: WebhookEndpoint = {
  id: 3,
  url: 'https://hooks.acme.example/ferry',
  events: ['porting_request.status_changed'],
  enabled: true,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};

const delivery: WebhookDelivery = {
  id: 11,
  eventId: '2f0c1f7e-8d7b-4a59-9f8e-1b2c3d4e5f60',
  eventType: 'porting_request.status_changed',
  status: 'DEAD',
  attempts: 8,
  nextAttemptAt: null,
  lastStatusCode: 500,
  lastError: 'server error',
  deliveredAt: null,
  createdAt: '2026-12-01T09:00:00Z',
  log: [],
};

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

describe('WebhookEndpointsPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('shows the signing secret once after adding an endpoint, then lists the endpoint', async () => {
    let created = false;
    const service = fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () => json({ items: created ? [endpoint] : [], next: null }),
      [`POST ${BASE}`]: () => {
        created = true;
        return json({ ...endpoint, secret: 'whsec_only-once', signatureHeader: 'Ferry-Signature' }, 201);
      },
    });

    openAt('/tenants/acme/webhooks');

    fireEvent.click(await screen.findByTestId('webhook-create'));
    fireEvent.change(screen.getByTestId('webhook-form-url'), {
      target: { value: ' https://hooks.acme.example/ferry ' },
    });
    fireEvent.change(screen.getByTestId('webhook-form-events'), {
      target: { value: 'porting_request.status_changed, porting_request.status_changed' },
    });
    fireEvent.click(screen.getByTestId('webhook-form-submit'));

    const secret = await screen.findByTestId('webhook-secret');
    expect(within(secret).getByRole<HTMLInputElement>('textbox').value).toBe('whsec_only-once');
    expect(screen.getByText(/Ferry-Signature/)).toBeTruthy();
    const sent = service.requests.find((r) => r.method === 'POST');
    expect(await sent?.json()).toEqual({
      url: 'https://hooks.acme.example/ferry',
      events: ['porting_request.status_changed'],
      enabled: true,
    });

    fireEvent.click(screen.getByTestId('webhook-secret-done'));
    await waitFor(() => {
      expect(screen.queryByTestId('webhook-secret')).toBeNull();
    });
    expect((await screen.findByTestId('webhook-url')).textContent).toBe(endpoint.url);
    expect(screen.queryByText('whsec_only-once')).toBeNull();
  });

  it('puts the service’s complaint about the URL next to the field', async () => {
    fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () => json({ items: [], next: null }),
      [`POST ${BASE}`]: () =>
        problem(400, 'Invalid request', { errors: [{ field: 'url', message: 'must be an http(s) URL with a host' }] }),
    });

    openAt('/tenants/acme/webhooks');

    fireEvent.click(await screen.findByTestId('webhook-create'));
    fireEvent.change(screen.getByTestId('webhook-form-url'), { target: { value: 'ftp://nowhere' } });
    fireEvent.click(screen.getByTestId('webhook-form-submit'));

    expect((await screen.findByTestId('webhook-form-url-error')).textContent).toContain(
      'must be an http(s) URL with a host',
    );
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
  });

  it('shows an endpoint’s delivery log and deletes the endpoint after confirmation', async () => {
    let deleted = false;
    const service = fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () => json({ items: deleted ? [] : [endpoint], next: null }),
      [`GET ${BASE}/3/deliveries`]: () => json({ items: [delivery], next: null }),
      [`DELETE ${BASE}/3`]: () => {
        deleted = true;
        return new Response(null, { status: 204 });
      },
    });

    openAt('/tenants/acme/webhooks');

    const row = await screen.findByTestId('webhook-row');
    fireEvent.click(within(row).getByRole('button', { name: /deliveries|details/i }));
    const log = await screen.findByTestId('webhook-delivery-row');
    expect(log.textContent).toContain('HTTP 500 · server error');
    expect(within(log).getByTestId('webhook-delivery-status').textContent).toBe('DEAD');

    fireEvent.click(screen.getByTestId('webhook-delete'));
    expect(service.requests.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('webhook-delete-confirm'));

    expect(await screen.findByTestId('webhooks-empty')).toBeTruthy();
    expect(service.requests.filter((r) => r.method === 'DELETE').map((r) => new URL(r.url).pathname)).toEqual([
      `${BASE}/3`,
    ]);
  });

  it('keeps the page from users who are not tenant admins', async () => {
    fakeService({ 'GET /api/v1/me': () => json(vera) });

    openAt('/tenants/acme/webhooks');

    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
