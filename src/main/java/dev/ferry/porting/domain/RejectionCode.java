package dev.ferry.porting.domain;

/** Why a request was sent back, normalised from what Plivo's desk or the losing carrier said. */
public enum RejectionCode {
    ACCOUNT_NUMBER_MISMATCH,
    PIN_INVALID,
    NAME_MISMATCH,
    ADDRESS_MISMATCH,
    BTN_MISMATCH,
    NUMBER_NOT_PORTABLE,
    PENDING_ORDER_CONFLICT,
    DOCUMENT_REJECTED,
    FOC_REJECTED,
    /** Anything else; the rejection's message says what. */
    OTHER
}
