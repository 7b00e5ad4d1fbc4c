import type { PortingRequest, PortingRequestDetails, Problem } from '../../api/types';
import { parseNumbers } from './parseNumbers';

/** The request form's fields, named as the service names them in its field errors. */
export const FIELDS = [
  'numbers',
  'losingCarrier',
  'accountNumber',
  'pin',
  'authorisedPerson',
  'billingTelephoneNumber',
  'street',
  'locality',
  'region',
  'postalCode',
  'country',
  'requestedPortDate',
  'plivoSubaccount',
  'plivoAppId',
] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Record<Field, string>;

export const EMPTY: Values = Object.fromEntries(FIELDS.map((field) => [field, ''])) as Values;

const ADDRESS_FIELDS = ['street', 'locality', 'region', 'postalCode', 'country'] as const satisfies readonly Field[];

/** The request field a rejection names for a form field: the address parts are one field to the service. */
export function requestFieldOf(field: Field): string {
  return (ADDRESS_FIELDS as readonly Field[]).includes(field) ? 'serviceAddress' : field;
}

export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** What a new draft sends: every field, empty ones as null. */
export function toDetails(values: Values): PortingRequestDetails {
  return {
    numbers: parseNumbers(values.numbers),
    losingCarrier: orNull(values.losingCarrier),
    accountNumber: orNull(values.accountNumber),
    pin: orNull(values.pin),
    authorisedPerson: orNull(values.authorisedPerson),
    billingTelephoneNumber: orNull(values.billingTelephoneNumber),
    serviceAddress: address(values),
    requestedPortDate: orNull(values.requestedPortDate),
    plivoSubaccount: orNull(values.plivoSubaccount),
    plivoAppId: orNull(values.plivoAppId),
    version: null,
  };
}

function address(values: Values): PortingRequestDetails['serviceAddress'] {
  return {
    street: orNull(values.street),
    locality: orNull(values.locality),
    region: orNull(values.region),
    postalCode: orNull(values.postalCode),
    country: orNull(values.country.toUpperCase()),
  };
}

/** The form's values for an existing request; the PIN is never shown, so its field starts empty. */
export function valuesOf(request: PortingRequest): Values {
  const a = request.serviceAddress;
  return {
    numbers: request.numbers
      .filter((number) => number.status !== 'EXCLUDED')
      .map((number) => number.e164)
      .join('\n'),
    losingCarrier: request.losingCarrier ?? '',
    accountNumber: request.accountNumber ?? '',
    pin: '',
    authorisedPerson: request.authorisedPerson ?? '',
    billingTelephoneNumber: request.billingTelephoneNumber ?? '',
    street: a.street ?? '',
    locality: a.locality ?? '',
    region: a.region ?? '',
    postalCode: a.postalCode ?? '',
    country: a.country ?? '',
    requestedPortDate: request.requestedPortDate ?? '',
    plivoSubaccount: request.plivoSubaccount ?? '',
    plivoAppId: request.plivoAppId ?? '',
  };
}

/**
 * A PATCH with only what changed: null keeps a member as it is, an empty string clears it. The address goes whole
 * when any part changed, and the PIN only when one was typed.
 */
export function changedDetails(initial: Values, values: Values, version: number): PortingRequestDetails {
  const changed = (field: Field) => values[field].trim() !== initial[field].trim();
  const text = (field: Field) => (changed(field) ? values[field].trim() : null);
  const numbersChanged = parseNumbers(values.numbers).sort().join() !== parseNumbers(initial.numbers).sort().join();
  return {
    numbers: numbersChanged ? parseNumbers(values.numbers) : null,
    losingCarrier: text('losingCarrier'),
    accountNumber: text('accountNumber'),
    pin: orNull(values.pin),
    authorisedPerson: text('authorisedPerson'),
    billingTelephoneNumber: text('billingTelephoneNumber'),
    serviceAddress: ADDRESS_FIELDS.some(changed) ? address(values) : null,
    requestedPortDate: changed('requestedPortDate') ? orNull(values.requestedPortDate) : null,
    plivoSubaccount: text('plivoSubaccount'),
    plivoAppId: text('plivoAppId'),
    version,
  };
}

/**
 * The service names list items by index (`numbers[1]`) and nested members by path (`serviceAddress.country`);
 * the form shows one field per name, so both are reduced to that name.
 */
export function withoutIndexes(problem: Problem): Problem {
  return problem.errors
    ? { ...problem, errors: problem.errors.map((e) => ({ ...e, field: e.field.replace(/\[[^\]]*\]/g, '') })) }
    : problem;
}
