package dev.ferry.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.ferry.sandbox.twilio.TwilioSandboxInventory.Number;
import dev.ferry.sandbox.twilio.TwilioSandboxInventory.Service;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The local tenants' Twilio inventories, the input the migration works on: acme's is built from libphonenumber's
 * example numbers for every region and type, spread over three subaccounts and two Messaging Services with
 * alphanumeric senders and a geo-permission list; globex's is a smaller one.
 */
@QuarkusTest
class TwilioSandboxSeedTest {

    @ConfigProperty(name = "ferry.seed.sandbox.acme.twilio-account-sid")
    String acme;

    @ConfigProperty(name = "ferry.seed.sandbox.globex.twilio-account-sid")
    String globex;

    @Inject
    TwilioSandboxInventory inventory;

    @Test
    void shouldGiveAcmeWellOverAThousandNumbersFromEveryRegionOverThreeSubaccounts() {
        List<Number> numbers = inventory.numbers(acme);
        List<String> accounts = inventory.accountSids(acme);

        assertThat(numbers).hasSizeGreaterThan(1000);
        assertThat(accounts).hasSize(4).contains(acme);
        Set<String> holders = numbers.stream().map(Number::accountSid).collect(Collectors.toSet());
        assertThat(holders).hasSize(3).doesNotContain(acme);
        assertThat(numbers.stream().map(Number::e164).distinct().count()).isEqualTo(numbers.size());

        Set<String> regions = numbers.stream().map(Number::isoCountry).collect(Collectors.toSet());
        assertThat(regions).hasSizeGreaterThan(200);
        Set<String> types = numbers.stream().map(Number::numberType).collect(Collectors.toSet());
        assertThat(types).contains("FIXED_LINE", "MOBILE", "TOLL_FREE");
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        assertThat(numbers).allSatisfy(n -> {
            assertThat(n.e164()).startsWith("+");
            assertThat(util.isValidNumber(util.parse(n.e164(), null)))
                    .as(n.e164())
                    .isTrue();
        });
    }

    @Test
    void shouldGiveAcmeTwoMessagingServicesWithNumbersAndAlphanumericSendersAndAGeoPermissionList() {
        List<Service> services = inventory.services(acme);

        assertThat(services).hasSize(2);
        assertThat(services).allSatisfy(s -> assertThat(s.numbers()).isNotEmpty());
        assertThat(services.stream().mapToInt(s -> s.alphaSenders().size()).sum())
                .isPositive();
        assertThat(services.stream().map(Service::accountSid).distinct()).hasSize(2);
        assertThat(inventory.geoPermissions(acme)).isNotEmpty().containsValue(true);
        Set<String> inServices =
                services.stream().flatMap(s -> s.numbers().stream()).collect(Collectors.toSet());
        assertThat(inventory.numbers(acme).stream()
                        .filter(n -> n.messagingServiceSid() != null)
                        .map(Number::e164)
                        .collect(Collectors.toSet()))
                .isEqualTo(inServices);
    }

    @Test
    void shouldGiveGlobexASmallerInventoryOfItsOwn() {
        List<Number> numbers = inventory.numbers(globex);

        assertThat(numbers).isNotEmpty().hasSizeLessThan(inventory.numbers(acme).size());
        assertThat(inventory.services(globex)).isNotEmpty();
        Set<String> acmeNumbers =
                inventory.numbers(acme).stream().map(Number::e164).collect(Collectors.toSet());
        assertThat(numbers).noneMatch(n -> acmeNumbers.contains(n.e164()));
    }
}
