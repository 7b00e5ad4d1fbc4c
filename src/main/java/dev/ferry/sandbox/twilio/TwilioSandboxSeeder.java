package dev.ferry.sandbox.twilio;

import dev.ferry.common.replica.SeedLock;
import dev.ferry.sandbox.SandboxSeeds;
import dev.ferry.sandbox.twilio.TwilioSandboxInventoryBuilder.Entry;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAccount;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioAlphaSender;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioGeoPermission;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioNumber;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioService;
import dev.ferry.sandbox.twilio.domain.SandboxTwilioServiceNumber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Creates the demo Twilio accounts named in {@code ferry.seed.sandbox.<tenant>.twilio-*} when the sandboxes are on.
 * Everything is derived from the configuration and libphonenumber, so every start builds the same rows; a tenant
 * whose main account already exists is left alone, which makes the seed idempotent across restarts (each tenant is
 * seeded in one transaction, so there are no half seeds to resume).
 *
 * <p>{@code full}: three subaccounts hold the numbers (a region's numbers all in one subaccount, regions dealt out in
 * turn); subaccounts 1 and 2 each run a Messaging Service with part of their SMS-capable numbers and alphanumeric
 * senders; the main account has a geo-permission list that subaccounts 1 and 2 inherit, subaccount 3 has its own.
 * {@code small}: a few countries split between the main account and one subaccount, one service, a short list.
 */
@ApplicationScoped
public class TwilioSandboxSeeder {

    private static final Logger LOG = Logger.getLogger(TwilioSandboxSeeder.class);
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2024, 1, 15, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final List<String> SMALL_REGIONS = List.of("AU", "CA", "DE", "FR", "GB", "NL", "US");

    @Inject
    TwilioSandboxGuard guard;

    @Inject
    SandboxSeeds seeds;

