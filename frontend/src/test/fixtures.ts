import { render } from '@testing-library/react';
import { createElement } from 'react';

import type { CurrentUserDto, Job, NumberView, Subaccount } from '../api/types';
import { App } from '../app/App';
import type { Role } from '../auth/roles';

/** A signed-in acme user with one role, as GET /api/v1/me answers. */
export function acmeUser(role: Role): CurrentUserDto {
  return { username: role, name: null, email: null, roles: [role], tenantId: 'acme', platform: false };
}

/** Opens the whole dashboard at `path`, as a browser would. */
export function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(createElement(App));
}

export function aNumber(e164: string, changes: Partial<NumberView> = {}): NumberView {
  return {
    e164,
    country: 'GB',
    type: 'MOBILE',
    capabilities: { voice: true, sms: true, mms: false },
    provider: 'TWILIO',
    plan: null,
    state: 'DISCOVERED',
    twilio: {
      sid: 'PN00000000000000000000000000000001',
      accountSid: 'AC00000000000000000000000000000001',
      friendlyName: 'Support line',
      voiceUrl: 'https://acme.example/voice',
      smsUrl: null,
      statusCallback: null,
      messagingServiceSid: null,
      missingSince: null,
    },
    plivo: { appId: null, alias: null, subaccount: null },
    replacedBy: null,
    tags: [],
    createdAt: '2026-11-02T09:00:00Z',
    updatedAt: '2026-11-02T09:00:00Z',
    version: 1,
    ...changes,
  };
}

export function aJob(changes: Partial<Job> = {}): Job {
  return {
    id: 7,
    kind: 'number.import.twilio',
    state: 'QUEUED',
    progress: { done: 0, total: null },
    errors: [],
    errorCount: 0,
    result: null,
    attempt: 0,
    createdBy: 'alice',
    createdAt: '2026-11-02T09:00:00Z',
    startedAt: null,
    finishedAt: null,
    ...changes,
  };
}

export function aSubaccount(id: string, changes: Partial<Subaccount> = {}): Subaccount {
  return {
    id,
    name: `Team ${id}`,
    enabled: true,
    twilioAccountSid: null,
    createdAt: '2026-11-02T09:00:00Z',
    updatedAt: '2026-11-02T09:00:00Z',
    ...changes,
  };
}

/** The query of a recorded request, for checking what the dashboard asked for. */
export function queryOf(request: Request | undefined): URLSearchParams {
  if (!request) {
    throw new Error('expected a request');
  }
  return new URL(request.url).searchParams;
}
