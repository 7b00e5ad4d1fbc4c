package dev.ferry.provider.twilio;

import dev.ferry.provider.TwilioAccount;
import dev.ferry.sandbox.twilio.TwilioSandboxInventory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The client contract against Ferry's own Twilio sandbox over HTTP, with acme's seeded inventory. */
@QuarkusTest
class TwilioClientSandboxTest extends TwilioClientContract {

    @TestHTTPResource("/sandbox/twilio")
    URI sandbox;

    @ConfigProperty(name = "ferry.seed.sandbox.acme.twilio-account-sid")
    String acmeSid;

    @ConfigProperty(name = "ferry.seed.sandbox.acme.twilio-auth-token")
    String acmeToken;

    @Inject
    TwilioSandboxInventory inventory;

    @Override
    TwilioAccount mainAccount() {
        return new TwilioAccount(acmeSid, acmeToken, sandbox);
    }

    @Override
    Expected expected() {
        var numbers = inventory.numbers(acmeSid);
        Map<String, Set<String>> byAccount = new TreeMap<>();
        inventory.accountSids(acmeSid).forEach(sid -> byAccount.put(sid, new TreeSet<>()));
        numbers.forEach(n -> byAccount.get(n.accountSid()).add(n.e164()));
        var services = inventory.services(acmeSid);
        return new Expected(
                acmeSid,
                inventory.accountSids(acmeSid).stream()
                        .filter(s -> !s.equals(acmeSid))
                        .collect(Collectors.toSet()),
                byAccount,
                services.stream().collect(Collectors.toMap(s -> s.sid(), s -> s.friendlyName())),
                services.stream().collect(Collectors.toMap(s -> s.sid(), s -> new TreeSet<>(s.numbers()))),
                services.stream().collect(Collectors.toMap(s -> s.sid(), s -> new TreeSet<>(s.alphaSenders()))),
                inventory.geoPermissions(acmeSid));
    }
}
