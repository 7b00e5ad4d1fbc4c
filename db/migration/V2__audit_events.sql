-- The append-only audit log. Rows are written in the same transaction as the change they describe.
CREATE TABLE audit_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    tenant_id    VARCHAR(63)  REFERENCES tenant (id),
    actor        VARCHAR(255) NOT NULL,
    actor_roles  TEXT[]       NOT NULL DEFAULT '{}',
    action       VARCHAR(100) NOT NULL,
    object_type  VARCHAR(100) NOT NULL,
    object_id    VARCHAR(255) NOT NULL,
    before_state JSONB,
    after_state  JSONB,
    request_id   VARCHAR(64)
);

CREATE INDEX audit_event_tenant_idx ON audit_event (tenant_id, id DESC);
CREATE INDEX audit_event_object_idx ON audit_event (tenant_id, object_type, object_id);

-- Append-only by construction: the application's role may insert and read, never change history.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
