import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { PortingRequest, PortingTransitions } from '../../api/types';
import { App } from '../../app/App';
import { fakeService, json, problem } from '../../test/fakeService';
import { ada, alice, historyEntry, request, vera } from '../../test/portingFixtures';

const BASE = '/api/v1/tenants/acme/porting-requests/42';

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

function transitions(state: PortingRequest['state'], moves: PortingTransitions['transitions']): PortingTransitions {
  return { state, version: 3, transitions: moves };
}

async function bodyOf(requests: Request[], method: string, path: string): Promise<unknown> {
  const sent = requests.filter((r) => r.method === method && new URL(r.url).pathname === path).at(-1);
  if (!sent) {
    throw new Error(`no ${method} ${path} was sent`);
  }
  return sent.json();
}

describe('PortingRequestPage', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('offers only the moves the service allows the caller, with the timeline and the inventory state', async () => {
    fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () =>
        json(
          request({
            state: 'COMPLETED',
            numbers: [{ e164: '+14155550101', status: 'PORTED', reason: null, inventoryState: 'ON_PLIVO' }],
          }),
        ),
      [`GET ${BASE}/transitions`]: () =>
        json(transitions('SUBMITTED', [{ to: 'CANCELLED', requires: ['reason'], guards: [] }])),
      [`GET ${BASE}/history`]: () =>
        json([historyEntry(1, 'DRAFT', 'SUBMITTED'), historyEntry(2, 'SUBMITTED', 'IN_VERIFICATION')]),
    });

    openAt('/tenants/acme/porting/42');

    expect(await screen.findByTestId('porting-action-CANCELLED')).toBeTruthy();
    expect(screen.queryByTestId('porting-action-IN_VERIFICATION')).toBeNull();
    expect(screen.queryByTestId('porting-action-SUBMITTED')).toBeNull();
    const entries = await screen.findAllByTestId('porting-history-entry');
    expect(entries.map((entry) => entry.getAttribute('data-to'))).toEqual(['SUBMITTED', 'IN_VERIFICATION']);
    expect(entries[1]?.textContent).toContain('Submitted → In verification');
    expect(entries[1]?.textContent).toContain('ada (porting-desk)');
    expect(screen.getByTestId('porting-number-inventory').textContent).toBe('ON_PLIVO');
    expect(screen.getByTestId('porting-number-status').textContent).toBe('Ported');
  });

  it('shows a viewer no moves and no upload form', async () => {
    fakeService({
      'GET /api/v1/me': () => json(vera),
      [`GET ${BASE}`]: () => json(request()),
      [`GET ${BASE}/transitions`]: () => json(transitions('DRAFT', [])),
      [`GET ${BASE}/history`]: () => json([]),
    });

    openAt('/tenants/acme/porting/42');

    expect(await screen.findByTestId('porting-no-actions')).toBeTruthy();
    expect(screen.queryByTestId('porting-actions')).toBeNull();
    expect(screen.getByTestId('porting-documents-empty')).toBeTruthy();
    expect(screen.queryByTestId('porting-document-form')).toBeNull();
  });

  it('sends what a move requires with the version seen, and reads the request again afterwards', async () => {
    let moved = false;
    const service = fakeService({
      'GET /api/v1/me': () => json(ada),
      'GET /api/v1/tenants': () => json({ items: [], next: null }),
      [`GET ${BASE}`]: () =>
        json(
          moved
            ? request({ state: 'SUBMITTED_TO_LOSING_CARRIER', version: 4 })
            : request({ state: 'SUBMITTED_TO_GAINING_CARRIER' }),
        ),
      [`GET ${BASE}/transitions`]: () =>
        json(
          transitions('SUBMITTED_TO_GAINING_CARRIER', [
            { to: 'SUBMITTED_TO_LOSING_CARRIER', requires: ['providerReference'], guards: ['PROVIDER_REFERENCE'] },
            { to: 'CANCELLED', requires: ['reason'], guards: ['REASON'] },
          ]),
        ),
      [`GET ${BASE}/history`]: () => json([]),
      [`POST ${BASE}/transitions`]: () => {
        moved = true;
        return json(request({ state: 'SUBMITTED_TO_LOSING_CARRIER', version: 4 }));
      },
    });

    openAt('/tenants/acme/porting/42');

    fireEvent.click(await screen.findByTestId('porting-action-SUBMITTED_TO_LOSING_CARRIER'));
    expect(screen.queryByTestId('transition-foc-date')).toBeNull();
    fireEvent.change(screen.getByTestId('transition-provider-reference'), { target: { value: 'PLV-77' } });
    fireEvent.click(screen.getByTestId('transition-submit'));

    await waitFor(() => {
      expect(screen.getByTestId('porting-request-state').textContent).toBe('With losing carrier');
    });
    expect(screen.queryByTestId('transition-modal')).toBeNull();
    expect(await bodyOf(service.requests, 'POST', `${BASE}/transitions`)).toEqual({
      to: 'SUBMITTED_TO_LOSING_CARRIER',
      version: 3,
      reason: null,
      focDate: null,
      providerReference: 'PLV-77',
      rejections: null,
      answers: null,
      numbers: null,
    });
  });

  it('completes with an outcome per number and a rejection with its code and fields', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(ada),
      'GET /api/v1/tenants': () => json({ items: [], next: null }),
      [`GET ${BASE}`]: () => json(request({ state: 'FOC_CONFIRMED' })),
      [`GET ${BASE}/transitions`]: () =>
        json(
          transitions('FOC_CONFIRMED', [
            { to: 'COMPLETED', requires: ['numbers'], guards: ['ALL_PORTED'] },
            { to: 'PARTIALLY_COMPLETED', requires: ['numbers'], guards: ['SOME_PORTED'] },
          ]),
        ),
      [`GET ${BASE}/history`]: () => json([]),
      [`POST ${BASE}/transitions`]: () => json(request({ state: 'COMPLETED', version: 4 })),
    });

    openAt('/tenants/acme/porting/42');

    fireEvent.click(await screen.findByTestId('porting-action-PARTIALLY_COMPLETED'));
    fireEvent.change(screen.getByTestId('transition-number-status-+14155550102'), { target: { value: 'FAILED' } });
    fireEvent.change(screen.getByTestId('transition-number-reason-+14155550102'), {
      target: { value: 'not portable' },
    });
    fireEvent.click(screen.getByTestId('transition-submit'));

    await waitFor(() => {
      expect(screen.queryByTestId('transition-modal')).toBeNull();
    });
    const body = (await bodyOf(service.requests, 'POST', `${BASE}/transitions`)) as { numbers: unknown };
    expect(body.numbers).toEqual([
      { e164: '+14155550101', status: 'INCLUDED', reason: null },
      { e164: '+14155550102', status: 'FAILED', reason: 'not portable' },
    ]);
  });

  it('puts a refused move’s problem and its field errors in the dialog and keeps it open', async () => {
    fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () => json(request()),
      [`GET ${BASE}/transitions`]: () =>
        json(transitions('DRAFT', [{ to: 'SUBMITTED', requires: [], guards: ['SUBMISSION_COMPLETE'] }])),
      [`GET ${BASE}/history`]: () => json([]),
      [`POST ${BASE}/transitions`]: () =>
        problem(422, 'The request cannot be processed', {
          detail: 'Cannot move to SUBMITTED',
          errors: [{ field: 'documents', message: 'need a letter of authorisation (LOA)' }],
        }),
    });

    openAt('/tenants/acme/porting/42');

    fireEvent.click(await screen.findByTestId('porting-action-SUBMITTED'));
    fireEvent.click(screen.getByTestId('transition-submit'));

    const alert = await screen.findByTestId('problem-alert');
    expect(alert.textContent).toContain('The request was not moved');
    expect(alert.textContent).toContain('documents: need a letter of authorisation (LOA)');
    expect(screen.getByTestId('transition-modal')).toBeTruthy();
  });

  it('asks the desk for a rejection’s code and fields', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(ada),
      'GET /api/v1/tenants': () => json({ items: [], next: null }),
      [`GET ${BASE}`]: () => json(request({ state: 'IN_VERIFICATION' })),
      [`GET ${BASE}/transitions`]: () =>
        json(transitions('IN_VERIFICATION', [{ to: 'ACTION_REQUIRED', requires: ['rejections'], guards: [] }])),
      [`GET ${BASE}/history`]: () => json([]),
      [`POST ${BASE}/transitions`]: () => json(request({ state: 'ACTION_REQUIRED', version: 4 })),
    });

    openAt('/tenants/acme/porting/42');

    fireEvent.click(await screen.findByTestId('porting-action-ACTION_REQUIRED'));
    fireEvent.change(screen.getByTestId('transition-rejection-code-0'), {
      target: { value: 'ACCOUNT_NUMBER_MISMATCH' },
    });
    fireEvent.click(screen.getByTestId('transition-rejection-0-accountNumber'));
    fireEvent.click(screen.getByTestId('transition-submit'));

    await waitFor(() => {
      expect(screen.queryByTestId('transition-modal')).toBeNull();
    });
    const body = (await bodyOf(service.requests, 'POST', `${BASE}/transitions`)) as { rejections: unknown };
    expect(body.rejections).toEqual([{ code: 'ACCOUNT_NUMBER_MISMATCH', fields: ['accountNumber'], message: null }]);
  });

  it('lets the tenant answer an open rejection with a note when resubmitting', async () => {
    const service = fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () =>
        json(
          request({
            state: 'ACTION_REQUIRED',
            rejections: [
              {
                id: 9,
                code: 'ACCOUNT_NUMBER_MISMATCH',
                fields: ['accountNumber'],
                message: null,
                revision: 1,
                raisedBy: 'ada',
                raisedAt: '2026-12-02T09:00:00Z',
                open: true,
                answeredRevision: null,
                answerNote: null,
              },
            ],
          }),
        ),
      [`GET ${BASE}/transitions`]: () =>
        json(transitions('ACTION_REQUIRED', [{ to: 'SUBMITTED', requires: [], guards: ['REJECTIONS_ANSWERED'] }])),
      [`GET ${BASE}/history`]: () => json([]),
      [`POST ${BASE}/transitions`]: () => json(request({ state: 'SUBMITTED', version: 4 })),
    });

    openAt('/tenants/acme/porting/42');

    expect((await screen.findByTestId('porting-rejection')).textContent).toContain('Account number mismatch');
    fireEvent.click(screen.getByTestId('porting-action-SUBMITTED'));
    fireEvent.change(screen.getByTestId('transition-answer-9'), { target: { value: ' the number is right ' } });
    fireEvent.click(screen.getByTestId('transition-submit'));

    await waitFor(() => {
      expect(screen.queryByTestId('transition-modal')).toBeNull();
    });
    const body = (await bodyOf(service.requests, 'POST', `${BASE}/transitions`)) as { answers: unknown };
    expect(body.answers).toEqual([{ rejectionId: 9, note: 'the number is right' }]);
  });

  it('uploads a bill with its date as multipart and lists the documents with download links', async () => {
    let uploaded = false;
    const document = {
      id: 5,
      kind: 'BILL' as const,
      filename: 'bill.pdf',
      contentType: 'application/pdf',
      size: 1234,
      sha256: 'ab',
      issuedOn: '2026-11-20',
      uploadedBy: 'alice',
      uploadedAt: '2026-12-01T10:00:00Z',
    };
    const service = fakeService({
      'GET /api/v1/me': () => json(alice),
      [`GET ${BASE}`]: () => json(request({ documents: uploaded ? [document] : [] })),
      [`GET ${BASE}/transitions`]: () => json(transitions('DRAFT', [])),
      [`GET ${BASE}/history`]: () => json([]),
      [`POST ${BASE}/documents`]: () => {
        uploaded = true;
        return json(document, 201);
      },
    });

    openAt('/tenants/acme/porting/42');

    const form = await screen.findByTestId('porting-document-form');
    fireEvent.change(within(form).getByTestId('porting-document-kind'), { target: { value: 'BILL' } });
    fireEvent.change(within(form).getByTestId('porting-document-issued-on'), { target: { value: '2026-11-20' } });
    const file = new File(['%PDF-1.7'], 'bill.pdf', { type: 'application/pdf' });
    const input = form.querySelector('input[type=file]');
    if (!input) {
      throw new Error('the upload form has no file input');
    }
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => {
      expect(within(form).getByTestId('porting-document-upload').hasAttribute('disabled')).toBe(false);
    });
    fireEvent.click(within(form).getByTestId('porting-document-upload'));

    const row = await screen.findByTestId('porting-document-row');
    expect(row.textContent).toContain('bill.pdf');
    expect(within(row).getByTestId('porting-document-download').getAttribute('href')).toBe(
      `${BASE}/documents/5/content`,
    );
    const sent = service.requests.find((r) => r.method === 'POST' && r.url.endsWith('/documents'));
    const formData = await sent?.formData();
    expect(formData?.get('kind')).toBe('BILL');
    expect(formData?.get('issuedOn')).toBe('2026-11-20');
    // jsdom's File loses its name on the way into the fetch Request; the browser test sees the name arrive.
    expect(await (formData?.get('file') as Blob | null)?.text()).toBe('%PDF-1.7');
  });
});
