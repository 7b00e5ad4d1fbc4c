-- The tag filter of the inventory list walks this table in E.164 order: one row per (number, tag), kept in step with
-- phone_number.tags by the triggers below, so a page of a tag costs one index range scan however the tagged numbers
-- are spread over the inventory. (The GIN index on tags finds every tagged number but in no order: a page after a
-- cursor had to fetch and sort all of them.)
CREATE TABLE phone_number_tag (
    tenant_id VARCHAR(63) NOT NULL,
    tag       TEXT        NOT NULL,
    e164      VARCHAR(16) NOT NULL,
    PRIMARY KEY (tenant_id, tag, e164)
);

-- Statement triggers with transition tables: a bulk import of many numbers writes the tags in one statement.
CREATE FUNCTION phone_number_tag_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO phone_number_tag (tenant_id, tag, e164)
    SELECT n.tenant_id, t.tag, n.e164 FROM new_numbers n, LATERAL (SELECT DISTINCT u FROM unnest(n.tags) AS u) AS t (tag);
    RETURN NULL;
END
$$;

CREATE FUNCTION phone_number_tag_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM phone_number_tag pt
     USING old_numbers o JOIN new_numbers n ON n.id = o.id
     WHERE (o.tags IS DISTINCT FROM n.tags OR o.e164 <> n.e164 OR o.tenant_id <> n.tenant_id)
       AND pt.tenant_id = o.tenant_id AND pt.e164 = o.e164 AND pt.tag = ANY (o.tags);
    INSERT INTO phone_number_tag (tenant_id, tag, e164)
    SELECT n.tenant_id, t, n.e164
      FROM old_numbers o JOIN new_numbers n ON n.id = o.id, unnest(n.tags) AS t
     WHERE o.tags IS DISTINCT FROM n.tags OR o.e164 <> n.e164 OR o.tenant_id <> n.tenant_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION phone_number_tag_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM phone_number_tag pt
     USING old_numbers o
     WHERE pt.tenant_id = o.tenant_id AND pt.e164 = o.e164 AND pt.tag = ANY (o.tags);
    RETURN NULL;
END
$$;

-- Tag filters (the list's and the counts') go through phone_number_tag now; the GIN index only cost every write.
DROP INDEX phone_number_tags_idx;

CREATE TRIGGER phone_number_tag_inserted AFTER INSERT ON phone_number
    REFERENCING NEW TABLE AS new_numbers FOR EACH STATEMENT EXECUTE FUNCTION phone_number_tag_inserted();
CREATE TRIGGER phone_number_tag_updated AFTER UPDATE ON phone_number
    REFERENCING OLD TABLE AS old_numbers NEW TABLE AS new_numbers
    FOR EACH STATEMENT EXECUTE FUNCTION phone_number_tag_updated();
CREATE TRIGGER phone_number_tag_deleted AFTER DELETE ON phone_number
    REFERENCING OLD TABLE AS old_numbers FOR EACH STATEMENT EXECUTE FUNCTION phone_number_tag_deleted();

-- Filled after the triggers exist: creating them locks out writers until this migration commits, so no number
-- written by a running replica meanwhile is missed.
INSERT INTO phone_number_tag (tenant_id, tag, e164)
SELECT tenant_id, t, e164 FROM phone_number, unnest(tags) AS t
ON CONFLICT DO NOTHING;
