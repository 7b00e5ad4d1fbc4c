import { vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): Response {
  return json({ type: 'about:blank', title, status, detail: '', ...extra }, status, 'application/problem+json');
}

/**
 * Replaces fetch with a service that answers from `routes`, keyed by "METHOD /path" (query string ignored).
 * Every request is recorded so tests can check what the dashboard sent.
 */
export function fakeService(routes: Record<string, Handler>) {
  const requests: Request[] = [];
  const fetch = vi.fn((input: Request) => {
    requests.push(input.clone());
    const url = new URL(input.url);
    const handler = routes[`${input.method} ${url.pathname}`];
    return Promise.resolve(handler ? handler(input) : problem(404, `No fake for ${input.method} ${url.pathname}`));
  });
  vi.stubGlobal('fetch', fetch);
  return { requests };
}
