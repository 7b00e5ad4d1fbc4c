import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { AuditEvent, CurrentUserDto, Tenant } from '../api/types';
import { fakeService, json, problem } from '../test/fakeService';
import { App } from './App';

const acme: Tenant = {
  id: 'acme',
  name: 'Acme Telecom',
  status: 'ACTIVE',
  createdAt: '2026-11-02T09:00:00Z',
  updatedAt: '2026-11-02T09:00:00Z',
};

const tenantAdmin: CurrentUserDto = {
  username: 'ann',
  name: 'Ann Admin',
  email: 'ann@acme.example',
  roles: ['tenant-admin'],
  tenantId: 'acme',
  platform: false,
};

const platformAdmin: CurrentUserDto = {
  username: 'pat',
  name: null,
  email: null,
  roles: ['platform-admin'],
  tenantId: null,
  platform: true,
};

function auditEvent(id: string, action: string): AuditEvent {
  return {
    id,
    occurredAt: '2026-11-02T09:00:00Z',
    tenantId: 'acme',
    actor: 'pat',
    actorRoles: ['platform-admin'],
    action,
    objectType: 'tenant',
    objectId: 'acme',
    before: null,
    after: { name: 'Acme Telecom' },
    requestId: null,
  };
}

function first<T>(items: T[]): T {
  const [item] = items;
  if (item === undefined) {
    throw new Error('expected at least one item');
  }
  return item;
}

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

describe('App', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('offers sign-in when the service says the browser is not signed in', async () => {
    fakeService({ 'GET /api/v1/me': () => new Response(null, { status: 499 }) });

    openAt('/tenants/acme/audit');

    expect(await screen.findByTestId('sign-in')).toHaveProperty('textContent', 'Sign in');
  });

  it('offers sign-in when the session ends while the dashboard is open', async () => {
    fakeService({
      'GET /api/v1/me': () => json(tenantAdmin),
      'GET /api/v1/tenants/acme': () => problem(401, 'Unauthorized'),
      'GET /api/v1/tenants/acme/audit-events': () => json({ items: [], next: null }),
    });

    openAt('/tenants/acme');

    expect(await screen.findByTestId('sign-in')).toBeTruthy();
    expect(screen.queryByTestId('current-username')).toBeNull();
  });

  it("shows a tenant user their tenant's overview with recent activity", async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(tenantAdmin),
      'GET /api/v1/tenants/acme': () => json(acme),
      'GET /api/v1/tenants/acme/audit-events': () =>
        json({ items: [auditEvent('e1', 'tenant.created'), auditEvent('e2', 'tenant.renamed')], next: null }),
    });

    openAt('/');

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('Acme Telecom');
    expect(screen.getByTestId('current-username').textContent).toBe('ann');
    const table = await screen.findByTestId('recent-audit-table');
    expect(within(table).getAllByTestId('audit-row')).toHaveLength(2);
    expect(screen.queryByTestId('tenant-picker')).toBeNull();
    expect(screen.getByTestId('sign-out').getAttribute('href')).toBe('/logout');
    for (const request of service.requests) {
      expect(request.headers.get('X-Requested-With')).toBe('JavaScript');
    }
    const audit = service.requests.find((request) => request.url.includes('/audit-events'));
    expect(audit && new URL(audit.url).searchParams.get('limit')).toBe('5');
  });

  it('shows an empty state when a tenant has no activity yet', async () => {
    fakeService({
      'GET /api/v1/me': () => json(tenantAdmin),
      'GET /api/v1/tenants/acme': () => json(acme),
      'GET /api/v1/tenants/acme/audit-events': () => json({ items: [], next: null }),
    });

    openAt('/tenants/acme');

    expect(await screen.findByTestId('recent-activity-empty')).toBeTruthy();
  });

  it('loads the next audit page with the cursor the service returned', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(tenantAdmin),
      'GET /api/v1/tenants/acme/audit-events': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? json({ items: [auditEvent('e3', 'number.imported')], next: null })
          : json({ items: [auditEvent('e1', 'tenant.created'), auditEvent('e2', 'tenant.renamed')], next: 'page-2' }),
    });

    openAt('/tenants/acme/audit?actor=pat');

    const table = await screen.findByTestId('audit-table');
    expect(within(table).getAllByTestId('audit-row')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('audit-load-more'));
    expect(await within(table).findByText('number.imported')).toBeTruthy();
    expect(within(table).getAllByTestId('audit-row')).toHaveLength(3);
    expect(screen.queryByTestId('audit-load-more')).toBeNull();
    const pageTwo = service.requests.at(-1);
    expect(pageTwo && new URL(pageTwo.url).searchParams.get('actor')).toBe('pat');

    fireEvent.click(within(first(within(table).getAllByTestId('audit-row'))).getByRole('button'));
    expect((await within(table).findByTestId('audit-change')).textContent).toContain('Acme Telecom');
  });

  it('puts the field errors of a refused tenant next to the fields', async () => {
    fakeService({
      'GET /api/v1/me': () => json(platformAdmin),
      'GET /api/v1/tenants': () => json({ items: [acme], next: null }),
      'POST /api/v1/tenants': () =>
        problem(400, 'Invalid request', { errors: [{ field: 'create.request.id', message: 'must be a slug' }] }),
    });

    openAt('/tenants');

    fireEvent.click(await screen.findByTestId('create-tenant'));
    fireEvent.change(screen.getByTestId('tenant-form-id'), { target: { value: 'Not A Slug' } });
    fireEvent.change(screen.getByTestId('tenant-form-name'), { target: { value: 'Globex' } });
    fireEvent.click(screen.getByTestId('tenant-form-submit'));

    expect((await screen.findByTestId('tenant-form-id-error')).textContent).toContain('must be a slug');
    expect(screen.getByTestId('problem-alert').textContent).toContain('The tenant was not created');
  });
});
