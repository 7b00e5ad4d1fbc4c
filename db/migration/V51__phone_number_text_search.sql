-- The list's text filter looks for a substring anywhere in the number, its Twilio friendly name or its Plivo alias
-- (LIKE '%...%'), which no btree can answer: without trigram indexes every text search read the whole table.
-- pg_trgm is a standard contrib extension, trusted since PostgreSQL 13 (the owner of the database may create it).
-- Where it cannot be created the migration still succeeds and text searches scan, as before.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%): the inventory''s text search will scan the table', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX phone_number_e164_trgm_idx ON phone_number USING gin (e164 gin_trgm_ops);
        -- Most numbers have neither (a CSV import brings none): the partial indexes skip them, and a search can use
        -- them because ILIKE is never true of NULL.
        CREATE INDEX phone_number_friendly_name_trgm_idx ON phone_number USING gin (twilio_friendly_name gin_trgm_ops)
            WHERE twilio_friendly_name IS NOT NULL;
        CREATE INDEX phone_number_plivo_alias_trgm_idx ON phone_number USING gin (plivo_alias gin_trgm_ops)
            WHERE plivo_alias IS NOT NULL;
    END IF;
END
$$;
