-- Plivo sandbox: Powerpacks and the numbers in their pools.
CREATE TABLE sandbox_plivo_powerpack (
    uuid             UUID          PRIMARY KEY,
    main_id          VARCHAR(20)   NOT NULL REFERENCES sandbox_plivo_account (auth_id) ON DELETE CASCADE,
    sub_account      VARCHAR(20)   REFERENCES sandbox_plivo_account (auth_id) ON DELETE CASCADE,
    name             VARCHAR(255)  NOT NULL,
    number_pool_uuid UUID          NOT NULL UNIQUE,
    sticky_sender    BOOLEAN       NOT NULL DEFAULT true,
    local_connect    BOOLEAN       NOT NULL DEFAULT true,
    application_type VARCHAR(8)    NOT NULL DEFAULT '',
    application_id   VARCHAR(20)   NOT NULL DEFAULT '',
    number_priority  TEXT          NOT NULL DEFAULT '[]',
    created_on       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (main_id, name)
);

CREATE TABLE sandbox_plivo_pool_number (
    number           VARCHAR(15)  PRIMARY KEY REFERENCES sandbox_plivo_number (number) ON DELETE CASCADE,
    number_pool_uuid UUID         NOT NULL REFERENCES sandbox_plivo_powerpack (number_pool_uuid) ON DELETE CASCADE,
    service          VARCHAR(8)   NOT NULL CHECK (service IN ('sms', 'mms')),
    added_on         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_plivo_pool_number_pool ON sandbox_plivo_pool_number (number_pool_uuid);
