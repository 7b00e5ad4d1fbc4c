package dev.ferry.number.domain;

/** Which provider a number lives on now. */
public enum NumberProvider {
    TWILIO,
    PLIVO,
    /** Known from an upload only, not seen at either provider yet. */
    NONE
}
