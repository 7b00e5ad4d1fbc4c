package dev.ferry.sandbox.plivo;

import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoApplication;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPowerpack;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/** Accounts of the Plivo sandbox: HTTP Basic checks, main accounts for tests and seeds, and the subaccount API. */
@ApplicationScoped
public class SandboxAccounts {

    private static final Logger LOG = Logger.getLogger(SandboxAccounts.class);

    @jakarta.inject.Inject
    SandboxLimits limits;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String TOKEN_CHARS = ID_CHARS + "abcdefghijklmnopqrstuvwxyz";

    /**
     * The account the request's Basic credentials name, which must be the account in the path. Wrong or missing
     * credentials, or a disabled account, answer 401; valid credentials of another account (a subaccount reaching for
     * its main account's tree, say) answer 403.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoAccount authenticate(String authorization, String pathAuthId) {
        SandboxPlivoAccount caller = credentials(authorization);
        if (!caller.authId.equals(pathAuthId)) {
            throw PlivoFault.forbidden("these credentials may not act on account " + pathAuthId);
        }
        limits.admit(caller.authId);
        return caller;
    }

    /** Any enabled account with matching Basic credentials (the Lookup API is not under /Account/). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoAccount credentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw PlivoFault.unauthorized();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PlivoFault.unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw PlivoFault.unauthorized();
        }
        SandboxPlivoAccount account = SandboxPlivoAccount.findById(decoded.substring(0, colon));
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        if (account == null
                || !account.enabled
                || !MessageDigest.isEqual(given, account.authToken.getBytes(StandardCharsets.UTF_8))) {
            throw PlivoFault.unauthorized();
        }
        return account;
    }

    /** Creates a main account with the given credentials unless it exists (start-up seeds). */
    @Transactional
    public void ensureMain(String authId, String authToken, String name) {
        if (!authId.matches("MA[A-Z0-9]{18}")) {
            throw new IllegalArgumentException("a Plivo main account id is MA plus 18 letters or digits: " + authId);
        }
        SandboxPlivoAccount existing = SandboxPlivoAccount.findById(authId);
        if (existing == null) {
            SandboxPlivoAccount account = new SandboxPlivoAccount();
            account.authId = authId;
            account.authToken = authToken;
            account.name = name;
            account.persist();
            LOG.infof("Plivo sandbox account %s created for %s", authId, name);
        } else if (!existing.authToken.equals(authToken)) {
            existing.authToken = authToken;
        }
    }

    /** A fresh, empty main account with generated credentials (tests build their own). */
    @Transactional
    public SandboxPlivoAccount createMain(String name) {
        SandboxPlivoAccount account = new SandboxPlivoAccount();
        account.authId = "MA" + random(ID_CHARS, 18);
        account.authToken = random(TOKEN_CHARS, 40);
        account.name = name == null || name.isBlank() ? "sandbox" : name;
        account.persist();
        return account;
    }

    /** Creates a subaccount of a main account; disabled unless {@code enabled}, as Plivo's default is false. */
    @Transactional
    public SandboxPlivoAccount createSubaccount(SandboxPlivoAccount caller, String name, boolean enabled) {
        requireMain(caller);
        if (name == null || name.isBlank()) {
            throw PlivoFault.badRequest("name is required");
        }
        SandboxPlivoAccount sub = new SandboxPlivoAccount();
        sub.authId = "SA" + random(ID_CHARS, 18);
        sub.authToken = random(TOKEN_CHARS, 40);
        sub.parentId = caller.authId;
        sub.name = name;
        sub.enabled = enabled;
        sub.persist();
        return sub;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SandboxPlivoAccount> subaccounts(SandboxPlivoAccount caller) {
        requireMain(caller);
        return SandboxPlivoAccount.list("parentId = ?1 order by createdOn desc, authId", caller.authId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoAccount subaccount(SandboxPlivoAccount caller, String subauthId) {
        requireMain(caller);
        SandboxPlivoAccount sub = SandboxPlivoAccount.findById(subauthId);
        if (sub == null || !caller.authId.equals(sub.parentId)) {
            throw PlivoFault.notFound("subaccount not found");
        }
        return sub;
    }

    @Transactional
    public void updateSubaccount(SandboxPlivoAccount caller, String subauthId, String name, Boolean enabled) {
        SandboxPlivoAccount sub = subaccount(caller, subauthId);
        if (name != null) {
            if (name.isBlank()) {
                throw PlivoFault.badRequest("name must not be empty");
            }
            sub.name = name;
        }
        if (enabled != null) {
            sub.enabled = enabled;
        }
        sub.modifiedOn = LocalDate.now();
    }

    /**
     * Deletes a subaccount. With {@code cascade} its numbers are unrented and its applications and Powerpacks deleted;
     * without, they move to the main account (section 4 of the Plivo API reference).
     */
    @Transactional
    public void deleteSubaccount(SandboxPlivoAccount caller, String subauthId, boolean cascade) {
        SandboxPlivoAccount sub = subaccount(caller, subauthId);
        if (cascade) {
            SandboxPlivoNumber.delete("subAccount", sub.authId);
            SandboxPlivoApplication.delete("subAccount", sub.authId);
            SandboxPlivoPowerpack.delete("subAccount", sub.authId);
        } else {
            SandboxPlivoNumber.update("subAccount = null where subAccount = ?1", sub.authId);
            SandboxPlivoApplication.update("subAccount = null where subAccount = ?1", sub.authId);
            SandboxPlivoPowerpack.update("subAccount = null where subAccount = ?1", sub.authId);
        }
        sub.delete();
    }

    static void requireMain(SandboxPlivoAccount caller) {
        if (!caller.isMain()) {
            throw PlivoFault.forbidden("only a main account may manage subaccounts");
        }
    }

    static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
