-- The Twilio sandbox's IncomingPhoneNumbers. iso_country and number_type are what libphonenumber says about the
-- number (so tests can tell exactly what an import must find); seed_region and seed_type name the example
-- (region, type) it was built from.
CREATE TABLE sandbox_twilio_incoming_number (
    sid                VARCHAR(34)   PRIMARY KEY CHECK (sid ~ '^PN[0-9a-f]{32}$'),
    account_sid        VARCHAR(34)   NOT NULL REFERENCES sandbox_twilio_account (sid),
    phone_number       VARCHAR(16)   NOT NULL UNIQUE,
    friendly_name      VARCHAR(255)  NOT NULL,
    iso_country        VARCHAR(3)    NOT NULL,
    number_type        VARCHAR(32)   NOT NULL,
    seed_region        VARCHAR(3),
    seed_type          VARCHAR(32),
    voice              BOOLEAN       NOT NULL,
    sms                BOOLEAN       NOT NULL,
    mms                BOOLEAN       NOT NULL,
    fax                BOOLEAN       NOT NULL,
    voice_url          VARCHAR(2048),
    voice_method       VARCHAR(8)    NOT NULL DEFAULT 'POST',
    sms_url            VARCHAR(2048),
    sms_method         VARCHAR(8)    NOT NULL DEFAULT 'POST',
    status_callback    VARCHAR(2048),
    origin             VARCHAR(16)   NOT NULL DEFAULT 'twilio',
    date_created       TIMESTAMPTZ   NOT NULL,
    date_updated       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX sandbox_twilio_incoming_number_account_idx ON sandbox_twilio_incoming_number (account_sid, sid);
