import i18n from 'i18next';
import { describe, expect, it } from 'vitest';

import { describeProblem, mapFieldErrors, ProblemError, toProblem } from './problem';
import type { Problem } from './types';

const t = i18n.t.bind(i18n);

const validationProblem: Problem = {
  type: 'https://ferry.example/problems/validation',
  title: 'Invalid request',
  status: 400,
  detail: 'The tenant could not be created',
  errors: [
    { field: 'create.request.id', message: 'must be a slug' },
    { field: 'name', message: 'must not be blank' },
    { field: 'name', message: 'is too long' },
    { field: 'plan', message: 'is unknown' },
  ],
};

describe('toProblem', () => {
  it('keeps a problem+json body as the service sent it', () => {
    expect(toProblem(validationProblem)).toEqual(validationProblem);
  });

  it('keeps extension members such as the total error count', () => {
    expect(toProblem({ ...validationProblem, errorCount: 1500 })).toMatchObject({ errorCount: 1500 });
  });

  it('unwraps a ProblemError', () => {
    expect(toProblem(new ProblemError(validationProblem))).toBe(validationProblem);
  });

  it('drops malformed field errors instead of failing', () => {
    const parsed = toProblem({ title: 'Bad', status: 400, errors: [{ field: 'id' }, 'oops'] });
    expect(parsed.errors).toBeUndefined();
  });

  it('turns a body that is not a problem into one with the response status', () => {
    const parsed = toProblem('<html>Bad gateway</html>', new Response(null, { status: 502 }));
    expect(parsed).toMatchObject({ status: 502, title: '' });
  });

  it('treats a thrown network error as status 0', () => {
    expect(toProblem(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, detail: 'Failed to fetch' });
  });
});

describe('describeProblem', () => {
  it("shows the service's title and detail as a warning for a 4xx", () => {
    expect(describeProblem(validationProblem, t)).toEqual({
      variant: 'warning',
      title: 'Invalid request',
      detail: 'The tenant could not be created',
    });
  });

  it('falls back to a translated message when the service sent no title', () => {
    const content = describeProblem(toProblem(null, new Response(null, { status: 503 })), t);
    expect(content).toEqual({
      variant: 'danger',
      title: 'The Ferry service gave an unexpected answer (HTTP 503)',
      detail: '',
    });
  });

  it('says the service was unreachable when there was no answer', () => {
    expect(describeProblem(toProblem(new TypeError('Failed to fetch')), t)).toMatchObject({
      variant: 'danger',
      title: 'The Ferry service could not be reached',
    });
  });
});

describe('mapFieldErrors', () => {
  it('matches fields by name or by the last segment of a validation path, and joins repeated messages', () => {
    expect(mapFieldErrors(validationProblem, ['id', 'name'] as const)).toEqual({
      byField: { id: 'must be a slug', name: 'must not be blank is too long' },
      unmatched: [{ field: 'plan', message: 'is unknown' }],
    });
  });

  it('does not match a field that only ends with the same letters', () => {
    const problem = { ...validationProblem, errors: [{ field: 'tenantid', message: 'x' }] };
    expect(mapFieldErrors(problem, ['id'] as const).byField).toEqual({});
  });
});
