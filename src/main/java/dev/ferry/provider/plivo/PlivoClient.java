package dev.ferry.provider.plivo;

import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.plivo.PlivoApplications.Application;
import dev.ferry.provider.plivo.PlivoMessages.Message;
import dev.ferry.provider.plivo.PlivoMessages.Send;
import dev.ferry.provider.plivo.PlivoMessages.Sent;
import dev.ferry.provider.plivo.PlivoNumbers.Available;
import dev.ferry.provider.plivo.PlivoNumbers.Bought;
import dev.ferry.provider.plivo.PlivoNumbers.Owned;
import dev.ferry.provider.plivo.PlivoPowerpacks.PoolNumber;
import dev.ferry.provider.plivo.PlivoPowerpacks.Powerpack;
import dev.ferry.provider.plivo.PlivoSubaccounts.Cascade;
import dev.ferry.provider.plivo.PlivoSubaccounts.Subaccount;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Ferry's typed client of Plivo's REST API. Every method takes the account to act as, so one client serves every
 * tenant; credentials travel as HTTP Basic on each request and are never kept. Failures arrive as
 * {@link dev.ferry.provider.ProviderException} (see {@link PlivoErrorTranslator}). Reads are retried on transient
 * failures, updates and deletes on 429 only, and creates, purchases and sends never ({@link PlivoRetries}).
 *
 * <p>Blocking: call it from worker threads, never from the event loop.
 */
@ApplicationScoped
public class PlivoClient {

    private final Map<URI, PlivoApi> apis = new ConcurrentHashMap<>();
    private final Map<URI, PlivoLookupApi> lookups = new ConcurrentHashMap<>();

    @Inject
    PlivoConfig config;

    @Inject
    PlivoRetries retries;

    @Inject
    PlivoGateway gateway;

    // ---- Messaging --------------------------------------------------------------------------------------------

    /** Sends an SMS or MMS to one or more destinations (at most 1,000). Never retried. */
    public Sent sendMessage(PlivoAccount account, Send message) {
        if (message.destinations() == null || message.destinations().isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one destination");
        }
        String body = PlivoErrorTranslator.body(message.toBody());
        return once(() ->
                PlivoErrorTranslator.read(api(account).sendMessage(auth(account), account.authId(), body), Sent.class));
    }

    /** One message's detail record. */
    public Message getMessage(PlivoAccount account, String messageUuid) {
        return read(() -> PlivoErrorTranslator.read(
                api(account).getMessage(auth(account), account.authId(), messageUuid), Message.class));
    }

    /** A page of messages, newest first; without a time filter Plivo returns only the last 24 hours. */
    public PlivoPage<Message> listMessages(PlivoAccount account, PlivoMessages.Query query) {
        return read(() -> PlivoErrorTranslator.readPage(
                api(account).listMessages(auth(account), account.authId(), query.toQuery()), Message.class));
    }

    // ---- Numbers ----------------------------------------------------------------------------------------------

    /** Numbers Plivo offers for rent. */
    public PlivoPage<Available> searchNumbers(PlivoAccount account, PlivoNumbers.Search search) {
        return read(() -> PlivoErrorTranslator.readPage(
                api(account).searchNumbers(auth(account), account.authId(), search.toQuery()), Available.class));
    }

    /** Rents a number (digits without +). Never retried: a lost answer may hide a completed purchase. */
    public Bought buyNumber(PlivoAccount account, String number, PlivoNumbers.Buy options) {
        String body = PlivoErrorTranslator.body(options == null ? Map.of() : options.toBody());
        return once(() -> PlivoErrorTranslator.read(
                api(account).buyNumber(auth(account), account.authId(), number, body), Bought.class));
    }

    public PlivoPage<Owned> listNumbers(PlivoAccount account, PlivoNumbers.Query query) {
        return read(() -> PlivoErrorTranslator.readPage(
                api(account).listNumbers(auth(account), account.authId(), query.toQuery()), Owned.class));
    }

    public Owned getNumber(PlivoAccount account, String number) {
        return read(() -> PlivoErrorTranslator.read(
                api(account).getNumber(auth(account), account.authId(), number), Owned.class));
    }

    /** Links a number to an application, moves it to a subaccount or sets its alias. */
    public PlivoAck updateNumber(PlivoAccount account, String number, PlivoNumbers.Update update) {
        String body = PlivoErrorTranslator.body(update.toBody());
        return change(() ->
                PlivoErrorTranslator.readAck(api(account).updateNumber(auth(account), account.authId(), number, body)));
    }

    /** Gives a number back to Plivo. */
    public void unrentNumber(PlivoAccount account, String number) {
        change(() -> PlivoErrorTranslator.readAck(api(account).unrentNumber(auth(account), account.authId(), number)));
    }

