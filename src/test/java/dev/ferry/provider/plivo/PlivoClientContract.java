package dev.ferry.provider.plivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.plivo.PlivoMessages.Send;
import dev.ferry.provider.plivo.PlivoMessages.Type;
import dev.ferry.provider.plivo.PlivoSubaccounts.Cascade;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Ferry relies on from Plivo's API, written once and run against two providers: Ferry's Plivo sandbox over HTTP
 * ({@link PlivoClientSandboxTest}) and WireMock stubs of the documented shapes ({@link PlivoClientStubTest}). A
 * subclass supplies an account and the provider-side facts a scenario needs (a number the account owns, a number for
 * sale).
 */
abstract class PlivoClientContract {

    static final String UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

    @Inject
    PlivoClient plivo;

    PlivoAccount account;

    /** A fresh account with nothing in it, as far as the provider allows. */
    abstract PlivoAccount newAccount();

    /** A number the account owns and may send from (digits, no +). */
    abstract String ownedNumber(PlivoAccount account);

    /** A number for sale in the US (digits, no +). */
    abstract String numberForSale(PlivoAccount account);

    @BeforeEach
    void freshAccountAndClosedBreaker() {
        CircuitBreakerMaintenance.get().resetAll();
        account = newAccount();
    }

    @Test
    void shouldSendAnSmsToSeveralDestinationsWithOneUuidEach() {
        String src = ownedNumber(account);

        PlivoMessages.Sent sent =
                plivo.sendMessage(account, Send.sms(src, List.of("14155550111", "14155550112"), "Hello from Ferry"));

        assertThat(sent.apiId()).isNotBlank();
        assertThat(sent.message()).isEqualTo("message(s) queued");
        assertThat(sent.messageUuid()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void shouldSendAnMmsWithMediaUrls() {
        String src = ownedNumber(account);
        Send mms = new Send(
                src,
                null,
                List.of("14155550113"),
                "a picture",
                Type.mms,
                List.of("https://example.com/a.png"),
                null,
                null,
                true);

        PlivoMessages.Sent sent = plivo.sendMessage(account, mms);

        assertThat(sent.messageUuid()).hasSize(1);
    }

    @Test
    void shouldGetASentMessageBackByItsUuid() {
        String src = ownedNumber(account);
        String uuid = plivo.sendMessage(account, Send.sms(src, List.of("14155550114"), "hi"))
                .messageUuid()
                .get(0);

        PlivoMessages.Message message = plivo.getMessage(account, uuid);

        assertThat(message.messageUuid()).isEqualTo(uuid);
        assertThat(message.messageDirection()).isEqualTo("outbound");
        assertThat(message.messageType()).isEqualTo("sms");
        assertThat(message.messageState()).isIn("queued", "sent", "delivered");
        assertThat(message.toNumber()).isEqualTo("14155550114");
        assertThat(message.units()).isEqualTo(1);
    }

    @Test
    void shouldListMessagesNewestFirstWithoutTotalCount() {
        String src = ownedNumber(account);
        plivo.sendMessage(account, Send.sms(src, List.of("14155550115", "14155550116", "14155550117"), "hi"));

        PlivoPage<PlivoMessages.Message> page = plivo.listMessages(account, PlivoMessages.Query.page(2, 0));

        assertThat(page.meta().limit()).isEqualTo(2);
        assertThat(page.meta().offset()).isZero();
        assertThat(page.meta().totalCount()).isNull();
        assertThat(page.meta().hasNext()).isTrue();
        assertThat(page.objects()).hasSize(2);
    }

    @Test
    void shouldReportAnUnknownMessageAsNotFoundWithPlivosText() {
        assertThatThrownBy(() -> plivo.getMessage(account, UNKNOWN_UUID))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("{");
                });
    }

