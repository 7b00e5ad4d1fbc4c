-- Plivo sandbox: applications, which link numbers to answer and message URLs.
CREATE TABLE sandbox_plivo_application (
    app_id                VARCHAR(20)   PRIMARY KEY,
    main_id               VARCHAR(20)   NOT NULL REFERENCES sandbox_plivo_account (auth_id) ON DELETE CASCADE,
    sub_account           VARCHAR(20)   REFERENCES sandbox_plivo_account (auth_id) ON DELETE SET NULL,
    app_name              VARCHAR(255)  NOT NULL,
    answer_url            VARCHAR(2048) NOT NULL DEFAULT '',
    answer_method         VARCHAR(8)    NOT NULL DEFAULT 'POST',
    hangup_url            VARCHAR(2048) NOT NULL DEFAULT '',
    hangup_method         VARCHAR(8)    NOT NULL DEFAULT 'POST',
    fallback_answer_url   VARCHAR(2048) NOT NULL DEFAULT '',
    fallback_method       VARCHAR(8)    NOT NULL DEFAULT 'POST',
    message_url           VARCHAR(2048) NOT NULL DEFAULT '',
    message_method        VARCHAR(8)    NOT NULL DEFAULT 'POST',
    default_number_app    BOOLEAN       NOT NULL DEFAULT false,
    default_endpoint_app  BOOLEAN       NOT NULL DEFAULT false,
    log_incoming_messages BOOLEAN       NOT NULL DEFAULT true,
    public_uri            BOOLEAN       NOT NULL DEFAULT false,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_plivo_application_owner ON sandbox_plivo_application (main_id, sub_account);
