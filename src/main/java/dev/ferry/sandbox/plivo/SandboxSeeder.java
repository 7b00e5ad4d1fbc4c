package dev.ferry.sandbox.plivo;

import dev.ferry.common.replica.SeedLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the demo tenants' empty Plivo main accounts in the sandbox at start-up, from
 * {@code ferry.seed.sandbox.<tenant>.plivo-auth-id} and {@code -auth-token}. Only where the sandbox is on.
 */
@ApplicationScoped
public class SandboxSeeder {

    private static final Pattern KEY = Pattern.compile("ferry\\.seed\\.sandbox\\.([^.]+)\\.plivo-auth-id");

    @ConfigProperty(name = "ferry.sandbox.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    Config config;

    @Inject
    SandboxAccounts accounts;

    @Inject
    SeedLock seedLock;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (String name : config.getPropertyNames()) {
            Matcher m = KEY.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String tenant = m.group(1);
            String authId = config.getOptionalValue(name, String.class).orElse(null);
            String token = config.getOptionalValue("ferry.seed.sandbox." + tenant + ".plivo-auth-token", String.class)
                    .orElse(null);
            if (authId != null && token != null) {
                QuarkusTransaction.requiringNew().run(() -> {
                    seedLock.hold();
                    accounts.ensureMain(authId, token, tenant);
                });
            }
        }
    }
}
