package dev.ferry.provider.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed digests and comparisons shared by the provider signature schemes. */
final class Hmac {

    static final String SHA1 = "HmacSHA1";
    static final String SHA256 = "HmacSHA256";

    private Hmac() {}

    /** Base64 (standard alphabet, padded) of the HMAC of {@code data} keyed with {@code key}, both as UTF-8. */
    static String base64(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships both algorithms; reaching this means a broken JCE setup.
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Constant-time equality, so a caller probing signatures learns nothing from response times. */
    static boolean constantTimeEquals(String expected, String candidate) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * True when any expected value equals any candidate. Every pair is compared, without stopping at the first match,
     * so the time taken does not tell which one matched.
     */
    static boolean anyMatches(Collection<String> expected, Collection<String> candidates) {
        boolean matched = false;
        for (String e : expected) {
            for (String c : candidates) {
                matched |= constantTimeEquals(e, c);
            }
        }
        return matched;
    }

    static String requireToken(String authToken) {
        if (authToken == null || authToken.isEmpty()) {
            // The message names the problem only: the token itself must never reach a log.
            throw new IllegalArgumentException("auth token must not be empty");
        }
        return authToken;
    }
}
