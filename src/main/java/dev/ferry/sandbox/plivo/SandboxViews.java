package dev.ferry.sandbox.plivo;

import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoApplication;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoMessage;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPoolNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPowerpack;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sandbox's rows written as Plivo's JSON objects, field by field as the Plivo API reference lists them. */
public final class SandboxViews {

    /** Plivo's message_time form, {@code 2017-05-22 21:36:14+05:30}. */
    static final DateTimeFormatter MESSAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");
    /** The microsecond form of message_sent_time, message_updated_time and the callbacks' times. */
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SandboxViews() {}

    static String root(String authId) {
        return "/v1/Account/" + authId + "/";
    }

    public static Map<String, Object> subaccount(SandboxPlivoAccount sub) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("account", root(sub.parentId));
        view.put("auth_id", sub.authId);
        view.put("auth_token", sub.authToken);
        view.put("created", sub.createdOn.toString());
        view.put("enabled", sub.enabled);
        view.put("modified", sub.modifiedOn == null ? null : sub.modifiedOn.toString());
        view.put("name", sub.name);
        view.put("resource_uri", root(sub.parentId) + "Subaccount/" + sub.authId + "/");
        return view;
    }

    public static Map<String, Object> application(String callerId, SandboxPlivoApplication app) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("answer_method", app.answerMethod);
        view.put("answer_url", app.answerUrl);
        view.put("app_id", app.appId);
        view.put("app_name", app.appName);
        view.put("default_app", app.defaultNumberApp);
        view.put("default_endpoint_app", app.defaultEndpointApp);
        view.put("enabled", true);
        view.put("fallback_answer_url", app.fallbackAnswerUrl);
        view.put("fallback_method", app.fallbackMethod);
        view.put("hangup_method", app.hangupMethod);
        view.put("hangup_url", app.hangupUrl);
        view.put("log_incoming_messages", app.logIncomingMessages);
        view.put("message_method", app.messageMethod);
        view.put("message_url", app.messageUrl);
        view.put("public_uri", app.publicUri);
        view.put("resource_uri", root(callerId) + "Application/" + app.appId + "/");
        view.put("sip_uri", "sip:" + app.appId + "@app.plivo.com");
        view.put(
                "sub_account", app.subAccount == null ? null : root(app.mainId) + "Subaccount/" + app.subAccount + "/");
        return view;
    }

    public static Map<String, Object> available(String callerId, NumberInventory.Candidate number) {
        boolean tollfree = "tollfree".equals(number.type());
        boolean mms = ("US".equals(number.countryIso()) || "CA".equals(number.countryIso()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", number.number());
        view.put("prefix", number.number().substring(0, Math.min(number.number().length(), 4)));
        view.put("city", null);
        view.put("country", NumberInventory.countryName(number.countryIso()));
        view.put("region", null);
        view.put("rate_center", null);
        view.put("lata", null);
        view.put("type", number.type());
        view.put("sub_type", number.subType());
        view.put("setup_rate", "0.00000");
        view.put("monthly_rental_rate", tollfree ? "1.00000" : "0.50000");
        view.put("sms_enabled", true);
        view.put("sms_rate", "0.00500");
        view.put("mms_enabled", mms);
        view.put("mms_rate", mms ? "0.01800" : null);
        view.put("voice_enabled", true);
        view.put("voice_rate", "0.00850");
        view.put("restriction", null);
        view.put("restriction_text", null);
        view.put("resource_uri", root(callerId) + "PhoneNumber/" + number.number() + "/");
        return view;
    }

    public static Map<String, Object> number(String callerId, SandboxPlivoNumber number) {
        boolean mms = "US".equals(number.countryIso) || "CA".equals(number.countryIso);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active", true);
        view.put("added_on", number.addedOn.toString());
        view.put("alias", number.alias);
        view.put("application", number.appId == null ? null : root(callerId) + "Application/" + number.appId + "/");
        view.put("carrier", "Plivo");
        view.put("cnam_lookup", number.cnamLookup);
        view.put("monthly_rental_rate", "tollfree".equals(number.numberType) ? "1.00000" : "0.50000");
        view.put("number", number.number);
        view.put("number_type", number.numberType);
        view.put("region", NumberInventory.countryName(number.countryIso));
        view.put("renewal_date", number.addedOn.plusMonths(1).toString());
        view.put("resource_uri", root(callerId) + "Number/" + number.number + "/");
        view.put("sms_enabled", true);
        view.put("sms_rate", "0.00000");
        view.put("mms_enabled", mms);
        view.put("mms_rate", mms ? "0.00000" : null);
        view.put("sub_account", number.subAccount);
        view.put("voice_enabled", true);
        view.put("voice_rate", "0.00850");
        return view;
    }

    public static Map<String, Object> message(String callerId, SandboxPlivoMessage m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("destination_country_iso2", m.destinationIso);
        view.put("error_code", m.errorCode);
        view.put("from_number", m.fromNumber);
        view.put("is_domestic", m.destinationIso != null && m.destinationIso.equals(regionOf(m.fromNumber)));
        view.put("message_direction", m.direction);
        view.put("message_sent_time", m.sentTime == null ? null : micros(m.sentTime));
        view.put("message_state", m.state);
        view.put(
                "message_time",
                m.messageTime.withOffsetSameInstant(ZoneOffset.UTC).format(MESSAGE_TIME));
        view.put("message_type", m.messageType);
        view.put("message_updated_time", micros(m.updatedTime));
        view.put("message_uuid", m.messageUuid.toString());
        view.put("powerpack_id", m.powerpackId);
        view.put("resource_uri", root(callerId) + "Message/" + m.messageUuid + "/");
        view.put("to_number", m.toNumber);
        view.put("total_amount", amount(m.units));
        view.put("total_rate", "0.00500");
        view.put("units", m.units);
        return view;
    }

    public static Map<String, Object> powerpack(String callerId, SandboxPlivoPowerpack pp) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("application_id", pp.applicationId);
        view.put("application_type", pp.applicationType);
        view.put(
                "created_on", pp.createdOn.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT));
        view.put("local_connect", pp.localConnect);
        view.put("name", pp.name);
        view.put("number_pool", root(callerId) + "NumberPool/" + pp.numberPoolUuid + "/");
        view.put("number_priority", SandboxJson.tree(pp.numberPriority));
        view.put("sticky_sender", pp.stickySender);
        view.put("uuid", pp.uuid.toString());
        return view;
    }

    public static Map<String, Object> poolNumber(String callerId, SandboxPlivoPoolNumber p, SandboxPlivoNumber n) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("account_phone_number_resource", root(callerId) + "Number/" + p.number + "/");
        view.put("added_on", p.addedOn.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT));
        view.put("country_iso2", n.countryIso);
        view.put("number", p.number);
        view.put("number_pool_uuid", p.numberPoolUuid.toString());
        view.put("service", p.service);
        view.put(
                "type",
                "tollfree".equals(n.numberType) ? "tollfree" : "mobile".equals(n.numberType) ? "mobile" : "fixed");
        return view;
    }

    static String micros(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(MICROS);
    }

    static String amount(int units) {
        return String.format(java.util.Locale.ROOT, "%.5f", units * 0.005);
    }

    private static String regionOf(String digits) {
        return NumberInventory.describe(digits)
                .map(NumberInventory.Candidate::countryIso)
                .orElse(null);
    }
}
