package dev.ferry.provider.vault;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM (the JDK's implementation). Each sealed value names the key that sealed
 * it, so keys can be rotated: new values use the active key, old values open with the key they name until they are
 * sealed again. The associated data binds a sealed value to where it is stored (tenant and purpose), so a value
 * copied into another tenant's row does not open.
 *
 * <p>Sealed form: {@code v1:<key id>:<base64 of 12-byte nonce + ciphertext + 16-byte tag>}.
 */
@ApplicationScoped
public class SecretBox {

    /** The vault's keys. */
    @ConfigMapping(prefix = "ferry.vault")
    public interface Config {

        /** Key id to base64 AES-256 key, written {@code k1:BASE64,k2:BASE64}. */
        String keys();

        /** The id of the key that seals new values. */
        String activeKeyId();
    }

    private static final String FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    @Inject
    public SecretBox(Config config) {
        this(parseKeys(config.keys()), config.activeKeyId());
    }

    SecretBox(Map<String, SecretKeySpec> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("ferry.vault.active-key-id names no key in ferry.vault.keys");
        }
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Seals a secret.
     *
     * @param context where the value will be stored, such as {@code acme/plivo/auth-token}; needed again to open it
     */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return FORMAT + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    /** Opens a sealed secret; fails when the key is unknown, the context differs or the value was altered. */
    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Sealed with key '" + parts[1] + "', which is not configured");
        }
        byte[] in = Base64.getDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed value did not open: wrong key, context or altered data");
        }
    }

    /** Whether a value was sealed with a key other than the active one and should be sealed again. */
    public boolean needsResealing(String sealed) {
        String[] parts = sealed.split(":", 3);
        return parts.length == 3 && !activeKeyId.equals(parts[1]);
    }

    static Map<String, SecretKeySpec> parseKeys(String spec) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] idAndKey = entry.strip().split(":", 2);
            if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                throw new IllegalStateException("ferry.vault.keys entries look like id:BASE64");
            }
            byte[] raw = Base64.getDecoder().decode(idAndKey[1].strip());
            if (raw.length != 32) {
                throw new IllegalStateException("Vault key '" + idAndKey[0] + "' must be 32 bytes (AES-256)");
            }
            keys.put(idAndKey[0].strip(), new SecretKeySpec(raw, "AES"));
        }
        return keys;
    }
}
