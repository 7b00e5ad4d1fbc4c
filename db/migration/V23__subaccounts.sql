-- A tenant's Plivo subaccounts, mirrored from Plivo: Plivo is changed first, then this row. The subaccount's auth
-- token is sealed by the vault (associated data "<tenant>/plivo-subaccount/<auth id>"). A subaccount may stand for
-- one of the tenant's Twilio subaccounts, so that numbers imported from that Twilio account land in it.
CREATE TABLE subaccount (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    plivo_auth_id       VARCHAR(32)   NOT NULL,
    name                VARCHAR(255)  NOT NULL,
    enabled             BOOLEAN       NOT NULL,
    sealed_token        VARCHAR(1024) NOT NULL CHECK (sealed_token LIKE 'v1:%'),
    twilio_account_sid  VARCHAR(64),
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT subaccount_unique_per_tenant UNIQUE (tenant_id, plivo_auth_id),
    CONSTRAINT subaccount_one_per_twilio_account UNIQUE (tenant_id, twilio_account_sid)
);
