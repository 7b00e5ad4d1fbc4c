package dev.ferry.provider.signature;

import java.util.List;

/**
 * Plivo's older callback signature, {@code X-Plivo-Signature-V2}, described in section 7.2 of the Plivo API reference.
 * It covers only {@code scheme://host[:port]/path} and the nonce: neither the query string nor any parameter is
 * signed, so a V2 match proves the request came from the account holder's Plivo but not that its content is intact.
 * Prefer {@link PlivoSignatureV3} where both are present; Ferry accepts V2 because Plivo's messaging documentation
 * still describes it.
 */
public final class PlivoSignatureV2 {

    /** Signature keyed with the auth token of the (sub)account that owns the resource. */
    public static final String SIGNATURE_HEADER = "X-Plivo-Signature-V2";

    /** The same signature keyed with the main account's auth token. */
    public static final String MAIN_ACCOUNT_SIGNATURE_HEADER = "X-Plivo-Signature-Ma-V2";

    public static final String NONCE_HEADER = "X-Plivo-Signature-V2-Nonce";

    private PlivoSignatureV2() {}

    /**
     * Computes the V2 signature: Base64 of HMAC-SHA256, keyed with the auth token, over the URL without query string
     * or fragment (scheme, authority and path exactly as written) immediately followed by the nonce.
     *
     * @param callback the request; only its URL is signed
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
     * token) in constant time. Plivo's validators compare V2 as one single value, so unlike V3 a comma-separated list
     * is not split.
     *
     * @param callback the request as received
     * @param nonce the value of {@value #NONCE_HEADER}; missing or empty fails validation
     * @param signatureHeader the header value; missing or empty fails validation
     * @param authToken the token Plivo keyed the signature with
     * @return true when the signature matches
     */
    public static boolean validate(PlivoCallback callback, String nonce, String signatureHeader, String authToken) {
        Hmac.requireToken(authToken);
        if (nonce == null || nonce.isEmpty() || signatureHeader == null || signatureHeader.isEmpty()) {
            return false;
        }
        return Hmac.anyMatches(List.of(compute(callback, nonce, authToken)), List.of(signatureHeader));
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

    static String stringToSign(PlivoCallback callback, String nonce) {
        return WebUrl.parse(callback.url()).base() + nonce;
    }
}
