-- Geo permissions: per tenant, and per Plivo subaccount as an override, which countries Ferry may send SMS to and
-- call. A country without a row is denied: nothing leaves for a country nobody allowed. The rules (high-risk
-- countries only by a platform admin, the subaccount override winning) live in dev.ferry.compliance.geo.
CREATE TABLE geo_permission (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    -- the Plivo subaccount auth id for an override; NULL for the tenant-wide row
    subaccount     VARCHAR(32),
    country        CHAR(2)       NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    sms_allowed    BOOLEAN       NOT NULL DEFAULT false,
    voice_allowed  BOOLEAN       NOT NULL DEFAULT false,
    high_risk      BOOLEAN       NOT NULL DEFAULT false,
    updated_by     VARCHAR(255)  NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT geo_permission_once UNIQUE NULLS NOT DISTINCT (tenant_id, subaccount, country)
);

CREATE INDEX geo_permission_scope_idx ON geo_permission (tenant_id, subaccount, country);
