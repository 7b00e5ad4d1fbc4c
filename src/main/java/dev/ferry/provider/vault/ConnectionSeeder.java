package dev.ferry.provider.vault;

import dev.ferry.common.replica.SeedLock;
import dev.ferry.provider.vault.domain.Provider;
import dev.ferry.sandbox.SandboxSeeds;
import dev.ferry.tenant.TenantContext;
import dev.ferry.tenant.domain.Tenant;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Connects the local tenants to their sandbox accounts at start-up ({@code ferry.seed.sandbox.<tenant>.*}), with
 * base URLs pointing at Ferry's own sandboxes. Only when the sandboxes are on, and only where the tenant has no
 * connection yet: a connection someone changed survives restarts. Runs after the tenant seeder.
 */
@ApplicationScoped
public class ConnectionSeeder {

    private static final Logger LOG = Logger.getLogger(ConnectionSeeder.class);

    @Inject
    SandboxSeeds seeds;

    @Inject
    ProviderVault vault;

    @Inject
    SeedLock seedLock;

    @ConfigProperty(name = "ferry.sandbox.enabled", defaultValue = "false")
    boolean sandboxEnabled;

    @ConfigProperty(name = "ferry.external-base-url")
    String externalBaseUrl;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) StartupEvent event) {
        if (!sandboxEnabled) {
            return;
        }
        String root = externalBaseUrl.endsWith("/")
                ? externalBaseUrl.substring(0, externalBaseUrl.length() - 1)
                : externalBaseUrl;
        new TreeMap<>(seeds.tenants()).forEach((tenant, seed) -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            try {
                // Enter before the first query: the persistence context takes its tenant when it opens.
                Arc.container().instance(TenantContext.class).get().enter(tenant);
                QuarkusTransaction.requiringNew().run(() -> {
                    seedLock.hold();
                    if (Tenant.findById(tenant) == null) {
                        LOG.warnf("sandbox connections for %s skipped: no such tenant", tenant);
                        return;
                    }
                    if (seed.twilioAccountSid().isPresent()
                            && seed.twilioAuthToken().isPresent()
                            && !vault.connected(Provider.TWILIO)) {
                        vault.connect(
                                Provider.TWILIO,
                                seed.twilioAccountSid().get(),
                                seed.twilioAuthToken().get(),
                                root + "/sandbox/twilio");
                    }
                    if (seed.plivoAuthId().isPresent()
                            && seed.plivoAuthToken().isPresent()
                            && !vault.connected(Provider.PLIVO)) {
                        vault.connect(
                                Provider.PLIVO,
                                seed.plivoAuthId().get(),
                                seed.plivoAuthToken().get(),
                                root + "/sandbox/plivo");
                    }
                });
            } finally {
                request.terminate();
            }
        });
    }
}
