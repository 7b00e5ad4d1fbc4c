package dev.ferry.sandbox.twilio;

import dev.ferry.sandbox.twilio.domain.SandboxTwilioAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Twilio sandbox's door: answers 404 for everything when the sandboxes are off, checks HTTP Basic credentials
 * (account SID and auth token) and decides which accounts the caller may read. Twilio's rule, which the sandbox
 * keeps: an account reaches itself, and a main account also reaches its subaccounts' 2010 resources.
 */
@ApplicationScoped
public class TwilioSandboxGuard {

    @ConfigProperty(name = "ferry.sandbox.enabled", defaultValue = "false")
    boolean enabled;

    /** Fails with 404 unless the sandboxes are on. */
    public void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** The account whose SID and token the request carries; 401 in Twilio's shape otherwise. */
    public SandboxTwilioAccount authenticate(String authorization) {
        requireEnabled();
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw TwilioSandboxError.unauthenticated();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TwilioSandboxError.unauthenticated();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw TwilioSandboxError.unauthenticated();
        }
        SandboxTwilioAccount account = SandboxTwilioAccount.findById(decoded.substring(0, colon));
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        if (account == null
                || !"active".equals(account.status)
                || !MessageDigest.isEqual(given, account.authToken.getBytes(StandardCharsets.UTF_8))) {
            throw TwilioSandboxError.unauthenticated();
        }
        return account;
    }

    /** The account named in a 2010 path, if the caller may read it; 404 otherwise so sids cannot be probed. */
    public SandboxTwilioAccount reachable(SandboxTwilioAccount caller, String sid, String path) {
        if (caller.sid.equals(sid)) {
            return caller;
        }
        SandboxTwilioAccount target = SandboxTwilioAccount.findById(sid);
        if (target == null || !caller.main() || !caller.sid.equals(target.ownerAccountSid)) {
            throw TwilioSandboxError.notFound(path);
        }
        return target;
    }
}
