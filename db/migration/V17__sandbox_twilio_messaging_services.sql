-- The Twilio sandbox's Messaging Services (messaging.twilio.com v1) with their sender pools: phone numbers
-- (the number's own PN sid, as Twilio does) and alphanumeric sender ids.
CREATE TABLE sandbox_twilio_messaging_service (
    sid                            VARCHAR(34)   PRIMARY KEY CHECK (sid ~ '^MG[0-9a-f]{32}$'),
    account_sid                    VARCHAR(34)   NOT NULL REFERENCES sandbox_twilio_account (sid),
    friendly_name                  VARCHAR(255)  NOT NULL,
    inbound_request_url            VARCHAR(2048),
    inbound_method                 VARCHAR(8)    NOT NULL DEFAULT 'POST',
    fallback_url                   VARCHAR(2048),
    status_callback                VARCHAR(2048),
    sticky_sender                  BOOLEAN       NOT NULL DEFAULT true,
    smart_encoding                 BOOLEAN       NOT NULL DEFAULT true,
    mms_converter                  BOOLEAN       NOT NULL DEFAULT true,
    area_code_geomatch             BOOLEAN       NOT NULL DEFAULT true,
    use_inbound_webhook_on_number  BOOLEAN       NOT NULL DEFAULT false,
    validity_period                INTEGER       NOT NULL DEFAULT 36000,
    usecase                        VARCHAR(32)   NOT NULL DEFAULT 'undeclared',
    date_created                   TIMESTAMPTZ   NOT NULL,
    date_updated                   TIMESTAMPTZ   NOT NULL
);

CREATE INDEX sandbox_twilio_messaging_service_account_idx ON sandbox_twilio_messaging_service (account_sid, sid);

CREATE TABLE sandbox_twilio_service_number (
    service_sid   VARCHAR(34)  NOT NULL REFERENCES sandbox_twilio_messaging_service (sid),
    number_sid    VARCHAR(34)  NOT NULL REFERENCES sandbox_twilio_incoming_number (sid),
    date_created  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (service_sid, number_sid),
    -- Twilio keeps a number in at most one service.
    CONSTRAINT sandbox_twilio_service_number_once UNIQUE (number_sid)
);

CREATE TABLE sandbox_twilio_alpha_sender (
    sid           VARCHAR(34)  PRIMARY KEY CHECK (sid ~ '^AI[0-9a-f]{32}$'),
    service_sid   VARCHAR(34)  NOT NULL REFERENCES sandbox_twilio_messaging_service (sid),
    alpha_sender  VARCHAR(11)  NOT NULL,
    date_created  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT sandbox_twilio_alpha_sender_once UNIQUE (service_sid, alpha_sender)
);
