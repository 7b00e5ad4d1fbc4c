-- Plivo sandbox: message detail records, outbound and inbound, with where their status callbacks go.
CREATE TABLE sandbox_plivo_message (
    message_uuid    UUID          PRIMARY KEY,
    main_id         VARCHAR(20)   NOT NULL REFERENCES sandbox_plivo_account (auth_id) ON DELETE CASCADE,
    account_id      VARCHAR(20)   NOT NULL,
    direction       VARCHAR(8)    NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    state           VARCHAR(16)   NOT NULL,
    message_type    VARCHAR(8)    NOT NULL CHECK (message_type IN ('sms', 'mms')),
    from_number     VARCHAR(32)   NOT NULL,
    to_number       VARCHAR(32)   NOT NULL,
    body            TEXT,
    media_urls      TEXT,
    units           INTEGER       NOT NULL,
    error_code      VARCHAR(8),
    powerpack_id    VARCHAR(36),
    callback_url    VARCHAR(2048),
    callback_method VARCHAR(8),
    sequence        INTEGER       NOT NULL DEFAULT 0,
    destination_iso CHAR(2),
    message_time    TIMESTAMPTZ   NOT NULL,
    sent_time       TIMESTAMPTZ,
    updated_time    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX sandbox_plivo_message_time ON sandbox_plivo_message (main_id, message_time DESC);
