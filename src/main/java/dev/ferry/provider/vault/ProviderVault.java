package dev.ferry.provider.vault;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.TwilioAccount;
import dev.ferry.provider.vault.api.ConnectionRecords.ConnectionView;
import dev.ferry.provider.vault.domain.Provider;
import dev.ferry.provider.vault.domain.ProviderConnection;
import dev.ferry.tenant.TenantContext;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The credentials vault: stores each tenant's provider connections with the token sealed, and hands out
 * {@link TwilioAccount} / {@link PlivoAccount} for the entered tenant. Tokens are sealed with the context
 * {@code <tenant>/<provider>}, so a sealed value copied to another tenant's row does not open. A token sealed with
 * a key that is no longer the active one is sealed again with the active key when it is read, which is how a key
 * rotation completes without a migration.
 */
@ApplicationScoped
public class ProviderVault {

    private static final Logger LOG = Logger.getLogger(ProviderVault.class);

    @Inject
    SecretBox box;

    @Inject
    TenantContext context;

    @Inject
    AuditLog audit;

    @Inject
    Instance<HttpServer> server;

    @Inject
    Event<PlivoCredentialsChanged> plivoChanged;

    /**
     * Stores (or replaces) the entered tenant's connection to a provider. The verification state is cleared: new
     * credentials are unverified. Audited without the token.
     *
     * @param baseUrl null for the provider's real hosts
     */
    @Transactional
    public ConnectionView connect(Provider provider, String accountId, String token, String baseUrl) {
        String tenant = context.require();
        ProviderConnection connection = find(provider).orElse(null);
        ConnectionView before = connection == null ? null : ConnectionView.of(connection);
        boolean created = connection == null;
        if (created) {
            connection = new ProviderConnection();
            connection.provider = provider;
        }
        connection.accountId = accountId;
        connection.sealedToken = box.seal(token, sealingContext(tenant, provider));
        connection.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        connection.verifiedAt = null;
        connection.verifiedAccountName = null;
        if (created) {
            connection.persist();
        }
        ProviderConnection.flush();
        ConnectionView after = ConnectionView.of(connection);
        audit.record(
                tenant,
                created ? "connection.created" : "connection.updated",
                "provider_connection",
                provider.slug(),
                before,
                after);
        if (provider == Provider.PLIVO) {
            plivoChanged.fire(new PlivoCredentialsChanged(tenant));
        }
        LOG.infof("%s connection of tenant %s %s", provider.slug(), tenant, created ? "created" : "replaced");
        return after;
    }

    /** The entered tenant's connections, masked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConnectionView> list() {
        context.require();
        return ProviderConnection.<ProviderConnection>list("order by provider").stream()
                .map(ConnectionView::of)
                .toList();
    }

    /** Whether the entered tenant has a connection to the provider. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean connected(Provider provider) {
        return find(provider).isPresent();
    }

    /** The entered tenant's Twilio credentials, for one or more calls; 404 problem when not connected. */
    @Transactional
    public TwilioAccount twilio() {
        ProviderConnection c = required(Provider.TWILIO);
        return new TwilioAccount(c.accountId, open(c), uri(c.baseUrl));
    }

    /** The entered tenant's Plivo credentials, for one or more calls; 404 problem when not connected. */
    @Transactional
    public PlivoAccount plivo() {
        return plivoAccount(required(Provider.PLIVO));
    }

    /**
     * The entered tenant's Plivo credentials, or empty when it has no Plivo connection: one lookup, where asking
     * {@link #connected} and then {@link #plivo} would read the connection twice (Plivo's callbacks ask on every
     * request).
     */
    @Transactional
    public Optional<PlivoAccount> plivoIfConnected() {
        return find(Provider.PLIVO).map(this::plivoAccount);
    }

    private PlivoAccount plivoAccount(ProviderConnection c) {
        return new PlivoAccount(c.accountId, open(c), uri(c.baseUrl));
    }

    /**
     * Records what a verification found: the time and account name when the credentials worked, nothing (cleared)
     * when they did not. Audited.
     */
    @Transactional
    public ConnectionView recordVerification(Provider provider, boolean ok, String accountName) {
        String tenant = context.require();
        ProviderConnection c = required(provider);
        ConnectionView before = ConnectionView.of(c);
        c.verifiedAt = ok ? OffsetDateTime.now() : null;
        c.verifiedAccountName = ok ? accountName : null;
        ProviderConnection.flush();
        ConnectionView after = ConnectionView.of(c);
        audit.record(
                tenant,
                ok ? "connection.verified" : "connection.verification-failed",
                "provider_connection",
                provider.slug(),
                before,
                after);
        return after;
    }

    private String open(ProviderConnection c) {
        String context = sealingContext(c.tenantId, c.provider);
        String token = box.open(c.sealedToken, context);
        if (box.needsResealing(c.sealedToken)) {
            c.sealedToken = box.seal(token, context);
            LOG.infof("%s token of tenant %s sealed again with the active key", c.provider.slug(), c.tenantId);
        }
        return token;
    }

    private Optional<ProviderConnection> find(Provider provider) {
        context.require();
        return ProviderConnection.find("provider", provider).firstResultOptional();
    }

    private ProviderConnection required(Provider provider) {
        return find(provider).orElseThrow(() -> ProblemException.notFound("Connection", provider.slug()));
    }

    /**
     * The connection's base URL. A loopback URL on port 0 names this very server when it was told to take any free
     * port (the tests, the sandboxes of several checkouts on one machine): it is resolved against the port taken.
     */
    private URI uri(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        URI uri = URI.create(baseUrl);
        if (uri.getPort() == 0 && "localhost".equals(uri.getHost()) && server.isResolvable()) {
            int port = server.get().getPort();
            if (port > 0) {
                return URI.create(baseUrl.replaceFirst("://localhost:0(?=/|$)", "://localhost:" + port));
            }
        }
        return uri;
    }

    static String sealingContext(String tenant, Provider provider) {
        return tenant + "/" + provider.slug();
    }
}
