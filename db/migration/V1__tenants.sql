-- Tenants: one row per customer company whose estate Ferry migrates. The slug id is what every
-- tenant-owned row references and what appears in API paths.
CREATE TABLE tenant (
    id          VARCHAR(63)  PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,62}$'),
    name        VARCHAR(200) NOT NULL,
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     BIGINT       NOT NULL DEFAULT 0
);
