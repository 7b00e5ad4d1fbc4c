package dev.ferry.common.replica;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Serialises start-up seeding across replicas. The seeders (demo tenants, sandbox accounts, sandbox connections)
 * check whether their rows exist and insert them when missing; two replicas starting together on one database would
 * both find nothing and one would fail to start on a duplicate key. Each seeding transaction takes this
 * transaction-scoped advisory lock first, so the second replica waits for the first one's commit and then finds the
 * rows.
 */
@ApplicationScoped
public class SeedLock {

    /** The advisory lock's key: any constant no other part of Ferry uses. */
    static final long KEY = 0x46455252595345L; // "FERRYSE"

    @Inject
    AgroalDataSource dataSource;

    /**
     * Waits for the seeding lock; it is held until the caller's transaction ends. Plain JDBC on the transaction's
     * connection, so that it works before any tenant is entered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the seeding lock", e);
        }
    }
}
