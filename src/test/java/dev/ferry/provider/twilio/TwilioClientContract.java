package dev.ferry.provider.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.provider.ProviderException;
import dev.ferry.provider.TwilioAccount;
import dev.ferry.provider.twilio.TwilioModels.Account;
import dev.ferry.provider.twilio.TwilioModels.IncomingNumber;
import dev.ferry.provider.twilio.TwilioModels.MessagingService;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Twilio client must do against anything that speaks Twilio's documented shapes. Run twice: against
 * Ferry's sandbox over HTTP and against WireMock stubs written from the reference, so the sandbox and the stubs keep
 * each other honest. Subclasses say where the account is and what it holds.
 */
abstract class TwilioClientContract {

    /** What the server behind {@link #mainAccount()} holds. */
    record Expected(
            String mainSid,
            Set<String> subaccountSids,
            Map<String, Set<String>> numbersByAccount,
            Map<String, String> serviceNames,
            Map<String, Set<String>> serviceNumbers,
            Map<String, Set<String>> serviceAlphaSenders,
            Map<String, Boolean> geoPermissions) {}

    @Inject
    TwilioClient client;

    @Inject
    CircuitBreakerMaintenance breakers;

    abstract TwilioAccount mainAccount();

    abstract Expected expected();

    @BeforeEach
    void closeBreaker() {
        breakers.resetAll();
    }

    @Test
    void shouldFetchTheMainAccount() {
        Account account = client.fetchAccount(mainAccount(), expected().mainSid());

        assertThat(account.sid()).isEqualTo(expected().mainSid());
        assertThat(account.main()).isTrue();
        assertThat(account.status()).isEqualTo("active");
        assertThat(account.friendlyName()).isNotBlank();
    }

    @Test
    void shouldListTheMainAccountAndEverySubaccountWithTheirTokens() {
        List<Account> accounts = client.listAccounts(mainAccount());

        Set<String> subs =
                accounts.stream().filter(a -> !a.main()).map(Account::sid).collect(Collectors.toSet());
        assertThat(subs).isEqualTo(expected().subaccountSids());
        assertThat(accounts)
                .filteredOn(Account::main)
                .extracting(Account::sid)
                .containsExactly(expected().mainSid());
        assertThat(accounts).filteredOn(a -> !a.main()).allSatisfy(a -> {
            assertThat(a.ownerAccountSid()).isEqualTo(expected().mainSid());
            assertThat(a.authToken()).isNotBlank();
        });
    }

    @Test
    void shouldReadEveryPageOfEveryAccountsIncomingNumbers() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String sid : expected().numbersByAccount().keySet()) {
            List<IncomingNumber> numbers = client.listIncomingNumbers(mainAccount(), sid);
            Set<String> e164 =
                    numbers.stream().map(IncomingNumber::phoneNumber).collect(Collectors.toCollection(TreeSet::new));
            assertThat(e164).as("no number twice in " + sid).hasSize(numbers.size());
            assertThat(numbers).allSatisfy(n -> {
                assertThat(n.accountSid()).isEqualTo(sid);
                assertThat(n.sid()).matches("PN[0-9a-f]{32}");
                assertThat(n.capabilities()).isNotNull();
            });
            found.put(sid, e164);
        }

        assertThat(found).isEqualTo(new TreeMap<>(expected().numbersByAccount()));
    }

    @Test
    void shouldReadServicesWithTheirNumbersAndAlphaSendersUsingEachAccountsOwnToken() {
        Map<String, String> names = new TreeMap<>();
        Map<String, Set<String>> numbers = new TreeMap<>();
        Map<String, Set<String>> alphas = new TreeMap<>();
        for (Account account : client.listAccounts(mainAccount())) {
            TwilioAccount credentials = account.main()
                    ? mainAccount()
                    : new TwilioAccount(
                            account.sid(), account.authToken(), mainAccount().baseUrl());
            for (MessagingService service : client.listMessagingServices(credentials)) {
                assertThat(service.accountSid()).isEqualTo(account.sid());
                names.put(service.sid(), service.friendlyName());
                numbers.put(
                        service.sid(),
                        client.listServicePhoneNumbers(credentials, service.sid()).stream()
                                .map(TwilioModels.ServicePhoneNumber::phoneNumber)
                                .collect(Collectors.toCollection(TreeSet::new)));
                alphas.put(
                        service.sid(),
                        client.listAlphaSenders(credentials, service.sid()).stream()
                                .map(TwilioModels.AlphaSender::alphaSender)
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }

        assertThat(names).isEqualTo(new TreeMap<>(expected().serviceNames()));
        assertThat(numbers).isEqualTo(new TreeMap<>(expected().serviceNumbers()));
        assertThat(alphas).isEqualTo(new TreeMap<>(expected().serviceAlphaSenders()));
    }

    @Test
    void shouldReadTheMainAccountsGeoPermissions() {
        Map<String, Boolean> permissions = client.geoPermissions(mainAccount()).stream()
                .collect(Collectors.toMap(
                        TwilioModels.GeoPermission::countryCode,
                        TwilioModels.GeoPermission::enabled,
                        (a, b) -> a,
                        TreeMap::new));

        assertThat(permissions).isEqualTo(new TreeMap<>(expected().geoPermissions()));
    }

    @Test
    void shouldRefuseAWrongTokenAsUnauthorizedWithoutRepeatingTheToken() {
        String wrong = "wrong" + Long.toHexString(System.nanoTime());
        TwilioAccount account =
                new TwilioAccount(expected().mainSid(), wrong, mainAccount().baseUrl());

        assertThatThrownBy(() -> client.listAccounts(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("20003").doesNotContain(wrong);
        });
    }

    static Set<String> set(String... values) {
        return new HashSet<>(List.of(values));
    }
}
