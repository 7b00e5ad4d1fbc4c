-- The number inventory: every number a tenant owns, where it lives, its plan and its migration state.
CREATE TABLE phone_number (
    id                           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id                    VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    e164                         VARCHAR(16)  NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    country                      CHAR(2)      NOT NULL,
    number_type                  VARCHAR(16)  NOT NULL CHECK (number_type IN ('LOCAL', 'MOBILE', 'TOLL_FREE', 'OTHER')),
    voice                        BOOLEAN      NOT NULL DEFAULT false,
    sms                          BOOLEAN      NOT NULL DEFAULT false,
    mms                          BOOLEAN      NOT NULL DEFAULT false,
    provider                     VARCHAR(16)  NOT NULL CHECK (provider IN ('TWILIO', 'PLIVO', 'NONE')),
    plan                         VARCHAR(16)  CHECK (plan IN ('PORT', 'REPLACE', 'KEEP')),
    state                        VARCHAR(32)  NOT NULL CHECK (state IN ('DISCOVERED', 'PLANNED', 'PORTING', 'ON_PLIVO',
                                                                        'VERIFIED', 'RELEASED_FROM_TWILIO')),
    -- Twilio configuration as imported
    twilio_sid                   VARCHAR(64),
    twilio_account_sid           VARCHAR(64),
    twilio_friendly_name         VARCHAR(255),
    twilio_voice_url             VARCHAR(2048),
    twilio_sms_url               VARCHAR(2048),
    twilio_status_callback       VARCHAR(2048),
    twilio_messaging_service_sid VARCHAR(64),
    missing_from_twilio_at       TIMESTAMPTZ,
    -- Plivo configuration
    plivo_app_id                 VARCHAR(64),
    plivo_alias                  VARCHAR(255),
    plivo_subaccount             VARCHAR(32),
    replaced_by                  VARCHAR(16),
    tags                         TEXT[]       NOT NULL DEFAULT '{}',
    created_at                   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version                      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT phone_number_unique_per_tenant UNIQUE (tenant_id, e164)
);

CREATE INDEX phone_number_state_idx ON phone_number (tenant_id, state, e164);
CREATE INDEX phone_number_country_idx ON phone_number (tenant_id, country, e164);
CREATE INDEX phone_number_tags_idx ON phone_number USING gin (tags);

-- How each number got to its current state: one row per change, never updated.
CREATE TABLE phone_number_state_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    number_id    BIGINT       NOT NULL REFERENCES phone_number (id) ON DELETE CASCADE,
    from_state   VARCHAR(32),
    to_state     VARCHAR(32)  NOT NULL,
    plan         VARCHAR(16),
    actor        VARCHAR(255) NOT NULL,
    reason       VARCHAR(1000),
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX phone_number_state_change_number_idx ON phone_number_state_change (number_id, id);