    @Inject
    SeedLock seedLock;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!guard.enabled()) {
            return;
        }
        // Sorted, so that which tenant takes a number first never depends on the order of configuration.
        new TreeMap<>(seeds.tenants()).forEach((tenant, seed) -> {
            if (seed.twilioAccountSid().isPresent() && seed.twilioAuthToken().isPresent()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    seedLock.hold();
                    seedTenant(
                            tenant,
                            seed.twilioAccountSid().get(),
                            seed.twilioAuthToken().get(),
                            "full".equals(seed.twilioInventory()));
                });
            }
        });
    }

    /** Seeds one tenant's main account unless it exists, inside the caller's transaction. */
    private void seedTenant(String tenant, String mainSid, String mainToken, boolean full) {
        if (SandboxTwilioAccount.findById(mainSid) != null) {
            return;
        }
        String label = Character.toUpperCase(tenant.charAt(0)) + tenant.substring(1);
        SandboxTwilioAccount main = account(mainSid, mainSid, label + " (main)", mainToken, 0);
        Set<String> taken = new HashSet<>(SandboxTwilioNumber.<SandboxTwilioNumber>listAll().stream()
                .map(n -> n.phoneNumber)
                .toList());

        List<SandboxTwilioAccount> holders = new ArrayList<>();
        List<Entry> entries;
        if (full) {
            for (String name : List.of("Support", "Sales", "Operations")) {
                holders.add(subaccount(main, label + " " + name, holders.size() + 1));
            }
            entries = TwilioSandboxInventoryBuilder.build(List.of(), 0, 2, taken);
        } else {
            holders.add(main);
            holders.add(subaccount(main, label + " Retail", 1));
            entries = TwilioSandboxInventoryBuilder.build(SMALL_REGIONS, 3, 1, taken);
        }

        Map<String, Integer> regionSlot = new TreeMap<>();
        List<List<SandboxTwilioNumber>> byHolder = new ArrayList<>();
        holders.forEach(h -> byHolder.add(new ArrayList<>()));
        int index = 0;
        for (Entry entry : entries) {
            int slot = regionSlot.computeIfAbsent(entry.seedRegion(), r -> regionSlot.size() % holders.size());
            SandboxTwilioAccount holder = holders.get(slot);
            SandboxTwilioNumber number = number(holder, entry, index++, label);
            byHolder.get(slot).add(number);
        }

        if (full) {
            SandboxTwilioService notifications = service(holders.get(0), label + " Notifications", "notifications");
            pool(notifications, byHolder.get(0), 40);
            alpha(notifications, label.toUpperCase());
            alpha(notifications, label + "Alert");
            SandboxTwilioService marketing = service(holders.get(1), label + " Marketing", "marketing");
            marketing.useInboundWebhookOnNumber = true;
            pool(marketing, byHolder.get(1), 25);
            alpha(marketing, label + "Shop");
            geo(
                    main,
                    List.of("AU", "BR", "CA", "DE", "ES", "FR", "GB", "IE", "IN", "IT", "JP", "MX", "NL", "SE", "US"),
                    List.of("CU", "IR", "KP", "NG", "PK", "SY"));
            geo(holders.get(2), List.of("CA", "GB", "US"), List.of("IN"));
        } else {
            SandboxTwilioService alerts = service(main, label + " Alerts", "notifications");
            pool(alerts, byHolder.get(0), 10);
            alpha(alerts, label.toUpperCase());
            geo(main, List.of("CA", "DE", "GB", "US"), List.of("NG"));
        }
        LOG.infof(
                "Twilio sandbox seeded for %s: %d numbers in %d accounts",
                tenant, entries.size(), full ? holders.size() + 1 : holders.size());
    }

    private static SandboxTwilioAccount subaccount(SandboxTwilioAccount main, String name, int n) {
        String sid = "AC" + hex(main.sid + "/subaccount/" + n);
        // Derived from the main token, so a subaccount's token is as private as the configured one.
        return account(sid, main.sid, name, hex(main.authToken + "/" + sid), n);
    }

    private static SandboxTwilioAccount account(String sid, String owner, String name, String token, int n) {
        SandboxTwilioAccount a = new SandboxTwilioAccount();
        a.sid = sid;
        a.ownerAccountSid = owner;
        a.friendlyName = name;
        a.authToken = token;
        a.dateCreated = EPOCH.plusDays(n);
        a.dateUpdated = a.dateCreated;
        a.persist();
        return a;
    }

    private static SandboxTwilioNumber number(SandboxTwilioAccount holder, Entry entry, int index, String label) {
        SandboxTwilioNumber n = new SandboxTwilioNumber();
        n.sid = "PN" + hex(holder.sid + "/" + entry.e164());
        n.accountSid = holder.sid;
        n.phoneNumber = entry.e164();
        n.friendlyName = label + " " + entry.seedRegion() + " "
                + entry.seedType().toLowerCase().replace('_', ' ');
        n.isoCountry = entry.isoCountry();
        n.numberType = entry.numberType();
        n.seedRegion = entry.seedRegion();
        n.seedType = entry.seedType();
        boolean northAmerica = "US".equals(entry.isoCountry()) || "CA".equals(entry.isoCountry());
        switch (entry.numberType()) {
            case "MOBILE", "FIXED_LINE_OR_MOBILE" -> {
                n.voice = true;
                n.sms = true;
                n.mms = northAmerica;
            }
            case "TOLL_FREE" -> {
                n.voice = true;
                n.sms = true;
            }
            case "FIXED_LINE" -> {
                n.voice = true;
                n.fax = true;
            }
            default -> n.voice = true;
        }
        // Every fifth number has no webhooks at all, as numbers parked on an account do.
        if (index % 5 != 4) {
            String app = "https://apps." + label.toLowerCase() + ".example/twilio";
            n.voiceUrl = app + "/voice?n=" + index;
            n.statusCallback = index % 3 == 0 ? app + "/status" : null;
            n.smsUrl = n.sms ? app + "/sms" : null;
            n.smsMethod = index % 2 == 0 ? "POST" : "GET";
        }
        n.dateCreated = EPOCH.plusHours(index);
        n.dateUpdated = n.dateCreated;
        n.persist();
        return n;
    }

    private static SandboxTwilioService service(SandboxTwilioAccount owner, String name, String usecase) {
        SandboxTwilioService s = new SandboxTwilioService();
        s.sid = "MG" + hex(owner.sid + "/service/" + name);
        s.accountSid = owner.sid;
        s.friendlyName = name;
        s.usecase = usecase;
        s.inboundRequestUrl = "https://apps.example/twilio/services/" + usecase + "/inbound";
        s.statusCallback = "https://apps.example/twilio/services/" + usecase + "/status";
        s.dateCreated = EPOCH.plusDays(2);
        s.dateUpdated = s.dateCreated;
        s.persist();
        return s;
    }

    private static void pool(SandboxTwilioService service, List<SandboxTwilioNumber> numbers, int max) {
        numbers.stream().filter(n -> n.sms).limit(max).forEach(n -> {
            SandboxTwilioServiceNumber member = new SandboxTwilioServiceNumber();
            member.numberSid = n.sid;
            member.serviceSid = service.sid;
            member.dateCreated = service.dateCreated;
            member.persist();
        });
    }

    private static void alpha(SandboxTwilioService service, String sender) {
        SandboxTwilioAlphaSender a = new SandboxTwilioAlphaSender();
        a.sid = "AI" + hex(service.sid + "/" + sender);
        a.serviceSid = service.sid;
        a.alphaSender = sender.length() > 11 ? sender.substring(0, 11) : sender;
        a.dateCreated = service.dateCreated;
        a.persist();
    }

    private static void geo(SandboxTwilioAccount account, List<String> enabled, List<String> disabled) {
        enabled.forEach(c -> permission(account, c, true));
        disabled.forEach(c -> permission(account, c, false));
    }

    private static void permission(SandboxTwilioAccount account, String country, boolean enabled) {
        SandboxTwilioGeoPermission p = new SandboxTwilioGeoPermission();
        p.id = new SandboxTwilioGeoPermission.Key(account.sid, country);
        p.enabled = enabled;
        p.persist();
    }

    /** 32 hex digits derived from a seed string: stable sids and tokens without randomness. */
    static String hex(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
