import type { TFunction } from 'i18next';

import type { RejectionCode } from '../../api/types';

/** The request fields a rejection may name, as the service spells them. */
export const REJECTABLE_FIELDS = [
  'numbers',
  'losingCarrier',
  'accountNumber',
  'pin',
  'authorisedPerson',
  'billingTelephoneNumber',
  'serviceAddress',
  'requestedPortDate',
  'documents',
  'plivoSubaccount',
  'plivoAppId',
] as const;

type RejectableField = (typeof REJECTABLE_FIELDS)[number];

function isRejectableField(field: string): field is RejectableField {
  return (REJECTABLE_FIELDS as readonly string[]).includes(field);
}

/** A request field's name for people; a field this dashboard does not know yet shows as the service spells it. */
export function fieldLabel(field: string, t: TFunction): string {
  return isRejectableField(field) ? t(`portingField.${field}`) : field;
}

export const REJECTION_CODES = [
  'ACCOUNT_NUMBER_MISMATCH',
  'PIN_INVALID',
  'NAME_MISMATCH',
  'ADDRESS_MISMATCH',
  'BTN_MISMATCH',
  'NUMBER_NOT_PORTABLE',
  'PENDING_ORDER_CONFLICT',
  'DOCUMENT_REJECTED',
  'FOC_REJECTED',
  'OTHER',
] as const satisfies readonly RejectionCode[];
