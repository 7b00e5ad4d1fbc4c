package dev.ferry.number.domain;

/** Where a number is in its migration from Twilio to Plivo. */
public enum NumberState {
    /** Found in the Twilio inventory (or an upload); nothing decided yet. */
    DISCOVERED,
    /** A plan (port, replace, keep) was chosen. */
    PLANNED,
    /** In an open porting request. */
    PORTING,
    /** Rented on Plivo, or ported in and live there. */
    ON_PLIVO,
    /** Checked working on Plivo (a test message or call went through). */
    VERIFIED,
    /** Released from Twilio after the move; the migration of this number is done. */
    RELEASED_FROM_TWILIO
}
