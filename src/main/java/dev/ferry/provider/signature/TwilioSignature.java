package dev.ferry.provider.signature;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Twilio's webhook signature, {@code X-Twilio-Signature}, described in section 4 of the Twilio API reference:
 * Base64 of HMAC-SHA1, keyed with the account's auth token, over the full URL followed by every form parameter's name
 * and value.
 *
 * <p>Ferry both checks these (requests from Twilio while numbers are still there) and produces them (the bridge that
 * forwards Plivo traffic to a customer's Twilio-shaped webhooks, whose validators expect Twilio's signature).
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    /** Query parameter Twilio adds to the URL of a JSON-bodied webhook. */
    public static final String BODY_HASH_PARAMETER = "bodySHA256";

    private TwilioSignature() {}

    /**
     * Computes the signature of a form-encoded webhook over its URL exactly as given (section 4.1 of the Twilio API
     * reference). Parameter names are sorted by code point, case-sensitively; each name is followed by its decoded
     * value with no separators; a repeated name contributes once per distinct value, values sorted. An empty value
     * contributes just the name.
     *
     * @return the standard, padded Base64 signature
     */
    public static String compute(TwilioWebhook webhook, String authToken) {
        Hmac.requireToken(authToken);
        return signatureOf(webhook.url(), webhook.params(), authToken);
    }

    /**
     * Checks a received {@value #HEADER} of a form-encoded webhook, in constant time. As section 4.2 of the Twilio API
     * reference describes, Twilio is not consistent about ports, so the signature is accepted for the URL with its
     * port removed and for the URL with a port (its own, or the scheme's default 443/80 when it had none), which are
     * the variants Twilio's own validators accept. The URL text is otherwise used as given: query strings are not
     * re-encoded.
     *
     * @param webhook the request as received, with the public URL Twilio called (not one rebuilt behind a proxy)
     * @param signatureHeader the header value; missing or empty fails validation
     * @param authToken the account's (or subaccount's) auth token
     * @return true when the signature matches one of the URL variants
     */
    public static boolean validate(TwilioWebhook webhook, String signatureHeader, String authToken) {
        Hmac.requireToken(authToken);
        if (signatureHeader == null || signatureHeader.isEmpty()) {
            return false;
        }
        List<String> expected = new ArrayList<>();
        for (String url : urlVariants(webhook.url())) {
            expected.add(signatureOf(url, webhook.params(), authToken));
        }
        return Hmac.anyMatches(expected, List.of(signatureHeader));
    }

    /**
     * The signature Ferry's bridge sends with a form-encoded webhook. It signs the URL exactly as the bridge calls it
     * and adds no default port, as section 4.2 of the Twilio API reference advises; receivers accept either form.
     */
    public static String sign(TwilioWebhook webhook, String authToken) {
        return compute(webhook, authToken);
    }

    /**
     * Computes the signature of a JSON-bodied webhook (section 4.3 of the Twilio API reference): the URL alone, which
     * already carries {@code bodySHA256}, with no parameters.
     */
    public static String compute(TwilioJsonWebhook webhook, String authToken) {
        Hmac.requireToken(authToken);
        return signatureOf(webhook.url(), Map.of(), authToken);
    }

    /**
     * Checks a JSON-bodied webhook: the URL must carry {@code bodySHA256} equal to the lower-case hex SHA-256 of the
     * body, and the signature must match the URL (with the port variants {@link #validate(TwilioWebhook, String,
     * String)} accepts). A URL without {@code bodySHA256} fails, as in Twilio's validators.
     */
    public static boolean validate(TwilioJsonWebhook webhook, String signatureHeader, String authToken) {
        Hmac.requireToken(authToken);
        List<String> claimedHashes =
                WebUrl.parse(webhook.url()).queryParameters().getOrDefault(BODY_HASH_PARAMETER, List.of());
        if (claimedHashes.isEmpty()) {
            return false;
        }
        boolean bodyIntact = Hmac.anyMatches(List.of(bodySha256(webhook.body())), claimedHashes.subList(0, 1));
        boolean signed = validate(TwilioWebhook.urlOnly(webhook.url()), signatureHeader, authToken);
        return bodyIntact & signed;
    }

    /** The signature Ferry's bridge sends with a JSON-bodied webhook built by {@link TwilioJsonWebhook#forBody}. */
    public static String sign(TwilioJsonWebhook webhook, String authToken) {
        return compute(webhook, authToken);
    }

    /** Lower-case hex SHA-256 of the body's UTF-8 bytes: the value of {@value #BODY_HASH_PARAMETER}. */
    public static String bodySha256(String body) {
        return Hmac.sha256Hex(body);
    }

    /** The URL as given, without its port, and with a port: the set Twilio's validators compute signatures for. */
    static Set<String> urlVariants(String url) {
        WebUrl parsed = WebUrl.parse(url);
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        variants.add(parsed.withPort(""));
        if (!parsed.hasPort()) {
            parsed.defaultPort().ifPresent(port -> variants.add(parsed.withPort(port)));
        }
        return variants;
    }

    static String stringToSign(String url, Map<String, List<String>> params) {
        Map<String, List<String>> sorted = new TreeMap<>(WebUrl.CODE_POINT_ORDER);
        sorted.putAll(params);
        StringBuilder signed = new StringBuilder(url);
        sorted.forEach((name, values) -> {
            Set<String> distinct = new TreeSet<>(WebUrl.CODE_POINT_ORDER);
            distinct.addAll(values);
            distinct.forEach(value -> signed.append(name).append(value));
        });
        return signed.toString();
    }

    private static String signatureOf(String url, Map<String, List<String>> params, String authToken) {
        return Hmac.base64(Hmac.SHA1, authToken, stringToSign(url, params));
    }
}
