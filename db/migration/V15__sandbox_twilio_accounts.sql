-- The Twilio sandbox's accounts: main accounts and their subaccounts, as Twilio's 2010 Accounts resource knows
-- them. This is the fake provider's own state, not Ferry's: not tenant-owned, never read by Ferry's domain code.
-- The auth tokens are the sandbox's own demo credentials (Twilio hands a subaccount's token to its parent).
CREATE TABLE sandbox_twilio_account (
    sid                VARCHAR(34)  PRIMARY KEY CHECK (sid ~ '^AC[0-9a-f]{32}$'),
    owner_account_sid  VARCHAR(34)  NOT NULL,
    friendly_name      VARCHAR(255) NOT NULL,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
    type               VARCHAR(16)  NOT NULL CHECK (type IN ('Trial', 'Full')),
    auth_token         VARCHAR(64)  NOT NULL,
    date_created       TIMESTAMPTZ  NOT NULL,
    date_updated       TIMESTAMPTZ  NOT NULL
);

CREATE INDEX sandbox_twilio_account_owner_idx ON sandbox_twilio_account (owner_account_sid, sid);
