package dev.ferry.porting.domain;

/** The states of a porting request; see {@link PortingStateMachine} for how one moves between them. */
public enum PortingState {
    DRAFT,
    SUBMITTED,
    IN_VERIFICATION,
    ACTION_REQUIRED,
    SUBMITTED_TO_GAINING_CARRIER,
    SUBMITTED_TO_LOSING_CARRIER,
    FOC_CONFIRMED,
    COMPLETED,
    PARTIALLY_COMPLETED,
    CANCELLED;

    /** Terminal states never change again. */
    public boolean terminal() {
        return this == COMPLETED || this == PARTIALLY_COMPLETED || this == CANCELLED;
    }

    /** Open requests hold their numbers: submitted and not finished. A draft holds nothing yet. */
    public boolean open() {
        return this != DRAFT && !terminal();
    }

    /** States in which the tenant may edit the request. */
    public boolean editable() {
        return this == DRAFT || this == ACTION_REQUIRED;
    }
}
