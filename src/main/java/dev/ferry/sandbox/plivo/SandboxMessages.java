package dev.ferry.sandbox.plivo;

import dev.ferry.messaging.segments.SmsSegments;
import dev.ferry.sandbox.plivo.domain.SandboxMessageStates;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoMessage;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPoolNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPowerpack;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/** Sending and reading messages in the Plivo sandbox (section 2 of the Plivo API reference). */
@ApplicationScoped
public class SandboxMessages {

    /**
     * Destinations (digits, as Plivo writes them) whose messages do not reach {@code delivered}, so tests can drive
     * Ferry's failure handling. Any other valid destination goes {@code queued → sent → delivered}.
     *
     * <ul>
     *   <li>{@code 14155550191}: {@code queued → failed}, error code 90 (no route), as when Plivo cannot hand the
     *       message to a carrier.
     *   <li>{@code 14155550192}: {@code queued → sent → undelivered}, error code 80 (destination temporarily
     *       unavailable), as when the carrier reports non-delivery.
     * </ul>
     */
    public static final Map<String, Outcome> RESERVED_DESTINATIONS = Map.of(
            "14155550191", new Outcome(SandboxMessageStates.FAILED, "90"),
            "14155550192", new Outcome(SandboxMessageStates.UNDELIVERED, "80"));

    /** Plivo's limit on destinations per send request. */
    static final int MAX_DESTINATIONS = 1000;

    private static final Logger LOG = Logger.getLogger(SandboxMessages.class);
    private static final Outcome DELIVERED = new Outcome(SandboxMessageStates.DELIVERED, "000");
    private static final DateTimeFormatter FILTER_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .optionalEnd()
            .optionalEnd()
            .toFormatter();

    /** How a message to a destination ends, and the error code Plivo would give it. */
    public record Outcome(String state, String errorCode) {}

    /** The answer to a send: the uuid of each accepted message and the destinations refused as malformed. */
    public record Accepted(List<UUID> uuids, List<String> invalid) {}

    public static Outcome outcomeFor(String destination) {
        return RESERVED_DESTINATIONS.getOrDefault(destination, DELIVERED);
    }

    /**
     * Accepts a send request: one queued message per valid, distinct destination. The caller starts their lifecycle
     * ({@link SandboxMessageLifecycle#start}) once this transaction has committed.
     */
    @Transactional
    public Accepted send(SandboxPlivoAccount caller, SandboxJson args) {
        String type = args.text("type", "sms").toLowerCase(Locale.ROOT);
        if (!type.equals("sms") && !type.equals("mms")) {
            throw PlivoFault.badRequest("type must be sms or mms in the sandbox");
        }
        String text = args.text("text");
        List<String> media = args.list("media_urls");
        media.addAll(args.list("media_ids"));
        if (type.equals("sms") && (text == null || text.isEmpty())) {
            throw PlivoFault.badRequest("text is required for sms");
        }
        if (type.equals("sms") && text.length() > 1600) {
            throw PlivoFault.badRequest("text is longer than 1600 characters");
        }
        if (type.equals("mms") && (media.isEmpty() || media.size() > 10)) {
            throw PlivoFault.badRequest("an mms needs 1 to 10 media_urls or media_ids");
        }
        String callbackUrl = args.text("url");
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            requireHttpUrl(callbackUrl);
        }
        String callbackMethod = args.text("method", "POST").toUpperCase(Locale.ROOT);
        if (!callbackMethod.equals("GET") && !callbackMethod.equals("POST")) {
            throw PlivoFault.badRequest("method must be GET or POST");
        }
        boolean log = args.bool("log", true);

