package dev.ferry.common.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
    EntityManager em;

    /** Waits for the seeding lock; it is held until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold() {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) l")
                .setParameter(1, KEY)
                .getSingleResult();
    }
}
