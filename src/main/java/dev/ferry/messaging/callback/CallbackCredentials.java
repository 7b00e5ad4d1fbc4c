package dev.ferry.messaging.callback;

import dev.ferry.common.problem.ProblemException;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.vault.PlivoCredentialsChanged;
import dev.ferry.provider.vault.ProviderVault;
import dev.ferry.subaccount.SubaccountService;
import dev.ferry.tenant.TenantContext;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The Plivo tokens callbacks are checked with, opened from the vault once and kept for a short while (cache
 * {@value #CACHE}: {@code quarkus.cache.caffeine."plivo-callback-credentials".*}, 45 s after loading, bounded in size).
 * Without it every callback read the connection row and decrypted the token, and a report about a subaccount's message
 * did so twice. "No Plivo connection" and "no such subaccount" are kept too.
 *
 * <p>A change to a tenant's Plivo credentials made on this replica (its connection replaced, a subaccount created or
 * deleted) forgets the tenant's entries when the change commits, so the next callback is checked with the new token
 * only. Another replica does not hear of the change. When a signature does not match what it kept, the service asks
 * again after {@link #forget(String)}, so a callback signed with the new token is taken at once everywhere; but until
 * its entry expires, that replica still takes callbacks signed with the old token: for at most 45 s after the change.
 * That is acceptable: the old token was genuine a moment ago, a rotation is not atomic anyway (the token changes on
 * Plivo and in Ferry one after the other, and callbacks Plivo signed with the old one are still in flight when Ferry
 * gets the new one), and a token rotated because it leaked lets its holder forge callbacks for those 45 s at most, on
 * replicas other than the one it was changed on. Asking again has a price too: a callback with a wrong signature costs
 * a vault read and a decryption, as every callback did before this cache.
 */
@ApplicationScoped
class CallbackCredentials {

    static final String CACHE = "plivo-callback-credentials";

    private record Main(String tenantId) {}

    private record Sub(String tenantId, String authId) {}

    @CacheName(CACHE)
    Cache cache;

    @Inject
    TenantContext tenant;

    @Inject
    ProviderVault vault;

    @Inject
    SubaccountService subaccounts;

    /** The entered tenant's Plivo main account, or empty when it has no Plivo connection (or does not exist). */
    Optional<PlivoAccount> main(String tenantId) {
        requireEntered(tenantId);
        return cache.<Main, Optional<PlivoAccount>>get(new Main(tenantId), k -> vault.plivoIfConnected())
                .await()
                .indefinitely();
    }

    /** The auth token of one of the entered tenant's subaccounts, or empty when Ferry does not know it. */
    Optional<String> subaccountToken(String tenantId, String authId) {
        requireEntered(tenantId);
        return cache.<Sub, Optional<String>>get(new Sub(tenantId, authId), k -> openSubaccount(authId))
                .await()
                .indefinitely();
    }

    /** Forgets the tenant's tokens once the change is committed (a rolled back change changed nothing). */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlivoCredentialsChanged changed) {
        forget(changed.tenantId());
    }

    /** Forgets what was kept for the tenant: the next question opens its tokens from the vault again. */
    void forget(String tenantId) {
        cache.invalidateIf(key -> key instanceof Main m && m.tenantId().equals(tenantId)
                        || key instanceof Sub s && s.tenantId().equals(tenantId))
                .await()
                .indefinitely();
    }

    private Optional<String> openSubaccount(String authId) {
        try {
            return Optional.of(subaccounts.account(authId).authToken());
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** The vault and the subaccounts read the entered tenant's rows: the key must name that tenant. */
    private void requireEntered(String tenantId) {
        if (!tenant.require().equals(tenantId)) {
            throw new IllegalStateException("Credentials of tenant " + tenantId + " asked in another tenant");
        }
    }
}
