-- The Twilio sandbox's messaging geo permissions (accounts.twilio.com v1 Messaging/GeoPermissions), per account.
-- A subaccount without rows of its own answers with its parent's list.
CREATE TABLE sandbox_twilio_geo_permission (
    account_sid   VARCHAR(34)  NOT NULL REFERENCES sandbox_twilio_account (sid),
    country_code  CHAR(2)      NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    PRIMARY KEY (account_sid, country_code)
);
