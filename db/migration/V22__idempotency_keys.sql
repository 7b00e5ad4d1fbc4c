-- Idempotency-Key records of POSTs that create or buy. The primary key is what stops a second concurrent request
-- with the same key from acting: only one INSERT wins, whatever the timing.
CREATE TABLE idempotency_record (
    tenant_id        VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    idem_key         VARCHAR(255) NOT NULL,
    fingerprint      CHAR(64)     NOT NULL,
    state            VARCHAR(16)  NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    response_status  INTEGER,
    response_type    VARCHAR(100),
    response_body    TEXT,
    response_location VARCHAR(2048),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at     TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, idem_key),
    CONSTRAINT idempotency_completed_has_response CHECK (state <> 'COMPLETED' OR response_status IS NOT NULL)
);

CREATE INDEX idempotency_record_expiry_idx ON idempotency_record (expires_at);
