-- Alphanumeric sender-ID registrations, one per sender and country (and subaccount, when it is registered for one).
-- The lifecycle is dev.ferry.compliance.senderid.SenderIdStateMachine; the CHECK only keeps its vocabulary.
CREATE TABLE sender_id_registration (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         VARCHAR(63)    NOT NULL REFERENCES tenant (id),
    sender_id         VARCHAR(11)    NOT NULL,
    country           CHAR(2)        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    subaccount        VARCHAR(32),
    use_case          VARCHAR(2000),
    sample_messages   TEXT[]         NOT NULL DEFAULT '{}',
    state             VARCHAR(16)    NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED',
                                         'REVOKED')),
    rejection_reason  VARCHAR(2000),
    created_by        VARCHAR(255)   NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version           BIGINT         NOT NULL DEFAULT 0
);

CREATE INDEX sender_id_registration_lookup_idx ON sender_id_registration (tenant_id, sender_id, country);

-- One row per lifecycle move, never updated.
CREATE TABLE sender_id_history (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        VARCHAR(63)    NOT NULL REFERENCES tenant (id),
    registration_id  BIGINT         NOT NULL REFERENCES sender_id_registration (id) ON DELETE CASCADE,
    from_state       VARCHAR(16),
    to_state         VARCHAR(16)    NOT NULL,
    actor            VARCHAR(255)   NOT NULL,
    reason           VARCHAR(2000),
    occurred_at      TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX sender_id_history_registration_idx ON sender_id_history (registration_id, id);
