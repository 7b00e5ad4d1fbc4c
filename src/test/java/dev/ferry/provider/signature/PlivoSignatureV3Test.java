package dev.ferry.provider.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlivoSignatureV3Test {

    // Published vectors: Plivo API reference, section 7.1 (from Plivo's Go and Ruby SDK tests).
    static final String TOKEN = "Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4";
    static final String NONCE = "31627761595286130198";
    static final String URL_WITH_QUERY =
            "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?a=b&c=d";
    // The SDK tests use this URL, with neither the query nor the trailing slash of the one above.
    static final String URL_WITHOUT_QUERY = "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml";
    static final String UUID = "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36";
    static final String SIP_TO = "sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com";
    static final String SIP_H_TO = "<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1";

    static Map<String, String> publishedParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Direction", "outbound");
        params.put("From", "19792014278");
        params.put("ALegUUID", UUID);
        params.put("CallStatus", "in-progress");
        params.put("BillRate", "0.002");
        params.put("ParentAuthID", "MANWVLYTK4ZWU1YTY4QA");
        params.put("To", SIP_TO);
        params.put("ALegRequestUUID", UUID);
        params.put("CallUUID", UUID);
        params.put("RequestUUID", UUID);
        params.put("SIP-H-To", SIP_H_TO);
        params.put("SessionStart", "2020-04-08 11:34:33.238707");
        params.put("Event", "StartApp");
        return params;
    }

    static Map<String, String> paramsWith(String name, String value) {
        Map<String, String> params = publishedParams();
        params.put(name, value);
        return params;
    }

    @Nested
    class PublishedVectors {

        @Test
        void shouldMatchPostWithQueryString() {
            PlivoCallback callback = PlivoCallback.post(URL_WITH_QUERY, publishedParams());

            assertThat(PlivoSignatureV3.compute(callback, NONCE, TOKEN))
                    .isEqualTo("k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=");
        }

        @Test
        void shouldMatchGetWithQueryString() {
            PlivoCallback callback = PlivoCallback.get(URL_WITH_QUERY, publishedParams());

            assertThat(PlivoSignatureV3.compute(callback, NONCE, TOKEN))
                    .isEqualTo("UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=");
        }

        @Test
        void shouldMatchPostWithoutQueryString() {
            PlivoCallback callback = PlivoCallback.post(URL_WITHOUT_QUERY, publishedParams());

            assertThat(PlivoSignatureV3.compute(callback, NONCE, TOKEN))
                    .isEqualTo("iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=");
        }

        @Test
        void shouldMatchGetWithoutQueryString() {
            PlivoCallback callback = PlivoCallback.get(URL_WITHOUT_QUERY, publishedParams());

            assertThat(PlivoSignatureV3.compute(callback, NONCE, TOKEN))
                    .isEqualTo("i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc=");
        }

        @Test
        void shouldSignTheWorkedExampleStringForPost() {
            String params = "ALegRequestUUID" + UUID + "ALegUUID" + UUID + "BillRate0.002CallStatusin-progress"
                    + "CallUUID" + UUID + "DirectionoutboundEventStartAppFrom19792014278"
                    + "ParentAuthIDMANWVLYTK4ZWU1YTY4QARequestUUID" + UUID + "SIP-H-To" + SIP_H_TO
                    + "SessionStart2020-04-08 11:34:33.238707To" + SIP_TO;

            assertThat(PlivoSignatureV3.stringToSign(PlivoCallback.post(URL_WITH_QUERY, publishedParams()), NONCE))
                    .isEqualTo("https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?a=b&c=d."
                            + params + "." + NONCE);
        }

        @Test
        void shouldSignTheWorkedExampleStringForGet() {
            String query = "ALegRequestUUID=" + UUID + "&ALegUUID=" + UUID + "&BillRate=0.002"
                    + "&CallStatus=in-progress&CallUUID=" + UUID + "&Direction=outbound&Event=StartApp"
                    + "&From=19792014278&ParentAuthID=MANWVLYTK4ZWU1YTY4QA&RequestUUID=" + UUID
                    + "&SIP-H-To=" + SIP_H_TO + "&SessionStart=2020-04-08 11:34:33.238707&To=" + SIP_TO + "&a=b&c=d";

            assertThat(PlivoSignatureV3.stringToSign(PlivoCallback.get(URL_WITH_QUERY, publishedParams()), NONCE))
                    .isEqualTo("https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml/?" + query + "."
                            + NONCE);
        }

        @Test
        void shouldValidateEveryPublishedVector() {
            assertThat(PlivoSignatureV3.validate(
                            PlivoCallback.post(URL_WITH_QUERY, publishedParams()),
                            NONCE,
                            "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=",
                            TOKEN))
                    .isTrue();
            assertThat(PlivoSignatureV3.validate(
                            PlivoCallback.get(URL_WITH_QUERY, publishedParams()),
                            NONCE,
                            "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=",
                            TOKEN))
                    .isTrue();
            assertThat(PlivoSignatureV3.validate(
                            PlivoCallback.post(URL_WITHOUT_QUERY, publishedParams()),
                            NONCE,
                            "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=",
                            TOKEN))
                    .isTrue();
            assertThat(PlivoSignatureV3.validate(
                            PlivoCallback.get(URL_WITHOUT_QUERY, publishedParams()),
                            NONCE,
                            "i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc=",
                            TOKEN))
                    .isTrue();
        }
    }

    @Nested
    class Validation {

        static final String POST_SIGNATURE = "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=";

        boolean validPost(String url, Map<String, String> params, String nonce, String header, String token) {
            return PlivoSignatureV3.validate(PlivoCallback.post(url, params), nonce, header, token);
        }

        @Test
        void shouldAcceptSeveralCommaSeparatedSignaturesWhenOneMatches() {
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), NONCE, "bogus," + POST_SIGNATURE, TOKEN))
                    .isTrue();
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), NONCE, POST_SIGNATURE + ",bogus", TOKEN))
                    .isTrue();
        }

        @Test
        void shouldRejectSeveralCommaSeparatedSignaturesWhenNoneMatches() {
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), NONCE, "bogus,alsoBogus,", TOKEN))
                    .isFalse();
        }

        @Test
        void shouldNotTrimSpacesAroundListedSignatures() {
            // Plivo's validators split on "," without trimming; a padded entry is not the signature.
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), NONCE, "bogus, " + POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedUrlPath() {
            String tampered = URL_WITH_QUERY.replace("validate_signature03", "validate_signature04");

            assertThat(validPost(tampered, publishedParams(), NONCE, POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedUrlHost() {
            String tampered = URL_WITH_QUERY.replace("plivobin.", "attacker.");

            assertThat(validPost(tampered, publishedParams(), NONCE, POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedQueryString() {
            String tampered = URL_WITH_QUERY.replace("c=d", "c=e");

            assertThat(validPost(tampered, publishedParams(), NONCE, POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedParameter() {
            assertThat(validPost(URL_WITH_QUERY, paramsWith("CallStatus", "completed"), NONCE, POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectAddedParameter() {
            assertThat(validPost(URL_WITH_QUERY, paramsWith("Extra", "1"), NONCE, POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectRemovedParameter() {
            Map<String, String> params = publishedParams();
            params.remove("BillRate");

            assertThat(validPost(URL_WITH_QUERY, params, NONCE, POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedNonce() {
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), "31627761595286130199", POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectWrongToken() {
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), NONCE, POST_SIGNATURE, TOKEN + "x"))
                    .isFalse();
        }

        @Test
        void shouldRejectSignatureMadeForAnotherMethod() {
            PlivoCallback asGet = PlivoCallback.get(URL_WITH_QUERY, publishedParams());

            assertThat(PlivoSignatureV3.validate(asGet, NONCE, POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectMissingOrEmptyHeader() {
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), NONCE, null, TOKEN))
                    .isFalse();
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), NONCE, "", TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectMissingOrEmptyNonce() {
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), null, POST_SIGNATURE, TOKEN))
                    .isFalse();
            assertThat(validPost(URL_WITH_QUERY, publishedParams(), "", POST_SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRefuseToValidateWithoutToken() {
            PlivoCallback callback = PlivoCallback.post(URL_WITH_QUERY, publishedParams());

            assertThatThrownBy(() -> PlivoSignatureV3.validate(callback, NONCE, POST_SIGNATURE, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PlivoSignatureV3.validate(callback, NONCE, POST_SIGNATURE, ""))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class SignedString {

        @Test
        void shouldSignBareUrlForPostWithoutParametersOrQuery() {
            PlivoCallback callback = PlivoCallback.post("https://ferry.example/plivo/status", Map.of());

            assertThat(PlivoSignatureV3.stringToSign(callback, "1")).isEqualTo("https://ferry.example/plivo/status.1");
        }

        @Test
        void shouldSignBareUrlForGetWithoutParametersOrQuery() {
            PlivoCallback callback = PlivoCallback.get("https://ferry.example/plivo/status", Map.of());

            assertThat(PlivoSignatureV3.stringToSign(callback, "1")).isEqualTo("https://ferry.example/plivo/status.1");
        }

        @Test
        void shouldSignOnlyTheQueryForPostWithoutParameters() {
            PlivoCallback callback = PlivoCallback.post("https://ferry.example/s?z=1&a=2", Map.of());

            assertThat(PlivoSignatureV3.stringToSign(callback, "1")).isEqualTo("https://ferry.example/s?a=2&z=1.1");
        }

        @Test
        void shouldSignParametersAfterBareQuestionMarkForPostWithoutQuery() {
            PlivoCallback callback = PlivoCallback.post("https://ferry.example/s", Map.of("To", "1", "From", "2"));

            assertThat(PlivoSignatureV3.stringToSign(callback, "9")).isEqualTo("https://ferry.example/s?From2To1.9");
        }

        @Test
        void shouldSortNamesInCodePointOrderWithUpperCaseFirst() {
            PlivoCallback callback =
                    PlivoCallback.post("https://ferry.example/s", Map.of("b", "1", "B", "2", "a", "3"));

            assertThat(PlivoSignatureV3.stringToSign(callback, "9")).isEqualTo("https://ferry.example/s?B2a3b1.9");
        }

        @Test
        void shouldEmitEveryValueOfRepeatedNameInSortedOrder() {
            PlivoCallback post = new PlivoCallback(
                    PlivoCallback.Method.POST, "https://ferry.example/s", Map.of("M", List.of("b", "a")));
            PlivoCallback get = new PlivoCallback(
                    PlivoCallback.Method.GET, "https://ferry.example/s?M=c", Map.of("N", List.of("y", "x")));

            assertThat(PlivoSignatureV3.stringToSign(post, "9")).isEqualTo("https://ferry.example/s?MaMb.9");
            assertThat(PlivoSignatureV3.stringToSign(get, "9")).isEqualTo("https://ferry.example/s?M=c&N=x&N=y.9");
        }

        @Test
        void shouldDecodeQueryValuesAndSignThemRaw() {
            PlivoCallback callback =
                    PlivoCallback.post("https://ferry.example/s?a=hello%20world&b=x+y&c=%3D%26", Map.of());

            assertThat(PlivoSignatureV3.stringToSign(callback, "9"))
                    .isEqualTo("https://ferry.example/s?a=hello world&b=x y&c==&.9");
        }

        @Test
        void shouldLeaveMalformedEscapesAsWritten() {
            PlivoCallback callback = PlivoCallback.post("https://ferry.example/s?a=100%&b=%zz", Map.of());

            assertThat(PlivoSignatureV3.stringToSign(callback, "9"))
                    .isEqualTo("https://ferry.example/s?a=100%&b=%zz.9");
        }

        @Test
        void shouldKeepPortAndIgnoreFragment() {
            PlivoCallback callback = PlivoCallback.post("https://ferry.example:8443/s?a=1#frag", Map.of("X", "1"));

            assertThat(PlivoSignatureV3.stringToSign(callback, "9")).isEqualTo("https://ferry.example:8443/s?a=1.X1.9");
        }

        @Test
        void shouldSignGetTheSameWhetherAddedParametersArePassedOrLeftInTheUrl() {
            String received = URL_WITH_QUERY + "&"
                    + publishedParams().entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));

            Map<String, String> parsedFromReceived = publishedParams();
            parsedFromReceived.put("a", "b");
            parsedFromReceived.put("c", "d");

            assertThat(PlivoSignatureV3.compute(PlivoCallback.get(received, Map.of()), NONCE, TOKEN))
                    .isEqualTo("UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=");
            assertThat(PlivoSignatureV3.compute(PlivoCallback.get(received, parsedFromReceived), NONCE, TOKEN))
                    .isEqualTo("UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=");
        }

        @Test
        void shouldLetUrlValueWinWhenGetParameterRepeatsAQueryName() {
            PlivoCallback callback = PlivoCallback.get("https://ferry.example/s?a=url", Map.of("a", "param"));

            assertThat(PlivoSignatureV3.stringToSign(callback, "9")).isEqualTo("https://ferry.example/s?a=url.9");
        }
    }

    @Nested
    class Signing {

        static final String ACCOUNT_TOKEN = "c3ViYWNjb3VudC10b2tlbi1mb3ItdGVzdHM";
        static final String MAIN_TOKEN = "bWFpbi1hY2NvdW50LXRva2VuLWZvci10ZXN0cw";

        @Test
        void shouldProduceSignatureThatValidates() {
            PlivoCallback callback = PlivoCallback.post(URL_WITH_QUERY, publishedParams());

            PlivoSignature signed = PlivoSignatureV3.sign(callback, ACCOUNT_TOKEN);

            assertThat(signed.nonce()).matches("[0-9]{20}");
            assertThat(PlivoSignatureV3.validate(callback, signed.nonce(), signed.signature(), ACCOUNT_TOKEN))
                    .isTrue();
        }

        @Test
        void shouldUseFreshNonceForEverySignature() {
            PlivoCallback callback = PlivoCallback.post(URL_WITH_QUERY, publishedParams());

            assertThat(PlivoSignatureV3.sign(callback, ACCOUNT_TOKEN).nonce())
                    .isNotEqualTo(PlivoSignatureV3.sign(callback, ACCOUNT_TOKEN).nonce());
        }

        @Test
        void shouldSendV3AndV2HeadersKeyedWithAccountAndMainTokens() {
            PlivoCallback callback = PlivoCallback.get(URL_WITH_QUERY, publishedParams());
            List<String> nonces = List.of("11111111111111111111", "22222222222222222222");
            int[] next = {0};
            PlivoCallbackSigner signer =
                    new PlivoCallbackSigner(ACCOUNT_TOKEN, MAIN_TOKEN, () -> nonces.get(next[0]++));

            Map<String, String> headers = signer.headers(callback);

            assertThat(headers)
                    .containsOnlyKeys(
                            "X-Plivo-Signature-V3",
                            "X-Plivo-Signature-Ma-V3",
                            "X-Plivo-Signature-V3-Nonce",
                            "X-Plivo-Signature-V2",
                            "X-Plivo-Signature-Ma-V2",
                            "X-Plivo-Signature-V2-Nonce")
                    .containsEntry("X-Plivo-Signature-V3-Nonce", nonces.get(0))
                    .containsEntry("X-Plivo-Signature-V2-Nonce", nonces.get(1));
            String v3Nonce = headers.get(PlivoSignatureV3.NONCE_HEADER);
            String v2Nonce = headers.get(PlivoSignatureV2.NONCE_HEADER);
            assertThat(PlivoSignatureV3.validate(callback, v3Nonce, headers.get("X-Plivo-Signature-V3"), ACCOUNT_TOKEN))
                    .isTrue();
            assertThat(PlivoSignatureV3.validate(callback, v3Nonce, headers.get("X-Plivo-Signature-Ma-V3"), MAIN_TOKEN))
                    .isTrue();
            assertThat(PlivoSignatureV3.validate(
                            callback, v3Nonce, headers.get("X-Plivo-Signature-Ma-V3"), ACCOUNT_TOKEN))
                    .isFalse();
            assertThat(PlivoSignatureV2.validate(callback, v2Nonce, headers.get("X-Plivo-Signature-V2"), ACCOUNT_TOKEN))
                    .isTrue();
            assertThat(PlivoSignatureV2.validate(callback, v2Nonce, headers.get("X-Plivo-Signature-Ma-V2"), MAIN_TOKEN))
                    .isTrue();
        }

        @Test
        void shouldNotRevealTokensThroughToString() {
            PlivoCallbackSigner signer = new PlivoCallbackSigner(ACCOUNT_TOKEN, MAIN_TOKEN);

            assertThat(signer.toString()).doesNotContain(ACCOUNT_TOKEN).doesNotContain(MAIN_TOKEN);
        }
    }

    @Nested
    class Inputs {

        @Test
        void shouldParseMethodCaseInsensitively() {
            assertThat(PlivoCallback.Method.parse("get")).isEqualTo(PlivoCallback.Method.GET);
            assertThat(PlivoCallback.Method.parse(new String("POST"))).isEqualTo(PlivoCallback.Method.POST);
        }

        @Test
        void shouldRefuseMethodsPlivoNeverUses() {
            assertThatThrownBy(() -> PlivoCallback.Method.parse("PUT")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRefuseRelativeUrl() {
            assertThatThrownBy(() -> PlivoCallback.post("/plivo/status", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldKeepParametersImmutable() {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("To", new java.util.ArrayList<>(List.of("1")));
            PlivoCallback callback = new PlivoCallback(PlivoCallback.Method.POST, "https://ferry.example/s", params);

            params.get("To").add("2");
            params.put("From", List.of("3"));

            assertThat(callback.params()).containsExactly(Map.entry("To", List.of("1")));
            assertThatThrownBy(() -> callback.params().put("X", List.of()))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> callback.params().get("To").add("4"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void shouldTreatMissingValueAsEmpty() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("Digits", null);

            assertThat(PlivoCallback.post("https://ferry.example/s", params).params())
                    .containsEntry("Digits", List.of(""));
        }
    }
}
