package dev.ferry.provider.signature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Signs the callbacks Ferry's Plivo sandbox sends, with every header a real Plivo request may carry: V3 and V2, each
 * keyed with the owning account's token and with the main account's token. Section 7 of the Plivo API reference notes
 * that which set messaging callbacks carry today is not settled, so the sandbox sends both and receivers may check
 * either.
 *
 * <p>Holds the tokens, so it keeps the identity {@code toString} of {@code Object}, which prints no field.
 */
public final class PlivoCallbackSigner {

    private final String accountAuthToken;
    private final String mainAccountAuthToken;
    private final Supplier<String> nonces;

    /**
     * @param accountAuthToken token of the (sub)account that owns the number or application
     * @param mainAccountAuthToken token of the main account; the same value when the owner is the main account
     */
    public PlivoCallbackSigner(String accountAuthToken, String mainAccountAuthToken) {
        this(accountAuthToken, mainAccountAuthToken, Nonces::next);
    }

    /** With a chosen nonce source, so tests can predict the headers. */
    PlivoCallbackSigner(String accountAuthToken, String mainAccountAuthToken, Supplier<String> nonces) {
        this.accountAuthToken = Hmac.requireToken(accountAuthToken);
        this.mainAccountAuthToken = Hmac.requireToken(mainAccountAuthToken);
        this.nonces = nonces;
    }

    /**
     * The six signature headers for one callback, V3 first. Each version gets its own nonce.
     *
     * @param callback the request exactly as it will be sent: method, full URL, parameters
     * @return header name to value, in a stable order
     */
    public Map<String, String> headers(PlivoCallback callback) {
        String v3Nonce = nonces.get();
        String v2Nonce = nonces.get();

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(PlivoSignatureV3.SIGNATURE_HEADER, PlivoSignatureV3.compute(callback, v3Nonce, accountAuthToken));
        headers.put(
                PlivoSignatureV3.MAIN_ACCOUNT_SIGNATURE_HEADER,
                PlivoSignatureV3.compute(callback, v3Nonce, mainAccountAuthToken));
        headers.put(PlivoSignatureV3.NONCE_HEADER, v3Nonce);
        headers.put(PlivoSignatureV2.SIGNATURE_HEADER, PlivoSignatureV2.compute(callback, v2Nonce, accountAuthToken));
        headers.put(
                PlivoSignatureV2.MAIN_ACCOUNT_SIGNATURE_HEADER,
                PlivoSignatureV2.compute(callback, v2Nonce, mainAccountAuthToken));
        headers.put(PlivoSignatureV2.NONCE_HEADER, v2Nonce);
        return Collections.unmodifiableMap(headers);
    }
}
