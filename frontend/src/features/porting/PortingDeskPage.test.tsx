import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { App } from '../../app/App';
import { fakeService, json } from '../../test/fakeService';
import { ada, alice, counts, summary } from '../../test/portingFixtures';

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

describe('PortingDeskPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('shows the desk every tenant’s requests with the tenant and links into that tenant', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(ada),
      'GET /api/v1/tenants': () => json({ items: [], next: null }),
      'GET /api/v1/porting-requests/counts': () => json(counts({ DRAFT: 4, SUBMITTED: 2, FOC_CONFIRMED: 1 })),
      'GET /api/v1/porting-requests': () =>
        json({
          items: [summary(9, { tenantId: 'globex', state: 'SUBMITTED' }), summary(3, { state: 'FOC_CONFIRMED' })],
          next: null,
        }),
    });

    openAt('/porting-desk');

    const table = await screen.findByTestId('porting-desk-table');
    const rows = within(table).getAllByTestId('porting-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('globex');
    expect(within(table).getAllByTestId('porting-row-link')[0]?.getAttribute('href')).toBe('/tenants/globex/porting/9');
    // "Waiting on the desk" counts only what waits on the desk, not drafts the tenants are still writing.
    expect((await screen.findByText('Waiting on the desk (3)')).textContent).toBe('Waiting on the desk (3)');
    const queue = service.requests.find((r) => new URL(r.url).pathname === '/api/v1/porting-requests');
    expect(queue && new URL(queue.url).searchParams.has('state')).toBe(false);
  });

  it('keeps tenant users out of the desk', async () => {
    fakeService({
      'GET /api/v1/me': () => json(alice),
    });

    openAt('/porting-desk');

    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
