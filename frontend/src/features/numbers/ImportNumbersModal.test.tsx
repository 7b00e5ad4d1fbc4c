import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { Job } from '../../api/types';
import { aJob } from '../../test/fixtures';
import { fakeService, json, problem } from '../../test/fakeService';
import { ImportNumbersModal } from './ImportNumbersModal';

const IMPORTS = '/api/v1/tenants/acme/numbers/imports';
const JOB = '/api/v1/tenants/acme/jobs/7';

/** A job that answers each poll with the next of `answers`, then keeps repeating the last. */
function jobAnswers(...answers: Job[]) {
  let polls = 0;
  return () => json(answers[Math.min(polls++, answers.length - 1)]);
}

function openModal() {
  const onImported = vi.fn();
  render(<ImportNumbersModal tenantId="acme" onClose={vi.fn()} onImported={onImported} pollIntervalMs={1} />);
  return { onImported };
}

describe('ImportNumbersModal', () => {
  it("imports the Twilio account's numbers and follows the job's progress to its result", async () => {
    const service = fakeService({
      [`POST ${IMPORTS}`]: () => json(aJob(), 202),
      [`GET ${JOB}`]: jobAnswers(
        aJob({ state: 'RUNNING', progress: { done: 500, total: 2000 } }),
        aJob({
          state: 'SUCCEEDED',
          progress: { done: 2000, total: 2000 },
          result: { numbers: 2000, created: 1990, updated: 10, unchanged: 0 },
        }),
      ),
    });
    const { onImported } = openModal();

    fireEvent.click(screen.getByTestId('import-submit'));

    const progress = await screen.findByTestId('job-progress');
    await waitFor(() => {
      expect(progress.getAttribute('data-state')).toBe('SUCCEEDED');
    });
    expect(screen.getByTestId('job-result-created').textContent).toBe('1990');
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    // The page is told after the finished job rendered, in an effect.
    await waitFor(() => {
      expect(onImported).toHaveBeenCalled();
    });
    expect(onImported).toHaveBeenCalledTimes(1);
    const post = service.requests.find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({ source: 'twilio' });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    const polls = service.requests.filter((request) => request.method === 'GET');
    expect(polls.length).toBeGreaterThanOrEqual(2);
  });

  it('shows each error of a job that failed, and how many more there were', async () => {
    fakeService({
      [`POST ${IMPORTS}`]: () => json(aJob({ state: 'RUNNING' }), 202),
      [`GET ${JOB}`]: jobAnswers(
        aJob({
          state: 'FAILED',
          errors: [
            { field: 'account AC1, PN1: phone_number', message: 'is not a valid phone number' },
            { field: 'account AC1, PN2: phone_number', message: 'is not a valid phone number' },
          ],
          errorCount: 5,
        }),
      ),
    });
    const { onImported } = openModal();

    fireEvent.click(screen.getByTestId('import-submit'));

    const errors = await screen.findByTestId('job-errors');
    expect(
      within(errors)
        .getAllByTestId('job-error')
        .map((item) => item.textContent),
    ).toEqual([
      'account AC1, PN1: phone_number: is not a valid phone number',
      'account AC1, PN2: phone_number: is not a valid phone number',
    ]);
    expect(errors.textContent).toContain('3 more errors');
    expect(screen.getByTestId('job-progress').getAttribute('data-state')).toBe('FAILED');
    await waitFor(() => {
      expect(onImported).toHaveBeenCalled();
    });
  });

  it('keeps following the job when one poll fails, and says so until the next answer', async () => {
    let answer = problem(503, 'Service unavailable');
    fakeService({
      [`POST ${IMPORTS}`]: () => json(aJob({ state: 'RUNNING' }), 202),
      [`GET ${JOB}`]: () => answer,
    });
    openModal();

    fireEvent.click(screen.getByTestId('import-submit'));

    expect((await screen.findByTestId('problem-alert')).textContent).toContain("The job's progress could not be read");
    answer = json(aJob({ state: 'SUCCEEDED', progress: { done: 3, total: null }, result: { numbers: 3 } }));
    await waitFor(() => {
      expect(screen.getByTestId('job-progress').getAttribute('data-state')).toBe('SUCCEEDED');
    });
    expect(screen.queryByTestId('problem-alert')).toBeNull();
    expect(screen.getByTestId('job-progress').textContent).toContain('3 processed');
  });

  it('uploads a CSV file as multipart and lists the bad rows with their line numbers when it is refused', async () => {
    const service = fakeService({
      [`POST ${IMPORTS}`]: () =>
        problem(400, 'Invalid request', {
          detail: 'The file has 1502 errors; nothing was imported',
          errors: [
            { field: 'line 3: number', message: 'is not a valid phone number' },
            { field: 'line 9: country', message: 'does not match the number (US)' },
          ],
          errorCount: 1502,
        }),
    });
    const { onImported } = openModal();

    fireEvent.click(screen.getByTestId('import-source-csv'));
    fireEvent.click(screen.getByTestId('import-submit'));
    expect(screen.getByText('Choose a file')).toBeTruthy();
    const file = new File(['number\n+15550100\n'], 'numbers.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-submit'));

    const refusal = await screen.findByTestId('import-problem');
    expect(refusal.textContent).toContain('The import did not start');
    expect(refusal.textContent).toContain('line 3: number: is not a valid phone number');
    expect(refusal.textContent).toContain('line 9: country: does not match the number (US)');
    expect(refusal.textContent).toContain('1500 more bad rows');
    expect(screen.queryByTestId('job-progress')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
    const upload = service.requests[0];
    expect(upload?.headers.get('Content-Type')).toContain('multipart/form-data');
    // jsdom's File loses its name on the way through Node's FormData, so the content is what can be checked here.
    const sent = (await upload?.formData())?.get('file');
    expect(typeof sent === 'object' && sent !== null ? await sent.text() : sent).toBe('number\n+15550100\n');
  });

  it('sends a new Idempotency-Key when the person imports again after a refusal', async () => {
    let answer = problem(503, 'Twilio did not answer');
    const service = fakeService({ [`POST ${IMPORTS}`]: () => answer });
    openModal();

    fireEvent.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('import-problem');
    answer = json(aJob({ state: 'SUCCEEDED', result: { numbers: 0 } }), 202);
    fireEvent.click(screen.getByTestId('import-submit'));
    await screen.findByTestId('job-progress');

    const [first, second] = service.requests.map((request) => request.headers.get('Idempotency-Key'));
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
  });
});
