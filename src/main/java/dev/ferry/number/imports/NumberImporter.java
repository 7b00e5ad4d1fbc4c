package dev.ferry.number.imports;

import dev.ferry.number.domain.NumberState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Writes imported numbers into the inventory in bulk: the rows are streamed with COPY into a temporary table, then
 * merged with one {@code INSERT ... ON CONFLICT (tenant_id, e164) DO UPDATE}. A number already in the inventory is
 * updated only when the import says something new about it, so importing the same file twice changes nothing the
 * second time. New numbers enter as DISCOVERED with who imported them and why on their own row, which their history
 * shows as its first entry ({@link dev.ferry.number.NumberLedger#history}): the bulk form of
 * {@link dev.ferry.number.NumberLedger#created} without a history row per number, which cost an insert and two
 * foreign-key checks each.
 *
 * <p>Everything happens in the caller's transaction: an import is applied as a whole or not at all.
 */
@ApplicationScoped
public class NumberImporter {

    /** What an import did. */
    public record Outcome(int created, int updated, int unchanged) {}

    static final CSVFormat STAGED = CSVFormat.POSTGRESQL_CSV;

    @Inject
    EntityManager em;

    /** The rows in the staging layout the merge reads, ready for COPY. */
    public static byte[] stage(List<NumberRow> rows) {
        // Printed into memory and encoded once: through an unbuffered writer every field paid a charset encoder call.
        StringBuilder out = new StringBuilder(rows.size() * 64);
        try (CSVPrinter printer = new CSVPrinter(out, STAGED)) {
            for (NumberRow r : rows) {
                printer.printRecord(
                        r.e164(),
                        r.country(),
                        r.type().name(),
                        r.voice() ? "t" : "f",
                        r.sms() ? "t" : "f",
                        r.mms() ? "t" : "f",
                        r.provider().name(),
                        "{" + String.join(",", r.tags()) + "}",
                        r.twilioSid(),
                        r.twilioAccountSid(),
                        r.twilioFriendlyName(),
                        r.twilioVoiceUrl(),
                        r.twilioSmsUrl(),
                        r.twilioStatusCallback(),
                        r.twilioMessagingServiceSid());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Merges staged rows (from {@link #stage}) into a tenant's inventory.
     *
     * @param actor who imported, for the history of new numbers
     * @param reason why, for the history of new numbers ("imported from CSV, job 12")
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome merge(String tenantId, byte[] staged, String actor, String reason) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            createStaging(c, "number_import");
            copy(c, "number_import", staged);
            // Autovacuum never analyses temporary tables: without statistics the planner guesses the staged row count
            // and may pick nested loops for the merge and for the reconciliation's anti-join. The row count and the
            // numbers' statistics are all those need; every column of a Twilio import took three times as long.
            execute(c, "ANALYZE number_import (e164)");
            Outcome outcome = mergeFrom(c, "number_import", tenantId, actor, reason);
            analyseAfterBulk(c, outcome);
            return outcome;
        });
    }

    /**
     * Starts an import merged page by page as its rows arrive, in the caller's transaction, so that writing one page
     * overlaps with reading the next from the provider. The numbers of every page are also kept in
     * {@code number_import}, as after {@link #merge}, for {@link #reconcileTwilio}. A page must not repeat a number of
     * an earlier page: the caller checks, and {@link Paged#discard}s the pages to merge the whole import at once
     * instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Paged paged(String tenantId, String actor, String reason) {
        em.unwrap(Session.class).doWork(c -> {
            execute(c, "SAVEPOINT number_import_pages");
            // Only the numbers are kept of the pages merged: all that the reconciliation reads.
            execute(c, "CREATE TEMP TABLE number_import (e164 text) ON COMMIT DROP");
            createStaging(c, "number_import_page");
        });
        return new Paged(tenantId, actor, reason);
    }

    /** An import being merged page by page; see {@link #paged}. */
    public final class Paged {

        private final String tenantId;
        private final String actor;
        private final String reason;
        private int created;
        private int updated;
        private int unchanged;

        private Paged(String tenantId, String actor, String reason) {
            this.tenantId = tenantId;
            this.actor = actor;
            this.reason = reason;
        }

        /** Merges one page of rows (none of them merged before in this import). */
        public void add(List<NumberRow> rows) {
            if (rows.isEmpty()) {
                return;
            }
            byte[] staged = stage(rows);
            em.unwrap(Session.class).doWork(c -> {
                copy(c, "number_import_page", staged);
                Outcome page = mergeFrom(c, "number_import_page", tenantId, actor, reason);
                created += page.created();
                updated += page.updated();
                unchanged += page.unchanged();
                execute(c, "INSERT INTO number_import SELECT e164 FROM number_import_page");
                execute(c, "TRUNCATE number_import_page");
            });
        }

        /** Ends the import: what the pages did together. */
        public Outcome finish() {
            Outcome outcome = new Outcome(created, updated, unchanged);
            em.unwrap(Session.class).doWork(c -> {
                execute(c, "ANALYZE number_import (e164)");
                analyseAfterBulk(c, outcome);
            });
            return outcome;
        }

        /** Undoes every page merged so far and the staging tables, as if {@link #paged} had not been called. */
        public void discard() {
            em.unwrap(Session.class).doWork(c -> execute(c, "ROLLBACK TO SAVEPOINT number_import_pages"));
        }
    }

    private static void createStaging(Connection c, String table) throws SQLException {
        execute(c, "CREATE TEMP TABLE " + table + " (" + STAGING_COLUMNS + ") ON COMMIT DROP");
    }

    private static void copy(Connection c, String table, byte[] staged) throws SQLException {
        try {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new ByteArrayInputStream(staged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome mergeFrom(Connection c, String table, String tenantId, String actor, String reason)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MERGE.replace("FROM number_import", "FROM " + table))) {
            ps.setString(1, tenantId);
            ps.setString(2, NumberState.DISCOVERED.name());
            ps.setString(3, actor);
            ps.setString(4, reason);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int total = rs.getInt(1);
                int created = rs.getInt(2);
                int updated = rs.getInt(3);
                return new Outcome(created, updated, total - created - updated);
            }
        }
    }

    private static void analyseAfterBulk(Connection c, Outcome outcome) throws SQLException {
        if (outcome.created() + outcome.updated() >= ANALYZE_AFTER) {
            // A bulk import changes the inventory's shape (and its tags') faster than autovacuum notices; until it
            // analyses, filtered lists of the tenant are planned on the old statistics (sorting the whole tenant
            // instead of walking an index).
            // Only the columns the list filters and orders on (NumberService.where): the URLs and sids of a Twilio
            // import made the whole-row ANALYZE cost two and a half times as much, and autovacuum analyses them later.
            execute(c, "ANALYZE phone_number (" + FILTERED_COLUMNS + "), phone_number_tag");
            // GIN indexes (the text search's trigrams) queue new entries in a pending list that every search reads
            // through until it is merged; after a bulk import it is up to 4 MB, which made each search cost
            // milliseconds until autovacuum came by. Merge it now, once.
            execute(c, """
                    SELECT gin_clean_pending_list(i.indexrelid)
                      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
                     WHERE i.indrelid = 'phone_number'::regclass AND a.amname = 'gin'
                    """);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static final String STAGING_COLUMNS = """
            e164 text, country text, number_type text, voice boolean, sms boolean, mms boolean,
            provider text, tags text[], twilio_sid text, twilio_account_sid text,
            twilio_friendly_name text, twilio_voice_url text, twilio_sms_url text,
            twilio_status_callback text, twilio_messaging_service_sid text""";

    private static final String FILTERED_COLUMNS = "tenant_id, e164, state, provider, country, number_type, voice, sms,"
            + " mms, plivo_subaccount, twilio_account_sid, tags, twilio_friendly_name, plivo_alias";

    /** Rows created or updated by one merge above which the inventory's statistics are refreshed at once. */
    static final int ANALYZE_AFTER = 10_000;

    /** What a full Twilio import found about numbers it did not bring. */
    public record Reconciled(List<String> disappeared, int disappearedCount, int reappeared) {}

    /**
     * After a merge of a complete Twilio inventory (in the same transaction): marks the tenant's Twilio numbers that
     * the import did not bring as missing from Twilio since now, and clears the mark of those that came back.
     * Numbers already marked stay marked since they first went missing, so a repeated import changes nothing.
     *
     * @return the numbers that disappeared in this import (the first {@value #MAX_LISTED}) and how many came back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reconciled reconcileTwilio(String tenantId) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<String> gone = new java.util.ArrayList<>();
            int goneCount = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE phone_number p SET missing_from_twilio_at = now(), updated_at = now(), version = version + 1
                     WHERE p.tenant_id = ? AND p.provider = 'TWILIO' AND p.missing_from_twilio_at IS NULL
                       AND NOT EXISTS (SELECT 1 FROM number_import i WHERE i.e164 = p.e164)
                    RETURNING p.e164
                    """)) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        goneCount++;
                        if (gone.size() < MAX_LISTED) {
                            gone.add(rs.getString(1));
                        }
                    }
                }
            }
            int back;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE phone_number p SET missing_from_twilio_at = NULL, updated_at = now(), version = version + 1
                     WHERE p.tenant_id = ? AND p.missing_from_twilio_at IS NOT NULL
                       AND EXISTS (SELECT 1 FROM number_import i WHERE i.e164 = p.e164)
                    """)) {
                ps.setString(1, tenantId);
                back = ps.executeUpdate();
            }
            java.util.Collections.sort(gone);
            return new Reconciled(gone, goneCount, back);
        });
    }

    /** The most numbers a job result lists by name; counts are always complete. */
    public static final int MAX_LISTED = 1000;

    // The update only fires when the import brings something new: a column that differs, a tag not yet there, a
    // Twilio field the import knows and the inventory does not hold. Fields the import leaves empty keep their value;
    // the provider is only set for numbers not yet known at any provider.
    private static final String MERGE = """
            WITH up AS (
                INSERT INTO phone_number AS p (tenant_id, e164, country, number_type, voice, sms, mms, provider, state,
                       tags, twilio_sid, twilio_account_sid, twilio_friendly_name, twilio_voice_url, twilio_sms_url,
                       twilio_status_callback, twilio_messaging_service_sid, imported_by, import_reason, created_at,
                       updated_at)
                SELECT ?, e164, country, number_type, voice, sms, mms, provider, ?, tags, twilio_sid,
                       twilio_account_sid, twilio_friendly_name, twilio_voice_url, twilio_sms_url,
                       twilio_status_callback, twilio_messaging_service_sid, ?, ?, now(), now()
                  FROM number_import
                ON CONFLICT (tenant_id, e164) DO UPDATE SET
                       country = EXCLUDED.country,
                       number_type = EXCLUDED.number_type,
                       voice = EXCLUDED.voice,
                       sms = EXCLUDED.sms,
                       mms = EXCLUDED.mms,
                       provider = CASE WHEN p.provider = 'NONE' THEN EXCLUDED.provider ELSE p.provider END,
                       tags = ARRAY(SELECT DISTINCT t FROM unnest(p.tags || EXCLUDED.tags) AS t ORDER BY 1),
                       twilio_sid = coalesce(EXCLUDED.twilio_sid, p.twilio_sid),
                       twilio_account_sid = coalesce(EXCLUDED.twilio_account_sid, p.twilio_account_sid),
                       twilio_friendly_name = coalesce(EXCLUDED.twilio_friendly_name, p.twilio_friendly_name),
                       twilio_voice_url = coalesce(EXCLUDED.twilio_voice_url, p.twilio_voice_url),
                       twilio_sms_url = coalesce(EXCLUDED.twilio_sms_url, p.twilio_sms_url),
                       twilio_status_callback = coalesce(EXCLUDED.twilio_status_callback, p.twilio_status_callback),
                       twilio_messaging_service_sid =
                           coalesce(EXCLUDED.twilio_messaging_service_sid, p.twilio_messaging_service_sid),
                       updated_at = now(),
                       version = p.version + 1
                 WHERE (p.country, p.number_type, p.voice, p.sms, p.mms)
                           IS DISTINCT FROM (EXCLUDED.country, EXCLUDED.number_type, EXCLUDED.voice, EXCLUDED.sms,
                                             EXCLUDED.mms)
                    OR (p.provider = 'NONE' AND EXCLUDED.provider <> 'NONE')
                    OR NOT (p.tags @> EXCLUDED.tags)
                    OR (EXCLUDED.twilio_sid IS NOT NULL AND p.twilio_sid IS DISTINCT FROM EXCLUDED.twilio_sid)
                    OR (EXCLUDED.twilio_account_sid IS NOT NULL
                        AND p.twilio_account_sid IS DISTINCT FROM EXCLUDED.twilio_account_sid)
                    OR (EXCLUDED.twilio_friendly_name IS NOT NULL
                        AND p.twilio_friendly_name IS DISTINCT FROM EXCLUDED.twilio_friendly_name)
                    OR (EXCLUDED.twilio_voice_url IS NOT NULL
                        AND p.twilio_voice_url IS DISTINCT FROM EXCLUDED.twilio_voice_url)
                    OR (EXCLUDED.twilio_sms_url IS NOT NULL AND p.twilio_sms_url IS DISTINCT FROM EXCLUDED.twilio_sms_url)
                    OR (EXCLUDED.twilio_status_callback IS NOT NULL
                        AND p.twilio_status_callback IS DISTINCT FROM EXCLUDED.twilio_status_callback)
                    OR (EXCLUDED.twilio_messaging_service_sid IS NOT NULL
                        AND p.twilio_messaging_service_sid IS DISTINCT FROM EXCLUDED.twilio_messaging_service_sid)
                RETURNING (xmax = 0) AS inserted
            )
            SELECT (SELECT count(*) FROM number_import),
                   count(*) FILTER (WHERE inserted),
                   count(*) FILTER (WHERE NOT inserted)
              FROM up
            """;
}
