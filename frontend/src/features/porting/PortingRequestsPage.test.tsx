import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { App } from '../../app/App';
import { fakeService, json, problem } from '../../test/fakeService';
import { alice, counts, summary, vera } from '../../test/portingFixtures';

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

describe('PortingRequestsPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('lists the requests with a count per state and filters by the state chosen', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(alice),
      'GET /api/v1/tenants/acme/porting-requests/counts': () => json(counts({ DRAFT: 1, ACTION_REQUIRED: 2 })),
      'GET /api/v1/tenants/acme/porting-requests': (request) =>
        new URL(request.url).searchParams.get('state') === 'ACTION_REQUIRED'
          ? json({
              items: [summary(7, { state: 'ACTION_REQUIRED' }), summary(6, { state: 'ACTION_REQUIRED' })],
              next: null,
            })
          : json({ items: [summary(8), summary(7, { state: 'ACTION_REQUIRED' })], next: null }),
    });

    openAt('/tenants/acme/porting');

    const table = await screen.findByTestId('porting-table');
    expect(within(table).getAllByTestId('porting-row')).toHaveLength(2);
    const actionRequired = await screen.findByTestId('porting-state-ACTION_REQUIRED');
    expect(actionRequired.textContent).toBe('Action required (2)');
    expect(screen.getByTestId('porting-state-all').textContent).toBe('All (3)');
    expect(screen.getByTestId('porting-create')).toBeTruthy();

    fireEvent.click(within(actionRequired).getByRole('button'));

    expect(await screen.findByText('Request #6')).toBeTruthy();
    expect(window.location.search).toBe('?state=ACTION_REQUIRED');
    const listed = service.requests.filter((r) => new URL(r.url).pathname.endsWith('/porting-requests'));
    expect(new URL(listed.at(-1)?.url ?? '').searchParams.getAll('state')).toEqual(['ACTION_REQUIRED']);
    expect(screen.getAllByTestId('porting-row-link')[0]?.getAttribute('href')).toBe('/tenants/acme/porting/7');
  });

  it('offers no new request to a viewer and says when a state holds none', async () => {
    fakeService({
      'GET /api/v1/me': () => json(vera),
      'GET /api/v1/tenants/acme/porting-requests/counts': () => json(counts({})),
      'GET /api/v1/tenants/acme/porting-requests': () => json({ items: [], next: null }),
    });

    openAt('/tenants/acme/porting?state=COMPLETED');

    expect((await screen.findByTestId('porting-empty')).textContent).toContain('No porting request is Completed');
    expect(screen.queryByTestId('porting-create')).toBeNull();
  });

  it('shows the service’s problem when the list cannot be read, and still filters without counts', async () => {
    fakeService({
      'GET /api/v1/me': () => json(alice),
      'GET /api/v1/tenants/acme/porting-requests/counts': () => problem(503, 'Service unavailable'),
      'GET /api/v1/tenants/acme/porting-requests': () =>
        problem(400, 'Invalid request', { detail: "state 'NOPE' is not a porting request state" }),
    });

    openAt('/tenants/acme/porting');

    const alerts = await screen.findAllByTestId('problem-alert');
    expect(alerts.map((alert) => alert.textContent).join(' ')).toContain("state 'NOPE' is not a porting request state");
    expect(screen.getByTestId('porting-state-DRAFT').textContent).toBe('Draft');
  });
});
