package dev.ferry.messaging.callback;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of a delivery report, in plain SQL with the tenant named in every statement: one query finds the
 * message, one statement stores the report. Delivery reports are Ferry's busiest path (every message gets two or
 * three), and through Hibernate they cost four queries each, with the HQL translated again on every call under the
 * tenant discriminator.
 *
 * <p>Both run outside any JTA transaction on an auto-commit connection: the storing statement is its own transaction
 * and has committed when {@link #apply} returns, so the caller answers Plivo only after the report is stored.
 */
@ApplicationScoped
class DeliveryReportStore {

    /** The message a report is about, as far as checking the report needs it. */
    record Target(long id, String plivoAccount, OffsetDateTime createdAt) {}

    /** What storing a report did. */
    enum Stored {
        /** The nonce was seen before: a replay. Nothing was written. */
        REPLAYED,
        /** The nonce was recorded; the report was not newer than the last applied one and changed nothing else. */
        NOT_NEWER,
        /** The message took the report's sequence (and status and error code); a status change was recorded. */
        STATUS_CHANGED,
        /** The message took the report's sequence and error code; its status was already the report's. */
        SAME_STATUS
    }

    private static final String FIND =
            "SELECT id, plivo_account, created_at FROM message" + " WHERE tenant_id = ? AND plivo_uuid = ?";

    /**
     * Records the nonce and, only when it is new, applies the report to the message if it is newer (Sequence) than the
     * last one applied, and writes the status change when the status moved. The message row is locked ({@code FOR
     * UPDATE}) before it is compared, so that two reports of one message arriving together are applied one after the
     * other, and the status change names the status the message really left. The tenant is named again in the update:
     * a message id never reaches another tenant's row.
     */
    private static final String APPLY = """
            WITH fresh AS (
                INSERT INTO plivo_callback_nonce (tenant_id, nonce) VALUES (?, ?)
                ON CONFLICT DO NOTHING
                RETURNING nonce
            ), locked AS (
                SELECT m.id, m.status, m.last_sequence FROM message m
                WHERE m.id = ? AND m.tenant_id = ? AND EXISTS (SELECT 1 FROM fresh)
                FOR UPDATE
            ), moved AS (
                UPDATE message m
                SET status = ?, error_code = coalesce(?, m.error_code), last_sequence = ?, updated_at = now(),
                    version = m.version + 1
                FROM locked
                WHERE m.id = locked.id AND locked.last_sequence < ?
                RETURNING m.id, locked.status AS from_status, m.status AS to_status, m.error_code
            ), recorded AS (
                INSERT INTO message_status_change (tenant_id, message_id, from_status, to_status, sequence, error_code,
                    source)
                SELECT ?, id, from_status, to_status, ?, error_code, 'CALLBACK' FROM moved
                WHERE from_status <> to_status
                RETURNING id
            )
            SELECT (SELECT count(*) FROM fresh), (SELECT count(*) FROM moved), (SELECT count(*) FROM recorded)
            """;

    @Inject
    AgroalDataSource dataSource;

    /** The tenant's message with Plivo's uuid; another tenant's message is not found. */
    Optional<Target> find(String tenantId, UUID plivoUuid) {
        try (Connection c = autoCommit();
                PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, tenantId);
            s.setObject(2, plivoUuid);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new Target(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The message of a delivery report could not be read", e);
        }
    }

    /**
     * Stores a checked report, committed when this returns.
     *
     * @param errorCode Plivo's error code, or null to keep the message's
     */
    Stored apply(String tenantId, String nonce, Target message, String status, String errorCode, int sequence) {
        try (Connection c = autoCommit();
                PreparedStatement s = c.prepareStatement(APPLY)) {
            s.setString(1, tenantId);
            s.setString(2, nonce);
            s.setLong(3, message.id());
            s.setString(4, tenantId);
            s.setString(5, status);
            s.setString(6, errorCode);
            s.setInt(7, sequence);
            s.setInt(8, sequence);
            s.setString(9, tenantId);
            s.setInt(10, sequence);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) == 0) {
                    return Stored.REPLAYED;
                }
                if (r.getLong(2) == 0) {
                    return Stored.NOT_NEWER;
                }
                return r.getLong(3) == 0 ? Stored.SAME_STATUS : Stored.STATUS_CHANGED;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A delivery report could not be stored", e);
        }
    }

    /**
     * A pooled connection in auto-commit mode. Called inside a JTA transaction, the statement would wait for that
     * transaction's commit instead, and the caller could answer before it; {@link PlivoCallbackService} refuses to run
     * inside one.
     */
    private Connection autoCommit() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        return c;
    }
}
