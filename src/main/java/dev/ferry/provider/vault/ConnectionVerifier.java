package dev.ferry.provider.vault;

import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.TwilioAccount;
import dev.ferry.provider.twilio.TwilioClient;
import dev.ferry.provider.twilio.TwilioModels;
import dev.ferry.provider.vault.api.ConnectionRecords.ConnectionView;
import dev.ferry.provider.vault.api.ConnectionRecords.VerifyResult;
import dev.ferry.provider.vault.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Checks that a tenant's stored credentials work by asking the provider about the account they belong to (Twilio:
 * fetch the account; Plivo: {@code GET /v1/Account/{auth_id}/}). Refused credentials are an answer ({@code ok =
 * false} with the provider's reason); a provider that fails or cannot be reached is a 502/503 problem. No
 * transaction is held open during the provider call.
 */
@ApplicationScoped
public class ConnectionVerifier {

    private static final Logger LOG = Logger.getLogger(ConnectionVerifier.class);

    @Inject
    ProviderVault vault;

    @Inject
    TwilioClient twilio;

    @Inject
    PlivoAccountCheck plivo;

    /** Verifies the entered tenant's connection to a provider and records the outcome. */
    public VerifyResult verify(Provider provider) {
        String name = null;
        String status = null;
        String reason = null;
        try {
            if (provider == Provider.TWILIO) {
                TwilioAccount account = vault.twilio();
                TwilioModels.Account found = twilio.fetchAccount(account, account.accountSid());
                name = found.friendlyName();
                status = found.status();
            } else {
                PlivoAccount account = vault.plivo();
                PlivoAccountCheck.PlivoAccountDetails found = plivo.fetch(account);
                name = found == null ? null : found.name();
                status = found == null ? null : found.accountType();
            }
        } catch (ProviderException e) {
            if (e.kind().transientFailure()) {
                throw new ProblemException(
                                e.kind() == ProviderException.Kind.UNAVAILABLE
                                        ? ProblemType.PROVIDER_UNAVAILABLE
                                        : ProblemType.PROVIDER_ERROR,
                                "Could not verify the " + provider.slug() + " connection: " + e.getMessage())
                        .with("providerStatus", e.status());
            }
            reason = e.getMessage();
        }
        boolean ok = reason == null;
        ConnectionView view = vault.recordVerification(provider, ok, name);
        LOG.infof("%s connection verified: %s", provider.slug(), ok ? "credentials work" : "credentials refused");
        return new VerifyResult(
                provider.slug(), ok, view.accountId(), ok ? name : null, ok ? status : null, reason, view.verifiedAt());
    }
}
