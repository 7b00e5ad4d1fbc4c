package dev.ferry.provider.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.ProviderException.Kind;
import dev.ferry.provider.TwilioAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the client fails: every error class becomes its kind with Twilio's words, only transient failures are
 * retried (and boundedly), a storm opens the breaker instead of turning into a retry storm, a slow answer times
 * out, and unreadable answers are reported as such. WireMock serves each case.
 */
@QuarkusTest
class TwilioClientFailureTest {

    static WireMockServer wireMock;
    static final String ACCOUNTS = "/api/2010-04-01/Accounts.json";

    @Inject
    TwilioClient client;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeAll
    static void start() {
        wireMock = TwilioStubs.start();
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        breakers.resetAll();
    }

    @AfterEach
    void closeBreaker() {
        breakers.resetAll();
    }

    TwilioAccount account() {
        return TwilioStubs.main(wireMock);
    }

    @ParameterizedTest
    @CsvSource({
        "400, 21211, BAD_REQUEST",
        "401, 20003, UNAUTHORIZED",
        "403, 20005, FORBIDDEN",
        "404, 20404, NOT_FOUND",
        "409, 20409, CONFLICT",
        "422, 21422, UNPROCESSABLE"
    })
    void shouldTurnEachClientErrorIntoItsKindWithTwilioWordsAndNotRetryIt(int status, int code, Kind kind) {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .willReturn(TwilioStubs.json(status, error(status, code, "Twilio says no " + code))));

        assertThatThrownBy(() -> client.listAccounts(account())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.provider()).isEqualTo("twilio");
            assertThat(e.getMessage())
                    .contains("Twilio says no " + code)
                    .contains(String.valueOf(code))
                    .contains("https://www.twilio.com/docs/errors/" + code)
                    .doesNotContain(TwilioStubs.MAIN_TOKEN);
        });
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldRetryAServerErrorTwiceThenReportIt() {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .willReturn(TwilioStubs.json(503, error(503, 20503, "Service Unavailable"))));

        assertThatThrownBy(() -> client.listAccounts(account())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("Service Unavailable");
        });
        wireMock.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldRideOutABurstOf429ByBackingOff() {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .inScenario("burst")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TwilioStubs.json(429, error(429, 20429, "Too Many Requests")))
                .willSetStateTo("second"));
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .inScenario("burst")
                .whenScenarioStateIs("second")
                .willReturn(TwilioStubs.json(429, error(429, 20429, "Too Many Requests")))
                .willSetStateTo("calm"));
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .inScenario("burst")
                .whenScenarioStateIs("calm")
                .willReturn(TwilioStubs.json(
                        200,
                        TwilioStubs.page2010(
                                "accounts",
                                TwilioStubs.account(TwilioStubs.MAIN, TwilioStubs.MAIN, null),
                                "/2010-04-01/Accounts.json",
                                null))));

        assertThat(client.listAccounts(account())).hasSize(1);
        wireMock.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldStopCallingDuringA429StormInsteadOfRetryingForever() {
        wireMock.stubFor(get(urlPathMatching("/api/.*"))
                .willReturn(TwilioStubs.json(429, error(429, 20429, "Too Many Requests"))));

        int attempts = 0;
        Kind last = null;
        while (attempts < 20) {
            attempts++;
            try {
                client.listAccounts(account());
            } catch (ProviderException e) {
                last = e.kind();
                if (last == Kind.UNAVAILABLE) {
                    break;
                }
                assertThat(last).isEqualTo(Kind.RATE_LIMITED);
            }
        }

        assertThat(last).isEqualTo(Kind.UNAVAILABLE);
        assertThat(breakers.currentState("twilio")).isEqualTo(CircuitBreakerState.OPEN);
        // At most three requests per call reached Twilio; the breaker opened once its window of 20 was full of
        // failures, and no request went out after that.
        int requests = wireMock.getAllServeEvents().size();
        assertThat(requests).isLessThanOrEqualTo(3 * attempts).isLessThanOrEqualTo(21);
        assertThatThrownBy(() -> client.listAccounts(account()))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(wireMock.getAllServeEvents()).hasSize(requests);
    }

    @Test
    void shouldNotLetOneTenantsWrongTokenOpenTheBreakerForEveryone() {
        wireMock.stubFor(
                get(urlPathEqualTo(ACCOUNTS)).willReturn(TwilioStubs.json(401, error(401, 20003, "Authenticate"))));

        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> client.listAccounts(account()))
                    .isInstanceOfSatisfying(
                            ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
        }

        assertThat(breakers.currentState("twilio")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void shouldGiveUpOnASlowAnswerAsATimeout() {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .willReturn(TwilioStubs.json(
                                200,
                                TwilioStubs.page2010(
                                        "accounts",
                                        TwilioStubs.account(TwilioStubs.MAIN, TwilioStubs.MAIN, null),
                                        "/2010-04-01/Accounts.json",
                                        null))
                        .withFixedDelay(4_000)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.listAccounts(account())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.status()).isZero();
        });
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        // Three attempts of 1.5 s (the test profile's read timeout) plus short backoffs, far below 3 x 4 s.
        assertThat(seconds).isLessThan(9);
        wireMock.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldReportABodyThatIsNotJsonAsMalformedWithoutRetrying() {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("<html>gateway says hello</html>")));

        assertThatThrownBy(() -> client.listAccounts(account()))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldReportAPageWithoutItsRecordsKeyAsMalformed() {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .willReturn(TwilioStubs.json(200, "{\"uri\":\"/2010-04-01/Accounts.json\",\"next_page_uri\":null}")));

        assertThatThrownBy(() -> client.listAccounts(account())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
            assertThat(e.getMessage()).contains("accounts");
        });
    }

    @Test
    void shouldReportAV1PageWithoutMetaAsMalformed() {
        wireMock.stubFor(
                get(urlPathEqualTo("/messaging/v1/Services")).willReturn(TwilioStubs.json(200, "{\"services\":[]}")));

        assertThatThrownBy(() -> client.listMessagingServices(account()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
                    assertThat(e.getMessage()).contains("meta");
                });
    }

    @Test
    void shouldReportAnErrorPageThatIsNotTwilioJsonWithoutEchoingIt() {
        wireMock.stubFor(get(urlPathEqualTo(ACCOUNTS))
                .willReturn(aResponse().withStatus(502).withBody("<html>proxy error</html>")));

        assertThatThrownBy(() -> client.listAccounts(account())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(e.getMessage()).contains("502").doesNotContain("proxy error");
        });
    }

    @Test
    void shouldNeverSendCredentialsToAnotherHostThatANextPageLinkNames() {
        wireMock.stubFor(get(urlPathEqualTo("/messaging/v1/Services"))
                .willReturn(TwilioStubs.json(
                        200,
                        TwilioStubs.pageMeta(
                                "services",
                                "",
                                wireMock.baseUrl() + "/messaging/v1/Services",
                                "https://elsewhere.example/v1/Services?Page=1"))));

        assertThatThrownBy(() -> client.listMessagingServices(account()))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldAnswerAnUnreachableTwilioAsATransientServerError() {
        TwilioAccount nowhere =
                new TwilioAccount(TwilioStubs.MAIN, TwilioStubs.MAIN_TOKEN, java.net.URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> client.listAccounts(nowhere)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind().transientFailure()).isTrue();
            assertThat(e.getMessage()).doesNotContain(TwilioStubs.MAIN_TOKEN);
        });
    }

    static String error(int status, int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
    }
}
