package dev.ferry.compliance.senderid.domain;

/** Where a sender-ID registration is; see {@link dev.ferry.compliance.senderid.SenderIdStateMachine}. */
public enum SenderIdState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    REVOKED
}