        List<String> destinations = destinations(args.text("dst"));
        List<String> invalid = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (String dst : destinations) {
            if (NumberInventory.describe(dst).isPresent()) {
                valid.add(dst);
            } else {
                invalid.add(dst);
            }
        }
        if (valid.isEmpty()) {
            throw PlivoFault.badRequest("no valid destination number in dst");
        }
        Sender sender = sender(caller, args, valid);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int units = type.equals("mms") ? 1 : SmsSegments.analyse(text).segments();
        List<UUID> uuids = new ArrayList<>();
        for (String dst : valid) {
            SandboxPlivoMessage m = new SandboxPlivoMessage();
            m.messageUuid = UUID.randomUUID();
            m.mainId = caller.mainId();
            m.accountId = caller.authId;
            m.direction = "outbound";
            m.state = SandboxMessageStates.QUEUED;
            m.messageType = type;
            m.fromNumber = sender.from(dst);
            m.toNumber = dst;
            m.body = log ? text : null;
            m.mediaUrls = log && !media.isEmpty() ? String.join("\n", media) : null;
            m.units = units;
            m.powerpackId = sender.powerpackId();
            m.callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl;
            m.callbackMethod = callbackMethod;
            m.destinationIso = NumberInventory.describe(dst).get().countryIso();
            m.messageTime = now;
            m.updatedTime = now;
            m.persist();
            uuids.add(m.messageUuid);
        }
        LOG.infof("Plivo sandbox: %s queued %d message(s)", caller.authId, uuids.size());
        return new Accepted(uuids, invalid);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoMessage get(SandboxPlivoAccount caller, String uuid) {
        UUID id;
        try {
            id = UUID.fromString(uuid);
        } catch (IllegalArgumentException e) {
            throw PlivoFault.notFound("message not found");
        }
        SandboxPlivoMessage m = SandboxPlivoMessage.findById(id);
        if (m == null || !visible(caller, m)) {
            throw PlivoFault.notFound("message not found");
        }
        return m;
    }

    /** Messages of the last 90 days, newest first; without a time filter only the last 24 hours, as Plivo does. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SandboxPlivoMessage> list(SandboxPlivoAccount caller, SandboxJson args) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Predicate<OffsetDateTime> time = t -> true;
        boolean timeFiltered = false;
        for (String op : List.of("", "__gt", "__gte", "__lt", "__lte")) {
            String value = args.text("message_time" + op);
            if (value == null) {
                continue;
            }
            timeFiltered = true;
            OffsetDateTime bound = filterTime(value);
            Predicate<OffsetDateTime> check = switch (op) {
                case "__gt" -> t -> t.isAfter(bound);
                case "__gte" -> t -> !t.isBefore(bound);
                case "__lt" -> t -> t.isBefore(bound);
                case "__lte" -> t -> !t.isAfter(bound);
                default ->
                    t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .isEqual(bound.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            };
            time = time.and(check);
        }
        OffsetDateTime since = timeFiltered ? now.minusDays(90) : now.minusHours(24);
        String where = caller.isMain() ? "mainId = ?1 and messageTime >= ?2" : "accountId = ?1 and messageTime >= ?2";
        List<SandboxPlivoMessage> all = SandboxPlivoMessage.list(
                where, Sort.descending("messageTime").and("messageUuid"), caller.authId, since);
        String direction = args.text("message_direction");
        String state = args.text("message_state");
        String type = args.text("message_type");
        String sub = args.text("subaccount");
        String from = args.text("from_number");
        String to = args.text("to_number");
        String errorCode = args.text("error_code");
        String powerpack = args.text("powerpack_id");
        Predicate<OffsetDateTime> timeCheck = time;
        return all.stream()
                .filter(m -> timeCheck.test(m.messageTime))
                .filter(m -> direction == null || direction.equalsIgnoreCase(m.direction))
                .filter(m -> state == null || state.equalsIgnoreCase(m.state))
                .filter(m -> type == null || type.equalsIgnoreCase(m.messageType))
                .filter(m -> sub == null || sub.equals(m.accountId))
                .filter(m -> from == null || from.equals(m.fromNumber))
                .filter(m -> to == null || to.equals(m.toNumber))
                .filter(m -> errorCode == null || errorCode.equals(m.errorCode))
                .filter(m -> powerpack == null || powerpack.equals(m.powerpackId))
                .toList();
    }

    private static boolean visible(SandboxPlivoAccount caller, SandboxPlivoMessage m) {
        return caller.isMain() ? caller.authId.equals(m.mainId) : caller.authId.equals(m.accountId);
    }

    /** Splits dst on {@code <}, strips {@code / - . + ( )} and spaces, drops duplicates; at most 1,000. */
    static List<String> destinations(String dst) {
        if (dst == null || dst.isBlank()) {
            throw PlivoFault.badRequest("dst is required");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String part : dst.split("<")) {
            String cleaned = part.replaceAll("[/\\-.+() ]", "");
            if (!cleaned.isEmpty()) {
                unique.add(cleaned);
            }
        }
        if (unique.isEmpty()) {
            throw PlivoFault.badRequest("dst is required");
        }
        if (unique.size() > MAX_DESTINATIONS) {
            throw PlivoFault.badRequest("dst holds more than " + MAX_DESTINATIONS + " destinations");
        }
        return new ArrayList<>(unique);
    }

