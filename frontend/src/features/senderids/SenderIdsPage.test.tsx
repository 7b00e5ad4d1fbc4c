import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SenderIdRegistration, SenderIdState, SenderIdTransitions } from '../../api/types';
import { acmeUser, openAt } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';
import { ada } from '../../test/portingFixtures';

const BASE = '/api/v1/tenants/acme/sender-ids';

function registration(state: SenderIdState, changes: Partial<SenderIdRegistration> = {}): SenderIdRegistration {
  return {
    id: 5,
    senderId: 'ACME',
    country: 'GB',
    countryPolicy: 'REGISTRATION_REQUIRED',
    subaccount: null,
    useCase: 'Delivery notices',
    sampleMessages: ['Your parcel is on its way'],
    state,
    rejectionReason: null,
    createdBy: 'oscar',
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-01T09:00:00Z',
    version: 3,
    ...changes,
  };
}

function moves(state: SenderIdState, available: SenderIdState[]): SenderIdTransitions {
  return {
    state,
    version: 3,
    available,
    history: [{ from: null, to: 'DRAFT', actor: 'oscar', reason: null, occurredAt: '2026-12-01T09:00:00Z' }],
  };
}

describe('SenderIdsPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('drafts a sender ID and shows the service’s field errors next to the fields', async () => {
    let attempts = 0;
    const bodies: unknown[] = [];
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-operator')),
      [`GET ${BASE}`]: () => json({ items: attempts > 1 ? [registration('DRAFT')] : [], next: null }),
      [`POST ${BASE}`]: async (request) => {
        attempts++;
        bodies.push(await request.json());
        return attempts === 1
          ? problem(400, 'Invalid request', { errors: [{ field: 'senderId', message: 'has no letter' }] })
          : json(registration('DRAFT'), 201);
      },
    });
    openAt('/tenants/acme/sender-ids');

    fireEvent.click(await screen.findByTestId('senderid-create'));
    fireEvent.change(screen.getByTestId('senderid-form-senderId'), { target: { value: '1234' } });
    fireEvent.change(screen.getByTestId('senderid-form-country'), { target: { value: 'gb' } });
    fireEvent.change(screen.getByTestId('senderid-form-sampleMessages'), {
      target: { value: 'Your parcel is on its way\n\nIt arrived' },
    });
    fireEvent.click(screen.getByTestId('senderid-form-submit'));
    expect((await screen.findByTestId('senderid-form-senderId-error')).textContent).toContain('has no letter');

    fireEvent.change(screen.getByTestId('senderid-form-senderId'), { target: { value: 'ACME' } });
    fireEvent.click(screen.getByTestId('senderid-form-submit'));
    expect((await screen.findByTestId('senderid-row')).dataset.senderId).toBe('ACME');
    expect(bodies[1]).toMatchObject({
      senderId: 'ACME',
      country: 'GB',
      sampleMessages: ['Your parcel is on its way', 'It arrived'],
    });
  });

  it('edits a draft with the version it read, then submits it', async () => {
    let state: SenderIdState = 'DRAFT';
    const sent: { patch?: unknown; move?: unknown } = {};
    fakeService({
      'GET /api/v1/me': () => json(acmeUser('tenant-operator')),
      [`GET ${BASE}`]: () => json({ items: [registration(state)], next: null }),
      [`PATCH ${BASE}/5`]: async (request) => {
        sent.patch = await request.json();
        return json(registration('DRAFT', { version: 4 }));
      },
      [`GET ${BASE}/5/transitions`]: () => json(moves(state, state === 'DRAFT' ? ['SUBMITTED'] : [])),
      [`POST ${BASE}/5/transitions`]: async (request) => {
        sent.move = await request.json();
        state = 'SUBMITTED';
        return json(registration('SUBMITTED'));
      },
    });
    openAt('/tenants/acme/sender-ids');

    fireEvent.click(await screen.findByTestId('senderid-edit'));
    expect(screen.getByTestId<HTMLInputElement>('senderid-form-senderId').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('senderid-form-useCase'), { target: { value: 'Parcel tracking' } });
    fireEvent.click(screen.getByTestId('senderid-form-submit'));
    await waitFor(() => {
      expect(sent.patch).toMatchObject({ useCase: 'Parcel tracking', version: 3, senderId: null });
    });

    fireEvent.click(within(screen.getByTestId('senderid-toggle')).getByRole('button'));
    fireEvent.click(await screen.findByTestId('senderid-action-SUBMITTED'));
    await waitFor(() => {
      expect(screen.getByTestId('senderid-state').dataset.state).toBe('SUBMITTED');
    });
    expect(sent.move).toEqual({ to: 'SUBMITTED', version: 3, reason: null });
    expect(screen.queryByTestId('senderid-edit')).toBeNull();
  });

  it('offers the desk only the moves the service lists, and asks a reason to reject', async () => {
    let moved: unknown;
    fakeService({
      'GET /api/v1/me': () => json(ada),
      'GET /api/v1/tenants': () => json({ items: [], next: null }),
      [`GET ${BASE}`]: () => json({ items: [registration('SUBMITTED')], next: null }),
      [`GET ${BASE}/5/transitions`]: () => json(moves('SUBMITTED', ['APPROVED', 'REJECTED'])),
      [`POST ${BASE}/5/transitions`]: async (request) => {
        moved = await request.json();
        return json(registration('REJECTED', { rejectionReason: 'Brand not shown' }));
      },
    });
    openAt('/tenants/acme/sender-ids');

    fireEvent.click(within(await screen.findByTestId('senderid-toggle')).getByRole('button'));
    const actions = await screen.findByTestId('senderid-actions');
    expect(
      within(actions)
        .getAllByRole('button')
        .map((button) => button.dataset.testid),
    ).toEqual(['senderid-action-APPROVED', 'senderid-action-REJECTED']);
    expect(screen.queryByTestId('senderid-create')).toBeNull();

    fireEvent.click(screen.getByTestId('senderid-action-REJECTED'));
    expect(moved).toBeUndefined();
    expect(screen.getByTestId<HTMLButtonElement>('senderid-move-confirm').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('senderid-reason'), { target: { value: 'Brand not shown' } });
    fireEvent.click(screen.getByTestId('senderid-move-confirm'));
    await waitFor(() => {
      expect(moved).toEqual({ to: 'REJECTED', version: 3, reason: 'Brand not shown' });
    });
  });
});
