-- Plivo sandbox: numbers rented by an account. A number absent from this table is available for purchase.
CREATE TABLE sandbox_plivo_number (
    number      VARCHAR(15)  PRIMARY KEY CHECK (number ~ '^[1-9][0-9]{6,14}$'),
    main_id     VARCHAR(20)  NOT NULL REFERENCES sandbox_plivo_account (auth_id) ON DELETE CASCADE,
    sub_account VARCHAR(20)  REFERENCES sandbox_plivo_account (auth_id) ON DELETE SET NULL,
    app_id      VARCHAR(20)  REFERENCES sandbox_plivo_application (app_id) ON DELETE SET NULL,
    alias       VARCHAR(255),
    number_type VARCHAR(16)  NOT NULL,
    country_iso CHAR(2)      NOT NULL,
    cnam_lookup VARCHAR(16),
    added_on    DATE         NOT NULL DEFAULT current_date
);
CREATE INDEX sandbox_plivo_number_owner ON sandbox_plivo_number (main_id, sub_account);
