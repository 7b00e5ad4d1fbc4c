-- Porting requests: a tenant's order to move numbers from their losing carrier to Plivo, with its numbers,
-- rejections, revisions and the history of every state change. The state machine lives in
-- dev.ferry.porting.domain.PortingStateMachine; the CHECKs below only keep the values inside its vocabulary.
CREATE TABLE porting_request (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id                VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    state                    VARCHAR(40)   NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'IN_VERIFICATION',
                                 'ACTION_REQUIRED', 'SUBMITTED_TO_GAINING_CARRIER', 'SUBMITTED_TO_LOSING_CARRIER',
                                 'FOC_CONFIRMED', 'COMPLETED', 'PARTIALLY_COMPLETED', 'CANCELLED')),
    losing_carrier           VARCHAR(255),
    account_number           VARCHAR(100),
    -- sealed by the vault (SecretBox), context <tenant>/porting/<id>/pin; never stored or shown in clear
    pin_sealed               VARCHAR(1000),
    authorised_person        VARCHAR(255),
    billing_telephone_number VARCHAR(16),
    service_street           VARCHAR(255),
    service_locality         VARCHAR(255),
    service_region           VARCHAR(100),
    service_postal_code      VARCHAR(32),
    service_country          CHAR(2),
    requested_port_date      DATE,
    foc_at                   TIMESTAMPTZ,
    provider_reference       VARCHAR(255),
    plivo_subaccount         VARCHAR(32),
    plivo_app_id             VARCHAR(64),
    revision                 INT           NOT NULL DEFAULT 0,
    cancel_reason            VARCHAR(1000),
    -- what the porting desk should look at first: the FOC date when set, else the requested date, else age
    due_at                   TIMESTAMPTZ   NOT NULL,
    created_by               VARCHAR(255)  NOT NULL,
    created_at               TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version                  BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX porting_request_tenant_idx ON porting_request (tenant_id, id);
CREATE INDEX porting_request_queue_idx ON porting_request (state, due_at, id);

-- The numbers of a request and how each fared. prior_state is the inventory state to return to when the
-- number leaves the request without being ported.
CREATE TABLE porting_request_number (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL REFERENCES tenant (id),
    request_id   BIGINT       NOT NULL REFERENCES porting_request (id) ON DELETE CASCADE,
    number_id    BIGINT       NOT NULL REFERENCES phone_number (id),
    e164         VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('INCLUDED', 'EXCLUDED', 'PORTED', 'FAILED')),
    reason       VARCHAR(1000),
    prior_state  VARCHAR(32),
    CONSTRAINT porting_request_number_once UNIQUE (request_id, number_id)
);

CREATE INDEX porting_request_number_number_idx ON porting_request_number (tenant_id, number_id);

-- Why the desk or the losing carrier sent a request back, normalised, and how the tenant answered.
CREATE TABLE porting_rejection (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    request_id        BIGINT        NOT NULL REFERENCES porting_request (id) ON DELETE CASCADE,
    revision          INT           NOT NULL,
    code              VARCHAR(40)   NOT NULL CHECK (code IN ('ACCOUNT_NUMBER_MISMATCH', 'PIN_INVALID', 'NAME_MISMATCH',
                          'ADDRESS_MISMATCH', 'BTN_MISMATCH', 'NUMBER_NOT_PORTABLE', 'PENDING_ORDER_CONFLICT',
                          'DOCUMENT_REJECTED', 'FOC_REJECTED', 'OTHER')),
    fields            TEXT[]        NOT NULL DEFAULT '{}',
    message           VARCHAR(2000),
    raised_by         VARCHAR(255)  NOT NULL,
    raised_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    answered_revision INT,
    answer_note       VARCHAR(2000)
);

CREATE INDEX porting_rejection_request_idx ON porting_rejection (request_id, id);

-- Each submission is a revision: what was sent, and what changed since the previous one.
CREATE TABLE porting_revision (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    request_id  BIGINT        NOT NULL REFERENCES porting_request (id) ON DELETE CASCADE,
    revision    INT           NOT NULL,
    snapshot    JSONB         NOT NULL,
    changes     JSONB         NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT porting_revision_once UNIQUE (request_id, revision)
);

-- One row per state change, never updated.
CREATE TABLE porting_history (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    request_id         BIGINT        NOT NULL REFERENCES porting_request (id) ON DELETE CASCADE,
    from_state         VARCHAR(40),
    to_state           VARCHAR(40)   NOT NULL,
    actor              VARCHAR(255)  NOT NULL,
    actor_role         VARCHAR(40)   NOT NULL,
    reason             VARCHAR(2000),
    revision           INT           NOT NULL,
    foc_at             TIMESTAMPTZ,
    previous_foc_at    TIMESTAMPTZ,
    occurred_at        TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX porting_history_request_idx ON porting_history (request_id, id);
