import createClient, { type Middleware } from 'openapi-fetch';

import { ProblemError, toProblem } from './problem';
import type { paths } from './schema';

/**
 * 401 is the usual answer without a session. 499 is what the service sends instead of a redirect to the sign-in page
 * when the request says it comes from a script, because a script cannot follow that redirect.
 */
const NOT_SIGNED_IN = new Set([401, 499]);

export function isNotSignedIn(status: number): boolean {
  return NOT_SIGNED_IN.has(status);
}

const signedOutListeners = new Set<() => void>();

/** Calls `listener` whenever any API call finds the session gone, e.g. after it expired while the page was open. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => {
    signedOutListeners.delete(listener);
  };
}

const signedOutDetector: Middleware = {
  onResponse({ response }) {
    if (isNotSignedIn(response.status)) {
      signedOutListeners.forEach((listener) => {
        listener();
      });
    }
    return undefined;
  },
};

export function createApiClient(origin: string) {
  const client = createClient<paths>({
    baseUrl: origin,
    // The session cookie is the dashboard's credential; it never needs to go to another origin.
    credentials: 'same-origin',
    // Without this header the service treats the call as a page load: no CSRF pass and redirects instead of 401/499.
    headers: { 'X-Requested-With': 'JavaScript' },
    // Looked up on every call rather than captured once, so tests can stub fetch after this module has loaded.
    fetch: (request) => globalThis.fetch(request),
  });
  client.use(signedOutDetector);
  return client;
}

export const api = createApiClient(window.location.origin);

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Waits for an API call and returns its body, or throws a ProblemError carrying the service's problem. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) {
    return data;
  }
  throw new ProblemError(toProblem(error, response));
}

/** Waits for an API call that answers without a body (204 No Content); throws a ProblemError when it failed. */
export async function unwrapEmpty(call: Promise<ApiResult<unknown>>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) {
    throw new ProblemError(toProblem(error, response));
  }
}

/**
 * A key for the Idempotency-Key header: one per thing a person asks for, so that a retried request (a double click,
 * a reply lost on the way) is answered from the first attempt and never buys or imports twice.
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
