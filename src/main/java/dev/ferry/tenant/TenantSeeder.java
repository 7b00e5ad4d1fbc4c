package dev.ferry.tenant;

import dev.ferry.common.replica.SeedLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the tenants named in {@code ferry.seed.tenants} at start-up. Local and test profiles use it for the demo
 * tenants {@code acme} and {@code globex}; production leaves it empty.
 */
@ApplicationScoped
public class TenantSeeder {

    /** {@code id=Display name} pairs. */
    @ConfigProperty(name = "ferry.seed.tenants")
    Optional<List<String>> seeds;

    @Inject
    TenantService tenants;

    @Inject
    SeedLock seedLock;

    void onStart(@Observes StartupEvent event) {
        for (String seed : seeds.orElse(List.of())) {
            int eq = seed.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("ferry.seed.tenants entries look like id=Name, not: " + seed);
            }
            String id = seed.substring(0, eq).strip();
            String name = seed.substring(eq + 1).strip();
            QuarkusTransaction.requiringNew().run(() -> {
                seedLock.hold();
                tenants.ensure(id, name);
            });
        }
    }
}
