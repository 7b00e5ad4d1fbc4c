package dev.ferry.provider.signature;

/**
 * A Plivo signature together with the nonce it covers: the values of {@code X-Plivo-Signature-V3} (or {@code -V2})
 * and the matching {@code -Nonce} header.
 */
public record PlivoSignature(String nonce, String signature) {

    public PlivoSignature {
        if (nonce == null || nonce.isEmpty() || signature == null || signature.isEmpty()) {
            throw new IllegalArgumentException("nonce and signature must not be empty");
        }
    }
}
