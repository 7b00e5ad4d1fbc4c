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
 * The database side of a delivery report, in plain SQL with the tenant named in every statement. Delivery reports are
 * Ferry's busiest path (every message gets two or three); through Hibernate they cost four queries each, with the HQL
 * translated again on every call under the tenant discriminator. Now one statement ({@link #apply}) finds the message
 * and stores the report, and a report whose signature needs the owning subaccount's token reads the message first
 * ({@link #find}) to learn the owner.
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
        /**
         * No message of the tenant has the uuid, or it is older than reports are believed, or it belongs to another
         * (sub)account than the one asked for. Nothing was written.
         */
        NO_MESSAGE,
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
     * Finds and locks the tenant's message (when it is recent enough, and owned by the given (sub)account when one is
     * given), records the nonce only when there is such a message, and only when the nonce is new applies the report
     * if it is newer (Sequence) than the last one applied, writing the status change when the status moved. Locking the
     * row ({@code FOR UPDATE}) first makes two reports of one message arriving together apply one after the other, and
     * the status change name the status the message really left. The tenant is part of the one lookup that every
     * later step joins, so a report never reaches another tenant's row.
     */
    private static final String APPLY = """
            WITH target AS (
                SELECT id, status, last_sequence FROM message
                WHERE tenant_id = ? AND plivo_uuid = ? AND (plivo_account = ? OR ?::varchar IS NULL)
                    AND created_at >= ?
                FOR UPDATE
            ), fresh AS (
                INSERT INTO plivo_callback_nonce (tenant_id, nonce)
                SELECT ?, ? WHERE EXISTS (SELECT 1 FROM target)
                ON CONFLICT DO NOTHING
                RETURNING nonce
            ), moved AS (
                UPDATE message m
                SET status = ?, error_code = coalesce(?, m.error_code), last_sequence = ?, updated_at = now(),
                    version = m.version + 1
                FROM target
                WHERE m.id = target.id AND target.last_sequence < ? AND EXISTS (SELECT 1 FROM fresh)
                RETURNING m.id, target.status AS from_status, m.status AS to_status, m.error_code
            ), recorded AS (
                INSERT INTO message_status_change (tenant_id, message_id, from_status, to_status, sequence, error_code,
                    source)
                SELECT ?, id, from_status, to_status, ?, error_code, 'CALLBACK' FROM moved
                WHERE from_status <> to_status
                RETURNING id
            )
            SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM fresh), (SELECT count(*) FROM moved),
                (SELECT count(*) FROM recorded)
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
     * Stores a report whose signature was checked, committed when this returns.
     *
     * @param owner the (sub)account the message must belong to, or null for any
     * @param oldestBelieved messages created before this are left alone (their nonces may be forgotten)
     * @param errorCode Plivo's error code, or null to keep the message's
     */
    Stored apply(
            String tenantId,
            UUID plivoUuid,
            String owner,
            OffsetDateTime oldestBelieved,
            String nonce,
            String status,
            String errorCode,
            int sequence) {
        try (Connection c = autoCommit();
                PreparedStatement s = c.prepareStatement(APPLY)) {
            s.setString(1, tenantId);
            s.setObject(2, plivoUuid);
            s.setString(3, owner);
            s.setString(4, owner);
            s.setObject(5, oldestBelieved);
            s.setString(6, tenantId);
            s.setString(7, nonce);
            s.setString(8, status);
            s.setString(9, errorCode);
            s.setInt(10, sequence);
            s.setInt(11, sequence);
            s.setString(12, tenantId);
            s.setInt(13, sequence);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) == 0) {
                    return Stored.NO_MESSAGE;
                }
                if (r.getLong(2) == 0) {
                    return Stored.REPLAYED;
                }
                if (r.getLong(3) == 0) {
                    return Stored.NOT_NEWER;
                }
                return r.getLong(4) == 0 ? Stored.SAME_STATUS : Stored.STATUS_CHANGED;
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