    /** Who a message is sent from: a number of the account, an alphanumeric sender id, or a Powerpack's pool. */
    private record Sender(String fixed, List<String> pool, String powerpackId) {
        String from(String dst) {
            if (fixed != null) {
                return fixed;
            }
            // Sticky sender: the same destination always gets the same pool number.
            return pool.get(Math.floorMod(dst.hashCode(), pool.size()));
        }
    }

    private static Sender sender(SandboxPlivoAccount caller, SandboxJson args, List<String> destinations) {
        String src = args.text("src");
        String powerpackUuid = args.text("powerpack_uuid");
        boolean hasSrc = src != null && !src.isBlank();
        boolean hasPowerpack = powerpackUuid != null && !powerpackUuid.isBlank();
        if (hasSrc == hasPowerpack) {
            throw PlivoFault.badRequest("give exactly one of src and powerpack_uuid");
        }
        if (hasPowerpack) {
            SandboxPlivoPowerpack pp;
            try {
                pp = SandboxPlivoPowerpack.findById(UUID.fromString(powerpackUuid));
            } catch (IllegalArgumentException e) {
                pp = null;
            }
            if (pp == null || !Scope.of(caller).reaches(pp.mainId, pp.subAccount)) {
                throw PlivoFault.badRequest("powerpack_uuid " + powerpackUuid + " is not a Powerpack of this account");
            }
            List<String> pool = SandboxPlivoPoolNumber.<SandboxPlivoPoolNumber>list(
                            "numberPoolUuid", Sort.ascending("number"), pp.numberPoolUuid)
                    .stream()
                    .map(p -> p.number)
                    .toList();
            if (pool.isEmpty()) {
                throw PlivoFault.badRequest("the Powerpack's number pool is empty");
            }
            return new Sender(null, pool, pp.uuid.toString());
        }
        String digits = src.replaceAll("[^A-Za-z0-9]", "");
        if (digits.matches("[0-9]+")) {
            SandboxPlivoNumber number = SandboxPlivoNumber.findById(digits);
            if (number == null || !Scope.of(caller).reaches(number.mainId, number.subAccount)) {
                throw PlivoFault.badRequest("src " + digits + " is not a number of this account");
            }
            return new Sender(digits, null, null);
        }
        if (digits.length() > 11) {
            throw PlivoFault.badRequest("an alphanumeric src has at most 11 characters");
        }
        for (String dst : destinations) {
            if (dst.startsWith("1")) {
                throw PlivoFault.badRequest("an alphanumeric src cannot send to US or Canadian numbers");
            }
        }
        return new Sender(digits, null, null);
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw PlivoFault.badRequest("url must be an http or https URL");
            }
        } catch (IllegalArgumentException e) {
            throw PlivoFault.badRequest("url must be an http or https URL");
        }
    }

    private static OffsetDateTime filterTime(String value) {
        try {
            return LocalDateTime.parse(value.strip(), FILTER_TIME).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw PlivoFault.badRequest("message_time filters take YYYY-MM-DD HH:MM[:ss[.uuuuuu]]");
        }
    }
}
