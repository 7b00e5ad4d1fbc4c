-- Documents of a porting request (letter of authorisation, bill, other). The content is kept in the database
-- (bytea): one backup, one transaction, no second store to secure. That suits a few documents of at most a few
-- MB per request; at many thousands of large files the table bloats backups and every read goes through the
-- database, and an object store would be the better place.
CREATE TABLE porting_document (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    request_id    BIGINT        NOT NULL REFERENCES porting_request (id) ON DELETE CASCADE,
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('LOA', 'BILL', 'OTHER')),
    filename      VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    issued_on     DATE,
    content       BYTEA         NOT NULL,
    uploaded_by   VARCHAR(255)  NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX porting_document_request_idx ON porting_document (tenant_id, request_id, id);
