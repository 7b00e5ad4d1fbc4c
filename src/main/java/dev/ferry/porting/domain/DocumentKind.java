package dev.ferry.porting.domain;

/** What a porting document is. */
public enum DocumentKind {
    /** Letter of authorisation signed by the authorised person. */
    LOA,
    /** A recent bill of the losing carrier, showing the account and the numbers. */
    BILL,
    OTHER
}
