package dev.ferry.compliance.senderid;

import dev.ferry.compliance.senderid.SenderIdCountries.Policy;
import dev.ferry.compliance.senderid.domain.SenderIdRegistration;
import dev.ferry.compliance.senderid.domain.SenderIdState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Whether the entered tenant may send from an alphanumeric sender to a country. */
@ApplicationScoped
public class SenderIdChecks {

    @Inject
    SenderIdCountries countries;

    /**
     * Why sending from {@code senderId} to {@code country} is refused, or empty when it may go.
     *
     * @param subaccount the subaccount sending, or null for the main account; a registration for no particular
     *     subaccount covers every one
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> refusal(String senderId, String country, String subaccount) {
        Policy policy = countries.policy(country);
        if (policy == Policy.NOT_SUPPORTED) {
            return Optional.of("alphanumeric senders are not supported in " + country + "; send from a number");
        }
        if (policy == Policy.REGISTRATION_REQUIRED && !approved(senderId, country, subaccount)) {
            return Optional.of("sender ID '" + senderId + "' is not registered and approved for " + country);
        }
        return Optional.empty();
    }

    private static boolean approved(String senderId, String country, String subaccount) {
        String scope = subaccount == null ? "subaccount is null" : "(subaccount is null or subaccount = ?4)";
        String query = "senderId = ?1 and country = ?2 and state = ?3 and " + scope;
        long found = subaccount == null
                ? SenderIdRegistration.count(query, senderId, country, SenderIdState.APPROVED)
                : SenderIdRegistration.count(query, senderId, country, SenderIdState.APPROVED, subaccount);
        return found > 0;
    }
}
