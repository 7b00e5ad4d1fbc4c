package dev.ferry.sandbox.plivo;

import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;

/**
 * The part of the sandbox an account reaches: a main account its own resources and its subaccounts', a subaccount only
 * its own. Every query of account-owned rows starts from one of these, so no query can forget it.
 *
 * @param where a JPQL predicate over {@code mainId} and {@code subAccount}, with parameter ?1
 */
record Scope(String where, String authId) {

    static Scope of(SandboxPlivoAccount caller) {
        return caller.isMain() ? new Scope("mainId = ?1", caller.authId) : new Scope("subAccount = ?1", caller.authId);
    }

    boolean reaches(String mainId, String subAccount) {
        return where.startsWith("mainId") ? authId.equals(mainId) : authId.equals(subAccount);
    }
}
