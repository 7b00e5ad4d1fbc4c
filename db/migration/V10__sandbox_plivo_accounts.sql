-- Plivo sandbox: main accounts and subaccounts. This is the fake Plivo's own state, not Ferry's: no tenant column.
CREATE TABLE sandbox_plivo_account (
    auth_id     VARCHAR(20)  PRIMARY KEY CHECK (auth_id ~ '^(MA|SA)[A-Z0-9]{18}$'),
    auth_token  VARCHAR(64)  NOT NULL,
    parent_id   VARCHAR(20)  REFERENCES sandbox_plivo_account (auth_id) ON DELETE CASCADE,
    name        VARCHAR(255) NOT NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT true,
    created_on  DATE         NOT NULL DEFAULT current_date,
    modified_on DATE,
    CHECK ((auth_id LIKE 'MA%') = (parent_id IS NULL))
);
CREATE INDEX sandbox_plivo_account_parent ON sandbox_plivo_account (parent_id);
