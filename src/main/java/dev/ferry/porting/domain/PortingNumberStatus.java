package dev.ferry.porting.domain;

/** How one number of a request fares. */
public enum PortingNumberStatus {
    /** Part of the request and not settled yet. */
    INCLUDED,
    /** Taken out of the request, with a reason. */
    EXCLUDED,
    /** Live on Plivo. */
    PORTED,
    /** The port of this number failed, with a reason. */
    FAILED
}
