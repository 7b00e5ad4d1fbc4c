package dev.ferry.provider.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plivo's current callback signature, {@code X-Plivo-Signature-V3}, described in section 7.1 of the Plivo API
 * reference. It covers the URL, its query string, the callback parameters and a per-request nonce, so unlike V2 a
 * changed or added parameter is detected.
 *
 * <p>Where the reference notes that Plivo's helper libraries disagree, this class follows the documented steps, and
 * Plivo's Python helper where the steps are silent:
 *
 * <ul>
 *   <li>A GET callback with no parameters and no query string signs the bare URL, and so does a POST with neither
 *       (no trailing {@code ?}).
 *   <li>A GET parameter whose name also appears in the URL's query string takes the URL's values. Passing the full
 *       received URL together with the parameters parsed from it therefore signs the same as the received URL alone.
 *       Callback URLs should still keep their own query names apart from Plivo's parameter names.
 *   <li>Only the query string is decoded (as form data); scheme, authority and path are signed exactly as written.
 * </ul>
 */
public final class PlivoSignatureV3 {

    /** Signature keyed with the auth token of the (sub)account that owns the resource. */
    public static final String SIGNATURE_HEADER = "X-Plivo-Signature-V3";

    /** The same signature keyed with the main account's auth token, sent alongside for subaccount resources. */
    public static final String MAIN_ACCOUNT_SIGNATURE_HEADER = "X-Plivo-Signature-Ma-V3";

    public static final String NONCE_HEADER = "X-Plivo-Signature-V3-Nonce";

    private PlivoSignatureV3() {}

    /**
     * Computes the V3 signature of a callback: Base64 of HMAC-SHA256, keyed with the auth token, over the string built
     * from the callback and nonce as section 7.1 of the Plivo API reference lays out.
     *
     * @param callback the request as made: method, full URL, parameters
     * @param nonce the value of {@value #NONCE_HEADER}
     * @param authToken the auth token of the account whose signature is wanted
     * @return the standard, padded Base64 signature
     */
    public static String compute(PlivoCallback callback, String nonce, String authToken) {
        Hmac.requireToken(authToken);
        if (nonce == null) {
            throw new IllegalArgumentException("nonce must not be null");
        }
        return Hmac.base64(Hmac.SHA256, authToken, stringToSign(callback, nonce));
    }

    /**
     * Checks a received {@value #SIGNATURE_HEADER} (or {@value #MAIN_ACCOUNT_SIGNATURE_HEADER}, with the main account
     * token). The header may carry several signatures separated by commas; the request is genuine when any one of them
     * matches. Entries are not trimmed, as in Plivo's own validators. Each comparison runs in constant time.
     *
     * @param callback the request as received
     * @param nonce the value of {@value #NONCE_HEADER}; missing or empty fails validation
     * @param signatureHeader the header value; missing or empty fails validation
     * @param authToken the token Plivo keyed the signature with
     * @return true when one of the signatures matches
     */
    public static boolean validate(PlivoCallback callback, String nonce, String signatureHeader, String authToken) {
        Hmac.requireToken(authToken);
        if (nonce == null || nonce.isEmpty() || signatureHeader == null || signatureHeader.isEmpty()) {
            return false;
        }
        String expected = compute(callback, nonce, authToken);
        return Hmac.anyMatches(List.of(expected), Arrays.asList(signatureHeader.split(",", -1)));
    }

    /**
     * Signs a callback Ferry's Plivo sandbox is about to send, with a fresh 20-digit nonce.
     *
     * @return the nonce and signature to send as {@value #NONCE_HEADER} and {@value #SIGNATURE_HEADER}
     */
    public static PlivoSignature sign(PlivoCallback callback, String authToken) {
        String nonce = Nonces.next();
        return new PlivoSignature(nonce, compute(callback, nonce, authToken));
    }

    /** The exact text that is HMAC'd; kept separate so tests can pin it against the reference's worked example. */
    static String stringToSign(PlivoCallback callback, String nonce) {
        WebUrl url = WebUrl.parse(callback.url());
        StringBuilder signed = new StringBuilder(url.base());
        Map<String, List<String>> urlQuery = url.queryParameters();

        if (callback.method() == PlivoCallback.Method.GET) {
            Map<String, List<String>> merged = new TreeMap<>(WebUrl.CODE_POINT_ORDER);
            merged.putAll(callback.params());
            merged.putAll(urlQuery);
            String query = joinedQuery(merged);
            if (!query.isEmpty()) {
                signed.append('?').append(query);
            }
        } else {
            Map<String, List<String>> sortedQuery = new TreeMap<>(WebUrl.CODE_POINT_ORDER);
            sortedQuery.putAll(urlQuery);
            String query = joinedQuery(sortedQuery);
            if (!callback.params().isEmpty()) {
                signed.append('?').append(query);
                if (!query.isEmpty()) {
                    signed.append('.');
                }
                signed.append(concatenatedParams(callback.params()));
            } else if (!query.isEmpty()) {
                signed.append('?').append(query);
            }
        }
        return signed.append('.').append(nonce).toString();
    }

    /** {@code k=v} pairs joined by {@code &}; values raw (not re-encoded), a repeated name once per sorted value. */
    private static String joinedQuery(Map<String, List<String>> sortedByName) {
        List<String> pairs = new ArrayList<>();
        sortedByName.forEach((name, values) -> sortedValues(values).forEach(value -> pairs.add(name + "=" + value)));
        return String.join("&", pairs);
    }

    /** Name immediately followed by value, for every parameter in name order, with no separator at all. */
    private static String concatenatedParams(Map<String, List<String>> params) {
        Map<String, List<String>> sorted = new TreeMap<>(WebUrl.CODE_POINT_ORDER);
        sorted.putAll(params);
        StringBuilder joined = new StringBuilder();
        sorted.forEach((name, values) ->
                sortedValues(values).forEach(value -> joined.append(name).append(value)));
        return joined.toString();
    }

    private static List<String> sortedValues(List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(WebUrl.CODE_POINT_ORDER);
        return sorted;
    }
}
