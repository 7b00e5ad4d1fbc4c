import type { TFunction } from 'i18next';

import type { FieldError, Problem } from './types';

/** Thrown by API calls that did not succeed, so callers deal with one error shape whatever went wrong. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * Turns whatever a failed call produced into a problem. Bodies that are not problem+json (a proxy's HTML error page,
 * a dropped connection) become a problem with an empty title, which the alert replaces with a translated message.
 */
export function toProblem(error: unknown, response?: Response): Problem {
  if (error instanceof ProblemError) {
    return error.problem;
  }
  const status = response?.status ?? 0;
  if (isRecord(error) && (typeof error.title === 'string' || typeof error.detail === 'string')) {
    const errors = Array.isArray(error.errors) ? error.errors.filter(isFieldError) : undefined;
    // Extension members (errorCount, currentState, provider...) carry what a page may need to explain the refusal.
    const extensions = Object.fromEntries(Object.entries(error).filter(([name]) => !STANDARD_MEMBERS.has(name)));
    return {
      ...extensions,
      type: stringOr(error.type, 'about:blank'),
      title: stringOr(error.title, ''),
      status: typeof error.status === 'number' ? error.status : status,
      detail: stringOr(error.detail, ''),
      ...(typeof error.instance === 'string' ? { instance: error.instance } : {}),
      ...(errors && errors.length > 0 ? { errors } : {}),
    };
  }
  return { type: 'about:blank', title: '', status, detail: error instanceof Error && !response ? error.message : '' };
}

export interface ProblemAlertContent {
  variant: 'danger' | 'warning';
  title: string;
  detail: string;
}

/** What a person sees for a problem: the service's own words when it sent some, a translated fallback otherwise. */
export function describeProblem(problem: Problem, t: TFunction): ProblemAlertContent {
  const reachedService = problem.status > 0;
  let title = problem.title;
  if (!title) {
    title = reachedService ? t('errors.unexpected', { status: problem.status }) : t('errors.network');
  }
  const detail = problem.detail === title ? '' : problem.detail;
  // A 4xx is something the person can correct or ask about; a 5xx or no answer at all is the service's fault.
  const variant = reachedService && problem.status < 500 ? 'warning' : 'danger';
  return { variant, title, detail };
}

export interface MappedFieldErrors<F extends string> {
  /** The message for each form field the service complained about. */
  byField: Partial<Record<F, string>>;
  /** Errors about fields the form does not show; these belong in the form's alert. */
  unmatched: FieldError[];
}

/**
 * Assigns a problem's field errors to form fields. Bean Validation reports paths such as `create.request.name`, so a
 * field also matches the last segment of a dotted path.
 */
export function mapFieldErrors<F extends string>(problem: Problem, fields: readonly F[]): MappedFieldErrors<F> {
  const byField: Partial<Record<F, string>> = {};
  const unmatched: FieldError[] = [];
  for (const error of problem.errors ?? []) {
    const field = fields.find((name) => error.field === name || error.field.endsWith(`.${name}`));
    if (field === undefined) {
      unmatched.push(error);
      continue;
    }
    const earlier = byField[field];
    byField[field] = earlier ? `${earlier} ${error.message}` : error.message;
  }
  return { byField, unmatched };
}