    @Test
    void shouldRefuseWrongCredentialsAsUnauthorized() {
        PlivoAccount wrong =
                new PlivoAccount(account.authId(), "not-the-token-000000000000000000000000", account.baseUrl());

        assertThatThrownBy(() -> plivo.listNumbers(wrong, PlivoNumbers.Query.page(20, 0)))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    @Test
    void shouldSearchNumbersOfACountryAndType() {
        PlivoPage<PlivoNumbers.Available> page =
                plivo.searchNumbers(account, new PlivoNumbers.Search("US", "local", null, null, null, 3, 0));

        assertThat(page.objects()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(page.meta().totalCount()).isNotNull();
        PlivoNumbers.Available first = page.objects().get(0);
        assertThat(first.number()).startsWith("1");
        assertThat(first.type()).isIn("fixed", "mobile", "tollfree");
        assertThat(first.smsEnabled()).isTrue();
        assertThat(first.resourceUri()).endsWith("/PhoneNumber/" + first.number() + "/");
    }

    @Test
    void shouldBuyANumberAndFindItOnTheAccount() {
        String number = numberForSale(account);

        PlivoNumbers.Bought bought = plivo.buyNumber(account, number, null);
        PlivoNumbers.Owned owned = plivo.getNumber(account, number);

        assertThat(bought.status()).isEqualTo("fulfilled");
        assertThat(bought.numbers())
                .extracting(PlivoNumbers.BoughtNumber::status)
                .containsExactly("Success");
        assertThat(owned.number()).isEqualTo(number);
        assertThat(owned.numberType()).isIn("local", "fixed", "mobile", "tollfree", "national");
        assertThat(owned.resourceUri()).isEqualTo("/v1/Account/" + account.authId() + "/Number/" + number + "/");
    }

    @Test
    void shouldUpdateListAndUnrentAnAccountNumber() {
        String number = ownedNumber(account);

        PlivoAck changed = plivo.updateNumber(account, number, new PlivoNumbers.Update(null, null, "front-desk"));
        PlivoPage<PlivoNumbers.Owned> page = plivo.listNumbers(account, PlivoNumbers.Query.page(20, 0));
        plivo.unrentNumber(account, number);

        assertThat(changed.message()).isEqualTo("changed");
        assertThat(page.objects()).extracting(PlivoNumbers.Owned::number).contains(number);
        assertThat(page.meta().totalCount()).isPositive();
    }

    @Test
    void shouldCreateGetListUpdateAndDeleteASubaccount() {
        PlivoSubaccounts.Created created = plivo.createSubaccount(account, "Branch office", true);
        String id = created.authId();

        PlivoSubaccounts.Subaccount fetched = plivo.getSubaccount(account, id);
        PlivoPage<PlivoSubaccounts.Subaccount> page = plivo.listSubaccounts(account, 20, 0);
        PlivoAck changed = plivo.updateSubaccount(account, id, "Branch", false);
        plivo.deleteSubaccount(account, id, Cascade.MOVE_TO_MAIN_ACCOUNT);

        assertThat(id).hasSize(20).startsWith("SA");
        assertThat(created.authToken()).isNotBlank();
        assertThat(fetched.authId()).isEqualTo(id);
        assertThat(fetched.account()).isEqualTo("/v1/Account/" + account.authId() + "/");
        assertThat(page.objects())
                .extracting(PlivoSubaccounts.Subaccount::authId)
                .contains(id);
        assertThat(changed.message()).isEqualTo("changed");
    }

    @Test
    void shouldCreateGetListUpdateAndDeleteAnApplication() {
        PlivoApplications.Created created = plivo.createApplication(
                account,
                PlivoApplications.Settings.messaging(
                        "ferry-app", "https://ferry.example/answer", "https://ferry.example/inbound"));
        String appId = created.appId();

        PlivoApplications.Application fetched = plivo.getApplication(account, appId);
        PlivoPage<PlivoApplications.Application> page =
                plivo.listApplications(account, new PlivoApplications.Query(null, null, 20, 0));
        PlivoAck changed = plivo.updateApplication(
                account,
                appId,
                new PlivoApplications.Settings(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "https://ferry.example/v2/inbound",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        plivo.deleteApplication(account, appId, true);

        assertThat(created.message()).isEqualTo("created");
        assertThat(appId).matches("[0-9]+");
        assertThat(fetched.appId()).isEqualTo(appId);
        assertThat(fetched.messageMethod()).isEqualTo("POST");
        assertThat(fetched.sipUri()).isEqualTo("sip:" + appId + "@app.plivo.com");
        assertThat(page.objects())
                .extracting(PlivoApplications.Application::appId)
                .contains(appId);
        assertThat(changed.message()).isEqualTo("changed");
    }

    @Test
    void shouldManageAPowerpackAndItsNumberPool() {
        String number = ownedNumber(account);
        PlivoPowerpacks.Powerpack created =
                plivo.createPowerpack(account, PlivoPowerpacks.Settings.named("ferry-pack"));
        String pool = created.numberPoolUuid();

        PlivoPowerpacks.Powerpack fetched = plivo.getPowerpack(account, created.uuid());
        PlivoPage<PlivoPowerpacks.Powerpack> packs = plivo.listPowerpacks(account, 20, 0);
        PlivoPowerpacks.Powerpack renamed = plivo.updatePowerpack(
                account, created.uuid(), new PlivoPowerpacks.Settings("ferry-pack-2", false, null, null, null, null));
        PlivoPowerpacks.PoolNumber added = plivo.addPoolNumber(account, pool, number, "sms");
        PlivoPage<PlivoPowerpacks.PoolNumber> members = plivo.listPoolNumbers(account, pool, 20, 0);
        plivo.removePoolNumber(account, pool, number, false);
        plivo.deletePowerpack(account, created.uuid(), false);

        assertThat(created.numberPool()).isEqualTo("/v1/Account/" + account.authId() + "/NumberPool/" + pool + "/");
        assertThat(created.stickySender()).isTrue();
        assertThat(fetched.uuid()).isEqualTo(created.uuid());
        assertThat(packs.objects()).extracting(PlivoPowerpacks.Powerpack::uuid).contains(created.uuid());
        assertThat(renamed.name()).isEqualTo("ferry-pack-2");
        assertThat(added.number()).isEqualTo(number);
        assertThat(added.service()).isEqualTo("sms");
        assertThat(members.objects())
                .extracting(PlivoPowerpacks.PoolNumber::number)
                .contains(number);
    }

    @Test
    void shouldLookUpTheCarrierOfANumber() {
        PlivoLookup.Result result = plivo.lookup(account, "+14155550100");

        assertThat(result.phoneNumber()).isEqualTo("+14155550100");
        assertThat(result.country().iso2()).isEqualTo("US");
        assertThat(result.format().e164()).isEqualTo("+14155550100");
        assertThat(result.carrier().type()).isIn("fixed", "mobile", "voip", "toll-free", "unknown");
        assertThat(result.resourceUri()).isEqualTo("/v1/Number/+14155550100?type=carrier");
    }

    @Test
    void shouldReportAnInvalidLookupAsNotFoundWithTheLookupMessage() {
        assertThatThrownBy(() -> plivo.lookup(account, "+999")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Phone number is invalid or does not exist.");
        });
    }
}
