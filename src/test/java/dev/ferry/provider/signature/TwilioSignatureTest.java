package dev.ferry.provider.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioSignatureTest {

    // Published vectors: Twilio API reference, section 4.4 (from twilio-java's RequestValidatorTest).
    static final String TOKEN = "12345";
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    static final String BODY = "{\"property\": \"value\", \"boolean\": true}";
    static final String BODY_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    static Map<String, String> publishedParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Digits", "1234");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("To", "+18005551212");
        params.put("Caller", "+14158675309");
        params.put("From", "+14158675309");
        return params;
    }

    static String compute(String url, Map<String, String> params) {
        return TwilioSignature.compute(TwilioWebhook.post(url, params), TOKEN);
    }

    static boolean valid(String url, Map<String, String> params, String signature) {
        return TwilioSignature.validate(TwilioWebhook.post(url, params), signature, TOKEN);
    }

    @Nested
    class PublishedVectors {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "https://mycompany.com/myapp.php?foo=1&bar=2,       RSOYDt4T1cUTdK1PDd93/VVr8B8=",
            "https://mycompany.com:443/myapp.php?foo=1&bar=2,   kvajT1Ptam85bY51eRf/AJRuM3w=",
            "http://mycompany.com:80/myapp.php?foo=1&bar=2,     0ZXoZLH/DfblKGATFgpif+LLRf4=",
            "http://mycompany.com:1234/myapp.php?foo=1&bar=2,   Zmvh+3yNM1Phv2jhDCwEM3q5ebU=",
            "https://mycompany.com/myapp.php,                   1xaxFBvyzXYvWplzNOSs28HWO94=",
            "https://mycompany.com:443//myapp.php?foo=1&bar=2,  A9lH3u16NjyiiM/+wylw5rirFUs=",
            "https://mycompany.com/myapp.php?foo=hello%20world&bar=test%2Bvalue, er2tvAP1Wx+iuTTE2BPgvEaN1cs=",
            "https://mycompany.com/webhook/España?año=2023,     G/Hx6mqqnjUNlPAoi2Sp9bGst0g=",
        })
        void shouldMatchPublishedSignatureForUrl(String url, String expected) {
            assertThat(compute(url, publishedParams())).isEqualTo(expected);
            assertThat(valid(url, publishedParams(), expected)).isTrue();
        }

        @Test
        void shouldMatchPublishedSignatureForExtraQueryParameter() {
            String url = URL + "&type=thiswontbeusedinthesignaturegeneratorandsoshouldbeignored";

            assertThat(compute(url, publishedParams())).isEqualTo("hYkNsTBttoNGkyCS0p+wWmQoRTg=");
        }

        @Test
        void shouldMatchPublishedSignatureForUrlOnly() {
            assertThat(TwilioSignature.compute(TwilioWebhook.urlOnly(URL), TOKEN))
                    .isEqualTo("zYQTYrRWXE7LtzbG4PfP7/bkkGo=");
        }

        @Test
        void shouldMatchPublishedSignatureForEmptyValues() {
            Map<String, String> params = Map.of("Digits", "", "CallSid", "CA1234567890ABCDE", "EmptyParam", "");

            assertThat(compute(URL, params)).isEqualTo("9HHp/OqQMEwdrVebHDdA/+tqjX8=");
        }

        @Test
        void shouldMatchPublishedSignatureForNullValuesTreatedAsEmpty() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("Digits", null);
            params.put("CallSid", "CA1234567890ABCDE");
            params.put("NullParam", null);

            assertThat(compute(URL, params)).isEqualTo("L9lTTwIlxM1xGAtLRwhOSZggRhM=");
        }

        @Test
        void shouldMatchPublishedSignatureForCaseSensitiveNames() {
            Map<String, String> params = Map.of("callSid", "lowercase", "CallSid", "uppercase", "CALLSID", "allcaps");

            assertThat(compute(URL, params)).isEqualTo("jDK7WKT8wiNrwggd4ceTv4e1MJ4=");
        }

        @Test
        void shouldMatchPublishedSignatureForSpecialAndNonAsciiCharacters() {
            Map<String, String> params = Map.of(
                    "Message", "Hello & goodbye! @#$%^*()",
                    "From", "+1 (415) 867-5309",
                    "Special", "unicode: ñáéíóú");

            assertThat(compute(URL, params)).isEqualTo("dCPiR4WtQ6QFN6pJh81CtlCcWLQ=");
        }

        @Test
        void shouldMatchPublishedSignatureForUnsortedNames() {
            Map<String, String> params = Map.of("Zebra", "last", "Alpha", "first", "Beta", "second", "Gamma", "third");

            assertThat(compute(URL, params)).isEqualTo("enveUe73ZTVLAekHxez3Qx6JuuQ=");
        }

        @Test
        void shouldSignTheWorkedExampleString() {
            Map<String, List<String>> params =
                    TwilioWebhook.post(URL, publishedParams()).params();

            assertThat(TwilioSignature.stringToSign(URL, params))
                    .isEqualTo("https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675309"
                            + "Digits1234From+14158675309To+18005551212");
        }
    }

    @Nested
    class PortAndQueryVariants {

        @Test
        void shouldAcceptSignatureWithoutPortWhenUrlHasDefaultPort() {
            assertThat(valid("https://mycompany.com:443/myapp.php?foo=1&bar=2", publishedParams(), SIGNATURE))
                    .isTrue();
        }

        @Test
        void shouldAcceptSignatureWithDefaultPortWhenUrlHasNone() {
            assertThat(valid(URL, publishedParams(), "kvajT1Ptam85bY51eRf/AJRuM3w="))
                    .isTrue();
        }

        @Test
        void shouldAcceptSignatureWithHttpDefaultPortWhenUrlHasNone() {
            assertThat(valid(
                            "http://mycompany.com/myapp.php?foo=1&bar=2",
                            publishedParams(),
                            "0ZXoZLH/DfblKGATFgpif+LLRf4="))
                    .isTrue();
        }

        @Test
        void shouldAcceptSignatureWithoutPortWhenUrlHasCustomPort() {
            assertThat(valid("https://mycompany.com:1234/myapp.php?foo=1&bar=2", publishedParams(), SIGNATURE))
                    .isTrue();
        }

        @Test
        void shouldAcceptSignatureWithTheCustomPortItself() {
            assertThat(valid(
                            "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
                            publishedParams(),
                            "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="))
                    .isTrue();
        }

        @Test
        void shouldRejectSignatureForDefaultPortWhenUrlHasCustomPort() {
            assertThat(valid(
                            "https://mycompany.com:1234/myapp.php?foo=1&bar=2",
                            publishedParams(),
                            "kvajT1Ptam85bY51eRf/AJRuM3w="))
                    .isFalse();
        }

        @Test
        void shouldRejectSignatureForAnotherCustomPort() {
            String signedFor8443 = compute("https://mycompany.com:8443/myapp.php?foo=1&bar=2", publishedParams());

            assertThat(valid(URL, publishedParams(), signedFor8443)).isFalse();
        }

        @Test
        void shouldListPortVariantsTheSdksAccept() {
            assertThat(TwilioSignature.urlVariants(URL))
                    .containsExactlyInAnyOrder(URL, "https://mycompany.com:443/myapp.php?foo=1&bar=2");
            assertThat(TwilioSignature.urlVariants("http://u:p@[::1]:8080/a?b=c#f"))
                    .containsExactlyInAnyOrder("http://u:p@[::1]:8080/a?b=c#f", "http://u:p@[::1]/a?b=c#f");
        }

        @Test
        void shouldRejectReorderedQueryString() {
            assertThat(valid("https://mycompany.com/myapp.php?bar=2&foo=1", publishedParams(), SIGNATURE))
                    .isFalse();
        }

        @Test
        void shouldRejectDifferentlyEncodedQueryString() {
            String signed = compute("https://mycompany.com/myapp.php?foo=hello%20world", publishedParams());

            assertThat(valid("https://mycompany.com/myapp.php?foo=hello+world", publishedParams(), signed))
                    .isFalse();
        }

        @Test
        void shouldRejectDroppedQueryString() {
            assertThat(valid("https://mycompany.com/myapp.php", publishedParams(), SIGNATURE))
                    .isFalse();
        }

        @Test
        void shouldRejectChangedScheme() {
            assertThat(valid("http://mycompany.com/myapp.php?foo=1&bar=2", publishedParams(), SIGNATURE))
                    .isFalse();
        }
    }

    @Nested
    class Tampering {

        @Test
        void shouldRejectTamperedUrlPath() {
            assertThat(valid("https://mycompany.com/other.php?foo=1&bar=2", publishedParams(), SIGNATURE))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedQueryValue() {
            assertThat(valid("https://mycompany.com/myapp.php?foo=1&bar=3", publishedParams(), SIGNATURE))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedParameter() {
            Map<String, String> params = publishedParams();
            params.put("Digits", "9999");

            assertThat(valid(URL, params, SIGNATURE)).isFalse();
        }

        @Test
        void shouldRejectAddedParameter() {
            Map<String, String> params = publishedParams();
            params.put("Extra", "");

            assertThat(valid(URL, params, SIGNATURE)).isFalse();
        }

        @Test
        void shouldRejectWrongToken() {
            assertThat(TwilioSignature.validate(TwilioWebhook.post(URL, publishedParams()), SIGNATURE, "54321"))
                    .isFalse();
        }

        @Test
        void shouldRejectAlteredSignature() {
            assertThat(valid(URL, publishedParams(), "NOT" + SIGNATURE)).isFalse();
        }

        @Test
        void shouldRejectMissingOrEmptyHeader() {
            assertThat(valid(URL, publishedParams(), null)).isFalse();
            assertThat(valid(URL, publishedParams(), "")).isFalse();
        }

        @Test
        void shouldRefuseToValidateWithoutToken() {
            TwilioWebhook webhook = TwilioWebhook.post(URL, publishedParams());

            assertThatThrownBy(() -> TwilioSignature.validate(webhook, SIGNATURE, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class RepeatedParameters {

        @Test
        void shouldAppendEachDistinctValueOfRepeatedNameInSortedOrder() {
            Map<String, List<String>> params = Map.of("MediaUrl", List.of("b", "a", "b"), "A", List.of("1"));

            assertThat(TwilioSignature.stringToSign("https://x.example/h", params))
                    .isEqualTo("https://x.example/hA1MediaUrlaMediaUrlb");
        }
    }

    @Nested
    class JsonBodies {

        @Test
        void shouldHashBodyAsPublished() {
            assertThat(TwilioSignature.bodySha256(BODY)).isEqualTo(BODY_HASH);
        }

        @Test
        void shouldMatchPublishedSignatureWithOtherQueryParameters() {
            TwilioJsonWebhook webhook = new TwilioJsonWebhook(URL + "&bodySHA256=" + BODY_HASH, BODY);

            assertThat(TwilioSignature.compute(webhook, TOKEN)).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
            assertThat(TwilioSignature.validate(webhook, "a9nBmqA0ju/hNViExpshrM61xv4=", TOKEN))
                    .isTrue();
        }

        @Test
        void shouldMatchPublishedSignatureWithOnlyTheBodyHash() {
            TwilioJsonWebhook webhook =
                    new TwilioJsonWebhook("https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH, BODY);

            assertThat(TwilioSignature.compute(webhook, TOKEN)).isEqualTo("y77kIzt2vzLz71DgmJGsen2scGs=");
            assertThat(TwilioSignature.validate(webhook, "y77kIzt2vzLz71DgmJGsen2scGs=", TOKEN))
                    .isTrue();
        }

        @Test
        void shouldRejectTamperedBody() {
            TwilioJsonWebhook webhook = new TwilioJsonWebhook(
                    "https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH, BODY.replace("true", "false"));

            assertThat(TwilioSignature.validate(webhook, "y77kIzt2vzLz71DgmJGsen2scGs=", TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectUrlWithoutBodyHash() {
            assertThat(TwilioSignature.validate(new TwilioJsonWebhook(URL, BODY), SIGNATURE, TOKEN))
                    .isFalse();
        }

        @Test
        void shouldRejectTamperedUrl() {
            TwilioJsonWebhook webhook =
                    new TwilioJsonWebhook("https://mycompany.com/x.php?bodySHA256=" + BODY_HASH, BODY);

            assertThat(TwilioSignature.validate(webhook, "y77kIzt2vzLz71DgmJGsen2scGs=", TOKEN))
                    .isFalse();
        }

        @Test
        void shouldAppendBodyHashToConfiguredUrl() {
            assertThat(TwilioJsonWebhook.forBody("https://mycompany.com/myapp.php", BODY)
                            .url())
                    .isEqualTo("https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH);
            assertThat(TwilioJsonWebhook.forBody(URL, BODY).url()).isEqualTo(URL + "&bodySHA256=" + BODY_HASH);
        }

        @Test
        void shouldSignForwardedJsonSoThatItValidates() {
            TwilioJsonWebhook webhook = TwilioJsonWebhook.forBody(URL, BODY);

            String signature = TwilioSignature.sign(webhook, TOKEN);

            assertThat(signature).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
            assertThat(TwilioSignature.validate(webhook, signature, TOKEN)).isTrue();
        }
    }

    @Nested
    class Signing {

        @Test
        void shouldSignTheExactUrlWithoutAddingDefaultPort() {
            assertThat(TwilioSignature.sign(TwilioWebhook.post(URL, publishedParams()), TOKEN))
                    .isEqualTo(SIGNATURE);
        }

        @Test
        void shouldProduceSignatureThatValidates() {
            TwilioWebhook webhook = TwilioWebhook.post(
                    "https://customer.example:8443/sms?tenant=7", Map.of("Body", "Hi + bye", "From", "+15551234567"));

            assertThat(TwilioSignature.validate(webhook, TwilioSignature.sign(webhook, TOKEN), TOKEN))
                    .isTrue();
        }
    }
}