    // ---- Subaccounts ------------------------------------------------------------------------------------------

    /** Creates a subaccount of the (main) account. Never retried. */
    public PlivoSubaccounts.Created createSubaccount(PlivoAccount account, String name, boolean enabled) {
        String body = PlivoErrorTranslator.body(Map.of("name", name, "enabled", enabled));
        return once(() -> PlivoErrorTranslator.read(
                api(account).createSubaccount(auth(account), account.authId(), body), PlivoSubaccounts.Created.class));
    }

    public PlivoPage<Subaccount> listSubaccounts(PlivoAccount account, int limit, int offset) {
        Map<String, String> query =
                Queries.of().put("limit", limit).put("offset", offset).build();
        return read(() -> PlivoErrorTranslator.readPage(
                api(account).listSubaccounts(auth(account), account.authId(), query), Subaccount.class));
    }

    public Subaccount getSubaccount(PlivoAccount account, String subauthId) {
        return read(() -> PlivoErrorTranslator.read(
                api(account).getSubaccount(auth(account), account.authId(), subauthId), Subaccount.class));
    }

    /** Renames a subaccount and enables or disables it; Plivo's docs treat the name as required. */
    public PlivoAck updateSubaccount(PlivoAccount account, String subauthId, String name, Boolean enabled) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        if (enabled != null) {
            fields.put("enabled", enabled);
        }
        String body = PlivoErrorTranslator.body(fields);
        return change(() -> PlivoErrorTranslator.readAck(
                api(account).updateSubaccount(auth(account), account.authId(), subauthId, body)));
    }

    /**
     * Deletes a subaccount. {@link Cascade#DELETE_RESOURCES} also deletes its applications and unrents its numbers;
     * {@link Cascade#MOVE_TO_MAIN_ACCOUNT} hands them to the main account. The flag goes in a JSON body, as Plivo's
     * SDKs send it.
     */
    public void deleteSubaccount(PlivoAccount account, String subauthId, Cascade cascade) {
        String body = PlivoErrorTranslator.body(Map.of("cascade", cascade == Cascade.DELETE_RESOURCES));
        change(() -> PlivoErrorTranslator.readAck(
                api(account).deleteSubaccount(auth(account), account.authId(), subauthId, body)));
    }

    // ---- Applications -----------------------------------------------------------------------------------------

    /** Creates an application. Never retried. */
    public PlivoApplications.Created createApplication(PlivoAccount account, PlivoApplications.Settings settings) {
        String body = PlivoErrorTranslator.body(settings);
        return once(() -> PlivoErrorTranslator.read(
                api(account).createApplication(auth(account), account.authId(), body),
                PlivoApplications.Created.class));
    }

    public PlivoPage<Application> listApplications(PlivoAccount account, PlivoApplications.Query query) {
        return read(() -> PlivoErrorTranslator.readPage(
                api(account).listApplications(auth(account), account.authId(), query.toQuery()), Application.class));
    }

    public Application getApplication(PlivoAccount account, String appId) {
        return read(() -> PlivoErrorTranslator.read(
                api(account).getApplication(auth(account), account.authId(), appId), Application.class));
    }

    public PlivoAck updateApplication(PlivoAccount account, String appId, PlivoApplications.Settings settings) {
        String body = PlivoErrorTranslator.body(settings);
        return change(() -> PlivoErrorTranslator.readAck(
                api(account).updateApplication(auth(account), account.authId(), appId, body)));
    }

    /**
     * Deletes an application. Numbers linked to it are left without one.
     *
     * @param cascade also delete the endpoints attached to it (Plivo's default is true)
     */
    public void deleteApplication(PlivoAccount account, String appId, boolean cascade) {
        String body = PlivoErrorTranslator.body(Map.of("cascade", cascade));
        change(() -> PlivoErrorTranslator.readAck(
                api(account).deleteApplication(auth(account), account.authId(), appId, body)));
    }

    // ---- Powerpack --------------------------------------------------------------------------------------------

    /** Creates a Powerpack (Plivo answers 200 with the object). Never retried. */
    public Powerpack createPowerpack(PlivoAccount account, PlivoPowerpacks.Settings settings) {
        String body = PlivoErrorTranslator.body(settings);
        return once(() -> PlivoErrorTranslator.read(
                api(account).createPowerpack(auth(account), account.authId(), body), Powerpack.class));
    }

    public PlivoPage<Powerpack> listPowerpacks(PlivoAccount account, int limit, int offset) {
        Map<String, String> query =
                Queries.of().put("limit", limit).put("offset", offset).build();
        return read(() -> PlivoErrorTranslator.readPage(
                api(account).listPowerpacks(auth(account), account.authId(), query), Powerpack.class));
    }

    public Powerpack getPowerpack(PlivoAccount account, String uuid) {
        return read(() -> PlivoErrorTranslator.read(
                api(account).getPowerpack(auth(account), account.authId(), uuid), Powerpack.class));
    }

    /** Changes a Powerpack; Plivo answers with the whole object. */
    public Powerpack updatePowerpack(PlivoAccount account, String uuid, PlivoPowerpacks.Settings settings) {
        String body = PlivoErrorTranslator.body(settings);
        return change(() -> PlivoErrorTranslator.read(
                api(account).updatePowerpack(auth(account), account.authId(), uuid, body), Powerpack.class));
    }

    /**
     * Deletes a Powerpack. The flag is always sent: Plivo documents {@code unrent_numbers} false by default, while its
     * Java SDK defaults it to true. Accepts both the 204 and the 200 answer the docs describe.
     */
    public void deletePowerpack(PlivoAccount account, String uuid, boolean unrentNumbers) {
        String body = PlivoErrorTranslator.body(Map.of("unrent_numbers", unrentNumbers));
        change(() -> PlivoErrorTranslator.readAck(
                api(account).deletePowerpack(auth(account), account.authId(), uuid, body)));
    }

    /** Adds a number of the account to a pool. Repeating it changes nothing, so it is retried on 429 only. */
    public PoolNumber addPoolNumber(PlivoAccount account, String numberPoolUuid, String number, String service) {
        String body = PlivoErrorTranslator.body(Map.of("service", service == null ? "sms" : service));
        return change(() -> PlivoErrorTranslator.read(
                api(account).addPoolNumber(auth(account), account.authId(), numberPoolUuid, number, body),
                PoolNumber.class));
    }

    /** Removes a number from a pool; {@code unrent} also gives it back to Plivo (always sent, see deletePowerpack). */
    public void removePoolNumber(PlivoAccount account, String numberPoolUuid, String number, boolean unrent) {
        String body = PlivoErrorTranslator.body(Map.of("unrent", unrent));
        change(() -> PlivoErrorTranslator.readAck(
                api(account).removePoolNumber(auth(account), account.authId(), numberPoolUuid, number, body)));
    }

    public PlivoPage<PoolNumber> listPoolNumbers(PlivoAccount account, String numberPoolUuid, int limit, int offset) {
        Map<String, String> query =
                Queries.of().put("limit", limit).put("offset", offset).build();
        return read(() -> PlivoErrorTranslator.readPage(
                api(account).listPoolNumbers(auth(account), account.authId(), numberPoolUuid, query),
                PoolNumber.class));
    }

    // ---- Lookup -----------------------------------------------------------------------------------------------

    /** Carrier lookup of a number in E.164 with its {@code +}. */
    public PlivoLookup.Result lookup(PlivoAccount account, String e164) {
        return read(() -> PlivoErrorTranslator.read(
                lookupApi(account).lookup(auth(account), e164, "carrier"), PlivoLookup.Result.class));
    }

    /**
     * The Lookup API's root for an account. Plivo's own host pairs with the configured lookup host; any other base
     * URL (Ferry's sandbox at .../sandbox/plivo, a test stub) has its Lookup API beside it at the same path plus
     * {@code -lookup}.
     */
    URI lookupBaseUrl(PlivoAccount account) {
        URI base = account.baseUrl();
        if (stripSlash(base).equals(stripSlash(config.apiBaseUrl()))) {
            return config.lookupBaseUrl();
        }
        return URI.create(stripSlash(base) + "-lookup");
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private <T> T read(Supplier<T> call) {
        try {
            return retries.read(call);
        } catch (CircuitBreakerOpenException e) {
            throw PlivoErrorTranslator.breakerOpen(e);
        }
    }

    private <T> T change(Supplier<T> call) {
        try {
            return retries.change(call);
        } catch (CircuitBreakerOpenException e) {
            throw PlivoErrorTranslator.breakerOpen(e);
        }
    }

    private <T> T once(Supplier<T> call) {
        try {
            return gateway.attempt(call);
        } catch (CircuitBreakerOpenException e) {
            throw PlivoErrorTranslator.breakerOpen(e);
        }
    }

    private PlivoApi api(PlivoAccount account) {
        return apis.computeIfAbsent(
                stripSlash(account.baseUrl()), base -> builder(base).build(PlivoApi.class));
    }

    private PlivoLookupApi lookupApi(PlivoAccount account) {
        return lookups.computeIfAbsent(
                lookupBaseUrl(account), base -> builder(stripSlash(base)).build(PlivoLookupApi.class));
    }

    private QuarkusRestClientBuilder builder(URI base) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true);
    }

    private static String auth(PlivoAccount account) {
        String pair = account.authId() + ":" + account.authToken();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static URI stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
