-- A tenant's connection to a provider account: the account id, the auth token sealed by the vault (AES-256-GCM,
-- associated data "<tenant>/<provider>"), an optional base URL, and what the last verification found.
CREATE TABLE provider_connection (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id               VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    provider                VARCHAR(16)   NOT NULL CHECK (provider IN ('PLIVO', 'TWILIO')),
    account_id              VARCHAR(64)   NOT NULL,
    sealed_token            VARCHAR(1024) NOT NULL CHECK (sealed_token LIKE 'v1:%'),
    base_url                VARCHAR(2048),
    verified_at             TIMESTAMPTZ,
    verified_account_name   VARCHAR(255),
    created_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version                 BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT provider_connection_one_per_provider UNIQUE (tenant_id, provider)
);
