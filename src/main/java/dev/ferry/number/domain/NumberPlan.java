package dev.ferry.number.domain;

/** What will happen to a number in the migration. */
public enum NumberPlan {
    /** Port the number from Twilio to Plivo. */
    PORT,
    /** Buy a new Plivo number instead and retire this one. */
    REPLACE,
    /** Leave the number on Twilio. */
    KEEP
}
