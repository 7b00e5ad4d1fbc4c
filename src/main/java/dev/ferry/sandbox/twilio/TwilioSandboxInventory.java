package dev.ferry.sandbox.twilio;

import dev.ferry.sandbox.twilio.domain.SandboxTwilioAccount;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAlphaSender;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioGeoPermission;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioNumber;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioService;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioServiceNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a Twilio sandbox main account holds, read from the sandbox tables, for tests that compare an import with
 * its source exactly. Read-only and in-process (no HTTP): it is a test oracle, not part of the fake API.
 */
@ApplicationScoped
public class TwilioSandboxInventory {

    /** One number of the tree, with where it sits. */
    public record Number(
            String e164,
            String sid,
            String accountSid,
            String isoCountry,
            String numberType,
            boolean voice,
            boolean sms,
            boolean mms,
            String messagingServiceSid) {}

    /** A Messaging Service with the E.164 numbers and alphanumeric senders in its pool. */
    public record Service(
            String sid, String accountSid, String friendlyName, List<String> numbers, List<String> alphaSenders) {}

    /** The main account and its subaccounts, by SID. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> accountSids(String mainAccountSid) {
        return SandboxTwilioAccount.<SandboxTwilioAccount>list(
                        "sid = ?1 or ownerAccountSid = ?1 order by sid", mainAccountSid)
                .stream()
                .map(a -> a.sid)
                .toList();
    }

    /** An account's auth token, as Twilio hands subaccount tokens to the parent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> authToken(String accountSid) {
        return Optional.ofNullable(SandboxTwilioAccount.<SandboxTwilioAccount>findById(accountSid))
                .map(a -> a.authToken);
    }

    /** Every number of the main account and its subaccounts, ordered by E.164. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Number> numbers(String mainAccountSid) {
        Map<String, String> serviceOf = SandboxTwilioServiceNumber.<SandboxTwilioServiceNumber>listAll().stream()
                .collect(Collectors.toMap(m -> m.numberSid, m -> m.serviceSid));
        return SandboxTwilioNumber.<SandboxTwilioNumber>list(
                        "accountSid in ?1 order by phoneNumber", accountSids(mainAccountSid))
                .stream()
                .map(n -> new Number(
                        n.phoneNumber,
                        n.sid,
                        n.accountSid,
                        n.isoCountry,
                        n.numberType,
                        n.voice,
                        n.sms,
                        n.mms,
                        serviceOf.get(n.sid)))
                .toList();
    }

    /**
     * How many numbers the tree holds per country and libphonenumber type: {@code {"GB": {"MOBILE": 2, ...}}}.
     * Country and type are what libphonenumber reports for each number, so an importer that classifies with
     * libphonenumber must arrive at exactly these counts.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<String, Long>> countsByCountryAndType(String mainAccountSid) {
        return numbers(mainAccountSid).stream()
                .collect(Collectors.groupingBy(
                        Number::isoCountry,
                        TreeMap::new,
                        Collectors.groupingBy(Number::numberType, TreeMap::new, Collectors.counting())));
    }

    /** The Messaging Services of the main account and its subaccounts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Service> services(String mainAccountSid) {
        return SandboxTwilioService.<SandboxTwilioService>list(
                        "accountSid in ?1 order by sid", accountSids(mainAccountSid))
                .stream()
                .map(s -> new Service(
                        s.sid,
                        s.accountSid,
                        s.friendlyName,
                        SandboxTwilioServiceNumber.<SandboxTwilioServiceNumber>list("serviceSid", s.sid).stream()
                                .map(m -> SandboxTwilioNumber.<SandboxTwilioNumber>findById(m.numberSid).phoneNumber)
                                .sorted()
                                .toList(),
                        SandboxTwilioAlphaSender.<SandboxTwilioAlphaSender>list(
                                        "serviceSid = ?1 order by alphaSender", s.sid)
                                .stream()
                                .map(a -> a.alphaSender)
                                .toList()))
                .toList();
    }

    /** An account's own geo permissions, country to enabled (empty when it inherits its parent's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Boolean> geoPermissions(String accountSid) {
        return SandboxTwilioGeoPermission.<SandboxTwilioGeoPermission>list("id.accountSid", accountSid).stream()
                .collect(Collectors.toMap(p -> p.id.countryCode(), p -> p.enabled, (a, b) -> a, TreeMap::new));
    }
}
