-- Domain events written in the same transaction as the change they describe, and their delivery to tenants'
-- webhook endpoints. The delivery state lives here, so a restart resumes where it stopped.
CREATE TABLE outbox_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID          NOT NULL UNIQUE,
    tenant_id       VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    type            VARCHAR(100)  NOT NULL,
    aggregate_type  VARCHAR(100)  NOT NULL,
    aggregate_id    VARCHAR(255)  NOT NULL,
    -- the exact JSON sent to receivers; text, not jsonb, so retries send the same bytes and signatures match
    body            TEXT          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX outbox_event_tenant_idx ON outbox_event (tenant_id, id);

CREATE TABLE webhook_endpoint (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      VARCHAR(63)    NOT NULL REFERENCES tenant (id),
    url            VARCHAR(2048)  NOT NULL,
    -- event types to send; empty means all
    events         TEXT[]         NOT NULL DEFAULT '{}',
    -- sealed by the vault (SecretBox), context <tenant>/webhook/<id>/secret
    secret_sealed  VARCHAR(1000)  NOT NULL,
    enabled        BOOLEAN        NOT NULL DEFAULT true,
    created_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version        BIGINT         NOT NULL DEFAULT 0
);

CREATE INDEX webhook_endpoint_tenant_idx ON webhook_endpoint (tenant_id, id);

-- One event to one endpoint. Claimed with FOR UPDATE SKIP LOCKED and a lease, so two instances never send it at
-- the same time and a crashed instance's claim runs out.
CREATE TABLE webhook_delivery (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    endpoint_id      BIGINT        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    outbox_id        BIGINT        NOT NULL REFERENCES outbox_event (id),
    -- events with the same key go to one endpoint in order (a porting request's events)
    ordering_key     VARCHAR(255)  NOT NULL,
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMPTZ,
    last_status_code INT,
    last_error       VARCHAR(1000),
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (endpoint_id, ordering_key, id);

CREATE TABLE webhook_attempt (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    delivery_id   BIGINT        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt       INT           NOT NULL,
    status_code   INT,
    error         VARCHAR(1000),
    duration_ms   BIGINT        NOT NULL,
    attempted_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);
