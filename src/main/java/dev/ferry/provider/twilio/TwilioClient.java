package dev.ferry.provider.twilio;

import dev.ferry.provider.ProviderException;
import dev.ferry.provider.TwilioAccount;
import dev.ferry.provider.twilio.TwilioModels.Account;
import dev.ferry.provider.twilio.TwilioModels.AlphaSender;
import dev.ferry.provider.twilio.TwilioModels.GeoPermission;
import dev.ferry.provider.twilio.TwilioModels.IncomingNumber;
import dev.ferry.provider.twilio.TwilioModels.MessagingService;
import dev.ferry.provider.twilio.TwilioModels.Meta;
import dev.ferry.provider.twilio.TwilioModels.ServicePhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads a Twilio account's inventory: the account and its subaccounts, incoming phone numbers, Messaging Services
 * with their phone numbers and alphanumeric senders, and messaging geo permissions. Every method takes the
 * credentials to use ({@link TwilioAccount}, from the tenant's vault entry) and reads every page, following
 * Twilio's paging links verbatim. Failures arrive as {@link ProviderException}; nothing here logs a credential.
 *
 * <p>Note Twilio's rule for subaccounts: a main account's credentials reach its subaccounts' 2010 resources
 * (numbers), but Messaging Services and geo permissions are read with the subaccount's own token, which
 * {@link #listAccounts} returns for subaccounts.
 */
@ApplicationScoped
public class TwilioClient {

    private static final Logger LOG = Logger.getLogger(TwilioClient.class);
    /** Guards against a paging loop; at Twilio's 1000 per page this is ten million records. */
    private static final int MAX_PAGES = 10_000;

    enum Host {
        API("api"),
        MESSAGING("messaging"),
        ACCOUNTS("accounts");

        final String label;

        Host(String label) {
            this.label = label;
        }
    }

    @Inject
    @RestClient
    TwilioApi api;

    @Inject
    TwilioGuard guard;

    @Inject
    TwilioConfig config;

    /** Fetches one account; also the cheapest check that credentials work. */
    public Account fetchAccount(TwilioAccount account, String accountSid) {
        String host = host(account, Host.API);
        Account found = call("fetch account", () -> api.account(host, basic(account), accountSid));
        if (found == null || found.sid() == null) {
            throw TwilioErrorTranslator.malformed("has no account sid");
        }
        return found;
    }

    /** The account the credentials belong to and, for a main account, all its subaccounts. */
    public List<Account> listAccounts(TwilioAccount account) {
        String host = host(account, Host.API);
        String auth = basic(account);
        return pages2010(
                "list accounts",
                host,
                () -> api.accounts(host, auth, config.pageSize()),
                url -> api.accountsAt(url, auth),
                TwilioModels.AccountPage::accounts,
                TwilioModels.AccountPage::nextPageUri,
                "accounts");
    }

    /** Every incoming phone number of an account (the credentials' own, or one of its subaccounts). */
    public List<IncomingNumber> listIncomingNumbers(TwilioAccount account, String accountSid) {
        List<IncomingNumber> all = new ArrayList<>();
        eachIncomingNumberPage(account, accountSid, all::addAll);
        return all;
    }

    /**
     * The incoming phone numbers of an account, handed over page by page as Twilio answers them, so that a caller can
     * work on one page while the next is read.
     */
    public void eachIncomingNumberPage(TwilioAccount account, String accountSid, Consumer<List<IncomingNumber>> page) {
        String host = host(account, Host.API);
        String auth = basic(account);
        pages2010(
                "list incoming numbers",
                host,
                () -> api.incomingNumbers(host, auth, accountSid, config.pageSize()),
                url -> api.incomingNumbersAt(url, auth),
                TwilioModels.NumberPage::incomingPhoneNumbers,
                TwilioModels.NumberPage::nextPageUri,
                "incoming_phone_numbers",
                page);
    }

    /** The Messaging Services of the credentials' account. */
    public List<MessagingService> listMessagingServices(TwilioAccount account) {
        String host = host(account, Host.MESSAGING);
        String auth = basic(account);
        return pagesMeta(
                "list messaging services",
                host,
                () -> api.services(host, auth, config.pageSize()),
                url -> api.servicesAt(url, auth),
                TwilioModels.ServicePage::services,
                TwilioModels.ServicePage::meta,
                "services");
    }

    /** The phone numbers in a Messaging Service's pool. */
    public List<ServicePhoneNumber> listServicePhoneNumbers(TwilioAccount account, String serviceSid) {
        String host = host(account, Host.MESSAGING);
        String auth = basic(account);
        return pagesMeta(
                "list service phone numbers",
                host,
                () -> api.servicePhoneNumbers(host, auth, serviceSid, config.pageSize()),
                url -> api.servicePhoneNumbersAt(url, auth),
                TwilioModels.ServiceNumberPage::phoneNumbers,
                TwilioModels.ServiceNumberPage::meta,
                "phone_numbers");
    }

    /** The alphanumeric sender ids of a Messaging Service. */
    public List<AlphaSender> listAlphaSenders(TwilioAccount account, String serviceSid) {
        String host = host(account, Host.MESSAGING);
        String auth = basic(account);
        return pagesMeta(
                "list alpha senders",
                host,
                () -> api.alphaSenders(host, auth, serviceSid, config.pageSize()),
                url -> api.alphaSendersAt(url, auth),
                TwilioModels.AlphaSenderPage::alphaSenders,
                TwilioModels.AlphaSenderPage::meta,
                "alpha_senders");
    }

    /** The credentials' account's messaging geo permissions (one unpaged answer). */
    public List<GeoPermission> geoPermissions(TwilioAccount account) {
        String host = host(account, Host.ACCOUNTS);
        TwilioModels.GeoPermissionList list =
                call("read geo permissions", () -> api.geoPermissions(host, basic(account)));
        if (list == null || list.permissions() == null) {
            throw TwilioErrorTranslator.malformed("has no 'permissions'");
        }
        return list.permissions();
    }

    // ---- paging ---------------------------------------------------------------------------------------------

    /** 2010 style: records under a key, {@code next_page_uri} relative to the API host, null on the last page. */
    private <P, T> List<T> pages2010(
            String operation,
            String host,
            Supplier<P> first,
            Function<String, P> at,
            Function<P, List<T>> records,
            Function<P, String> next,
            String key) {
        List<T> all = new ArrayList<>();
        pages2010(operation, host, first, at, records, next, key, all::addAll);
        return all;
    }

    private <P, T> void pages2010(
            String operation,
            String host,
            Supplier<P> first,
            Function<String, P> at,
            Function<P, List<T>> records,
            Function<P, String> next,
            String key,
            Consumer<List<T>> each) {
        Set<String> seen = new HashSet<>();
        int count = 0;
        P page = call(operation, first);
        for (int n = 1; ; n++) {
            List<T> list = recordsOf(page, records, key);
            count += list.size();
            String uri = next.apply(page);
            if (uri != null && !uri.isEmpty() && !uri.startsWith("/2010-04-01/")) {
                throw TwilioErrorTranslator.malformed("links to a next page outside the 2010 API");
            }
            each.accept(list);
            if (uri == null || uri.isEmpty()) {
                LOG.debugf("%s: %d records in %d pages", operation, count, n);
                return;
            }
            String url = host + uri;
            checkProgress(seen, url, n);
            page = call(operation, () -> at.apply(url));
        }
    }

    /** v1 style: records under a key, {@code meta.next_page_url} absolute, null on the last page. */
    private <P, T> List<T> pagesMeta(
            String operation,
            String host,
            Supplier<P> first,
            Function<String, P> at,
            Function<P, List<T>> records,
            Function<P, Meta> meta,
            String key) {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        P page = call(operation, first);
        for (int n = 1; ; n++) {
            all.addAll(recordsOf(page, records, key));
            Meta m = page == null ? null : meta.apply(page);
            if (m == null) {
                throw TwilioErrorTranslator.malformed("has no 'meta'");
            }
            String url = m.nextPageUrl();
            if (url == null || url.isEmpty()) {
                LOG.debugf("%s: %d records in %d pages", operation, all.size(), n);
                return all;
            }
            // Credentials go only to the host they were meant for, whatever a link says.
            if (!url.startsWith(host + "/")) {
                throw TwilioErrorTranslator.malformed("links to a next page on another host");
            }
            checkProgress(seen, url, n);
            page = call(operation, () -> at.apply(url));
        }
    }

    private static <P, T> List<T> recordsOf(P page, Function<P, List<T>> records, String key) {
        List<T> list = page == null ? null : records.apply(page);
        if (list == null) {
            throw TwilioErrorTranslator.malformed("has no '" + key + "'");
        }
        return list;
    }

    private static void checkProgress(Set<String> seen, String url, int pages) {
        if (!seen.add(url) || pages >= MAX_PAGES) {
            throw TwilioErrorTranslator.malformed("pages in a loop");
        }
    }

    private <T> T call(String operation, Supplier<T> request) {
        try {
            return guard.read(operation, request);
        } catch (RuntimeException e) {
            throw TwilioErrorTranslator.translate(e);
        }
    }

    // ---- hosts and credentials ------------------------------------------------------------------------------

    /** The root of a Twilio host for this account: its own base URL plus the host's label, or the configured host. */
    String host(TwilioAccount account, Host host) {
        URI base = account.baseUrl();
        if (base != null && !base.toString().isBlank()) {
            return strip(base.toString()) + "/" + host.label;
        }
        URI configured = switch (host) {
            case API -> config.apiUrl();
            case MESSAGING -> config.messagingUrl();
            case ACCOUNTS -> config.accountsUrl();
        };
        return strip(configured.toString());
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String basic(TwilioAccount account) {
        String pair = account.accountSid() + ":" + account.authToken();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
