package dev.ferry.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * The demo accounts local tenants hold in the sandboxes, keyed by tenant id ({@code ferry.seed.sandbox.<tenant>.*}).
 * The sandboxes create these accounts at start-up and the vault connects each tenant to them. Empty in production.
 */
@ConfigMapping(prefix = "ferry.seed.sandbox")
public interface SandboxSeeds {

    /** One entry per tenant id. */
    @WithParentName
    Map<String, Tenant> tenants();

    /** A tenant's sandbox accounts. */
    interface Tenant {

        /** The Plivo sandbox main account id (MA + 18 characters). */
        Optional<String> plivoAuthId();

        /** The Plivo sandbox account's auth token. */
        Optional<String> plivoAuthToken();

        /** The Twilio sandbox main account SID (AC + 32 hex). */
        Optional<String> twilioAccountSid();

        /** The Twilio sandbox main account's auth token. */
        Optional<String> twilioAuthToken();

        /**
         * How much the Twilio sandbox account holds: {@code full} (libphonenumber's examples for every region and
         * type, over three subaccounts) or {@code small} (a few countries, one subaccount).
         */
        @WithDefault("small")
        String twilioInventory();
    }
}
