package dev.ferry.provider.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlivoSignatureV2Test {

    // Published vectors: Plivo API reference, section 7.2.
    static final String TOKEN = "my_auth_token";
    static final String NONCE = "12345";
    static final String SIGNATURE = "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=";

    static PlivoCallback post(String url) {
        return PlivoCallback.post(url, Map.of());
    }

    @Test
    void shouldMatchPublishedVectorForHostOnly() {
        assertThat(PlivoSignatureV2.compute(post("https://answer.url"), NONCE, TOKEN))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void shouldMatchPublishedVectorForTrailingSlash() {
        assertThat(PlivoSignatureV2.compute(post("https://answer.url/"), NONCE, TOKEN))
                .isEqualTo("do1CXv+k99A6+B+eTcyqbxWlezFIxJ/1vz72787r37g=");
    }

    @Test
    void shouldMatchPublishedVectorWithPort() {
        assertThat(PlivoSignatureV2.compute(post("https://answer.url:8000"), NONCE, TOKEN))
                .isEqualTo("Gm7Z7AGBmf5JpSHrtUmeofrGyA4xV0ZiV0rH8JPXWGU=");
    }

    @Test
    void shouldSignUrlWithoutQueryFollowedDirectlyByNonce() {
        assertThat(PlivoSignatureV2.stringToSign(post("https://answer.url:8000/a/b?x=1#f"), NONCE))
                .isEqualTo("https://answer.url:8000/a/b12345");
    }

    @Test
    void shouldValidatePublishedSignature() {
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), NONCE, SIGNATURE, TOKEN))
                .isTrue();
    }

    @Test
    void shouldIgnoreQueryStringAndParametersBecauseV2DoesNotCoverThem() {
        PlivoCallback withContent = PlivoCallback.post("https://answer.url?To=1", Map.of("Text", "anything"));

        assertThat(PlivoSignatureV2.validate(withContent, NONCE, SIGNATURE, TOKEN))
                .isTrue();
    }

    @Test
    void shouldRejectTamperedUrlPath() {
        assertThat(PlivoSignatureV2.validate(post("https://answer.url/other"), NONCE, SIGNATURE, TOKEN))
                .isFalse();
    }

    @Test
    void shouldRejectTamperedHost() {
        assertThat(PlivoSignatureV2.validate(post("https://answer.evil"), NONCE, SIGNATURE, TOKEN))
                .isFalse();
    }

    @Test
    void shouldRejectAddedPort() {
        assertThat(PlivoSignatureV2.validate(post("https://answer.url:443"), NONCE, SIGNATURE, TOKEN))
                .isFalse();
    }

    @Test
    void shouldRejectTamperedScheme() {
        assertThat(PlivoSignatureV2.validate(post("http://answer.url"), NONCE, SIGNATURE, TOKEN))
                .isFalse();
    }

    @Test
    void shouldRejectTamperedNonce() {
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), "12346", SIGNATURE, TOKEN))
                .isFalse();
    }

    @Test
    void shouldRejectWrongToken() {
        // Plivo's SDK tests use exactly this wrong token for their failing case.
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), NONCE, SIGNATURE, "my_auth_tokens"))
                .isFalse();
    }

    @Test
    void shouldRejectMissingOrEmptyHeaderAndNonce() {
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), NONCE, null, TOKEN))
                .isFalse();
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), NONCE, "", TOKEN))
                .isFalse();
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), null, SIGNATURE, TOKEN))
                .isFalse();
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), "", SIGNATURE, TOKEN))
                .isFalse();
    }

    @Test
    void shouldNotSplitCommaSeparatedList() {
        assertThat(PlivoSignatureV2.validate(post("https://answer.url"), NONCE, "bogus," + SIGNATURE, TOKEN))
                .isFalse();
    }

    @Test
    void shouldRefuseToValidateWithoutToken() {
        assertThatThrownBy(() -> PlivoSignatureV2.validate(post("https://answer.url"), NONCE, SIGNATURE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldProduceSignatureThatValidates() {
        PlivoCallback callback = post("https://ferry.example/plivo/inbound");

        PlivoSignature signed = PlivoSignatureV2.sign(callback, TOKEN);

        assertThat(signed.nonce()).matches("[0-9]{20}");
        assertThat(PlivoSignatureV2.validate(callback, signed.nonce(), signed.signature(), TOKEN))
                .isTrue();
    }
}
