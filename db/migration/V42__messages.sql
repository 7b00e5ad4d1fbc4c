-- Messages sent through Plivo and received from it: one row per destination, with Plivo's uuid, the encoding and
-- segments the text travels in, and the (sub)account that owns it (its token checks the message's callbacks).
CREATE TABLE message (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      VARCHAR(63)    NOT NULL REFERENCES tenant (id),
    plivo_uuid     UUID           NOT NULL UNIQUE,
    direction      VARCHAR(8)     NOT NULL CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    message_type   VARCHAR(8)     NOT NULL CHECK (message_type IN ('SMS', 'MMS')),
    sender_kind    VARCHAR(16)    NOT NULL CHECK (sender_kind IN ('NUMBER', 'SENDER_ID', 'POWERPACK', 'EXTERNAL')),
    sender         VARCHAR(64)    NOT NULL,
    destination    VARCHAR(64)    NOT NULL,
    country        CHAR(2),
    text           TEXT,
    media_urls     TEXT[]         NOT NULL DEFAULT '{}',
    encoding       VARCHAR(8)     CHECK (encoding IN ('GSM7', 'UCS2')),
    segments       INT,
    subaccount     VARCHAR(32),
    plivo_account  VARCHAR(32)    NOT NULL,
    status         VARCHAR(16)    NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'undelivered', 'failed',
                                      'received', 'read', 'rejected')),
    error_code     VARCHAR(16),
    last_sequence  INT            NOT NULL DEFAULT 0,
    created_by     VARCHAR(255)   NOT NULL,
    created_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version        BIGINT         NOT NULL DEFAULT 0
);

CREATE INDEX message_tenant_idx ON message (tenant_id, id DESC);
CREATE INDEX message_status_idx ON message (tenant_id, status, id DESC);

-- Every status a message went through, from the send's answer and from each accepted callback; never updated.
CREATE TABLE message_status_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    message_id   BIGINT        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16)   NOT NULL,
    sequence     INT,
    error_code   VARCHAR(16),
    source       VARCHAR(16)   NOT NULL CHECK (source IN ('SEND', 'CALLBACK')),
    occurred_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX message_status_change_message_idx ON message_status_change (message_id, id);

-- Nonces of the Plivo callbacks Ferry accepted: a request carrying one again is a replay and is refused.
CREATE TABLE plivo_callback_nonce (
    tenant_id    VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    nonce        VARCHAR(64)   NOT NULL,
    seen_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, nonce)
);
