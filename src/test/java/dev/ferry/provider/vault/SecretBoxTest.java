package dev.ferry.provider.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void shouldOpenWhatItSealedAndNeverShowThePlaintext() {
        SecretBox box = new SecretBox(SecretBox.parseKeys("k1:" + K1), "k1");
        String sealed = box.seal("s3cret-token", "acme/plivo");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("s3cret");
        assertThat(box.open(sealed, "acme/plivo")).isEqualTo("s3cret-token");
        assertThat(box.seal("s3cret-token", "acme/plivo")).isNotEqualTo(sealed);
    }

    @Test
    void shouldRefuseAValueMovedToAnotherContext() {
        SecretBox box = new SecretBox(SecretBox.parseKeys("k1:" + K1), "k1");
        String sealed = box.seal("s3cret-token", "acme/plivo");
        assertThatThrownBy(() -> box.open(sealed, "globex/plivo")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAnAlteredValue() {
        SecretBox box = new SecretBox(SecretBox.parseKeys("k1:" + K1), "k1");
        String sealed = box.seal("s3cret-token", "ctx");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open(altered, "ctx")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldOpenOldValuesAfterAKeyRotationAndSealNewOnesWithTheNewKey() {
        SecretBox before = new SecretBox(SecretBox.parseKeys("k1:" + K1), "k1");
        String old = before.seal("token", "ctx");

        SecretBox after = new SecretBox(SecretBox.parseKeys("k1:" + K1 + ",k2:" + K2), "k2");
        assertThat(after.open(old, "ctx")).isEqualTo("token");
        assertThat(after.needsResealing(old)).isTrue();
        assertThat(after.seal("token", "ctx")).startsWith("v1:k2:");
    }

    @Test
    void shouldRefuseBadKeyConfiguration() {
        assertThatThrownBy(() -> SecretBox.parseKeys("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretBox(Map.of(), "k1")).hasMessageContaining("active-key-id");
    }
}
