-- Long-running work (imports, syncs, bulk purchases) as persisted jobs. A replica claims a job by taking a lease
-- (lease_owner, lease_expires_at) with SELECT ... FOR UPDATE SKIP LOCKED; a lease that expires (a crashed replica)
-- lets another replica claim the job again. `attempt` is the fencing token: a runner may only finish the job while
-- the attempt it claimed is still the current one.
CREATE TABLE job (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    kind              VARCHAR(64)  NOT NULL,
    state             VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    input             JSONB        NOT NULL DEFAULT '{}',
    -- An uploaded file or other bulk input the job reads; dropped once the job has finished.
    attachment        BYTEA,
    progress_done     INTEGER      NOT NULL DEFAULT 0,
    progress_total    INTEGER,
    errors            JSONB        NOT NULL DEFAULT '[]',
    error_count       INTEGER      NOT NULL DEFAULT 0,
    result            JSONB,
    created_by        VARCHAR(255) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    attempt           INTEGER      NOT NULL DEFAULT 0,
    max_attempts      INTEGER      NOT NULL DEFAULT 3,
    lease_owner       VARCHAR(128),
    lease_expires_at  TIMESTAMPTZ,
    CONSTRAINT job_lease_held_while_running CHECK (state <> 'RUNNING' OR lease_expires_at IS NOT NULL)
);

CREATE INDEX job_tenant_idx ON job (tenant_id, id DESC);
-- Only unfinished jobs are ever polled; the partial index keeps the poll cheap however many jobs are done.
CREATE INDEX job_claimable_idx ON job (id) WHERE state IN ('QUEUED', 'RUNNING');
