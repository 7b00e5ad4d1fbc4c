package dev.ferry.provider.plivo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.ProviderException.Kind;
import dev.ferry.provider.plivo.PlivoMessages.Send;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the Plivo client behaves when Plivo misbehaves, against WireMock: every error class, a 429 burst, Retry-After, a
 * slow answer, malformed bodies, and a 5xx storm that must open the breaker rather than multiply requests.
 */
@QuarkusTest
class PlivoClientFailureTest {

    private static final String UUID = "db3ce55a-7f1d-11e1-8ea7-1231380bc196";

    @Inject
    PlivoClient plivo;

    WireMockServer wm;
    PlivoAccount account;

    @BeforeEach
    void cleanStubsAndClosedBreaker() {
        wm = PlivoStubs.server();
        wm.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
        account = PlivoStubs.account();
    }

    @ParameterizedTest(name = "HTTP {0} becomes {1}")
    @CsvSource({
        "400, BAD_REQUEST",
        "401, UNAUTHORIZED",
        "403, FORBIDDEN",
        "404, NOT_FOUND",
        "405, BAD_REQUEST",
        "409, CONFLICT",
        "422, UNPROCESSABLE",
        "429, RATE_LIMITED",
        "500, SERVER_ERROR",
        "502, SERVER_ERROR",
        "503, SERVER_ERROR"
    })
    void shouldTurnEachErrorStatusIntoItsKindWithPlivosMessage(int status, Kind kind) {
        wm.stubFor(post(urlPathEqualTo(messages()))
                .willReturn(PlivoStubs.json(status, "{\"api_id\": \"x1\", \"error\": \"plivo says " + status + "\"}")));

        assertThatThrownBy(this::send).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.provider()).isEqualTo("plivo");
            assertThat(e.getMessage()).isEqualTo("plivo says " + status);
        });
    }

    @Test
    void shouldNeverRetryASendEvenOnA5xxOrA429() {
        wm.stubFor(post(urlPathEqualTo(messages())).willReturn(PlivoStubs.json(500, "{\"error\": \"boom\"}")));
        assertThatThrownBy(this::send).hasFieldOrPropertyWithValue("kind", Kind.SERVER_ERROR);
        wm.stubFor(post(urlPathEqualTo(messages())).willReturn(PlivoStubs.json(429, "{\"error\": \"slow down\"}")));
        assertThatThrownBy(this::send).hasFieldOrPropertyWithValue("kind", Kind.RATE_LIMITED);

        wm.verify(2, postRequestedFor(urlPathEqualTo(messages())));
    }

    @Test
    void shouldRetryAReadThroughA429BurstAndSucceed() {
        burstThenOk(() -> get(urlPathEqualTo(message())), 2, 429, messageBody());

        PlivoMessages.Message message = plivo.getMessage(account, UUID);

        assertThat(message.messageUuid()).isEqualTo(UUID);
        wm.verify(3, getRequestedFor(urlPathEqualTo(message())));
    }

    @Test
    void shouldHonourRetryAfterOnA429() {
        wm.stubFor(get(urlPathEqualTo(message()))
                .inScenario("retry-after")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(PlivoStubs.json(429, "{\"error\": \"too many requests\"}")
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(message()))
                .inScenario("retry-after")
                .whenScenarioStateIs("ok")
                .willReturn(PlivoStubs.json(200, messageBody())));

        long start = System.nanoTime();
        plivo.getMessage(account, UUID);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
        wm.verify(2, getRequestedFor(urlPathEqualTo(message())));
    }

    @Test
    void shouldRetryAFailingReadOnlyABoundedNumberOfTimes() {
        wm.stubFor(get(urlPathEqualTo(message())).willReturn(PlivoStubs.json(503, "{\"error\": \"unavailable\"}")));

        assertThatThrownBy(() -> plivo.getMessage(account, UUID))
                .hasFieldOrPropertyWithValue("kind", Kind.SERVER_ERROR);

        wm.verify(3, getRequestedFor(urlPathEqualTo(message())));
    }

    @Test
    void shouldNotRetryAReadThatFailedWithAClientError() {
        wm.stubFor(get(urlPathEqualTo(message())).willReturn(PlivoStubs.json(404, "{\"error\": \"not found\"}")));

        assertThatThrownBy(() -> plivo.getMessage(account, UUID)).hasFieldOrPropertyWithValue("kind", Kind.NOT_FOUND);

        wm.verify(1, getRequestedFor(urlPathEqualTo(message())));
    }

    @Test
    void shouldRetryAnUpdateOn429ButNotOn5xx() {
        String number = PlivoStubs.root() + "/Number/14155550100/";
        wm.stubFor(post(urlPathEqualTo(number)).willReturn(PlivoStubs.json(500, "{\"error\": \"boom\"}")));
        assertThatThrownBy(() -> plivo.updateNumber(account, "14155550100", new PlivoNumbers.Update(null, null, "a")))
                .hasFieldOrPropertyWithValue("kind", Kind.SERVER_ERROR);
        wm.verify(1, postRequestedFor(urlPathEqualTo(number)));

        wm.resetRequests();
        burstThenOk(() -> post(urlPathEqualTo(number)), 2, 429, PlivoStubs.CHANGED);
        PlivoAck ack = plivo.updateNumber(account, "14155550100", new PlivoNumbers.Update(null, null, "a"));

        assertThat(ack.message()).isEqualTo("changed");
        wm.verify(3, postRequestedFor(urlPathEqualTo(number)));
    }

    @Test
    void shouldTimeOutASlowAnswerWithoutRepeatingTheSend() {
        wm.stubFor(post(urlPathEqualTo(messages()))
                .willReturn(PlivoStubs.json(202, "{\"message_uuid\": []}").withFixedDelay(7_000)));

        long start = System.nanoTime();
        assertThatThrownBy(this::send).hasFieldOrPropertyWithValue("kind", Kind.TIMEOUT);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isLessThan(7_000);
        wm.verify(1, postRequestedFor(urlPathEqualTo(messages())));
    }

    @Test
    void shouldReportABodyThatIsNotTheDocumentedJsonAsMalformed() {
        wm.stubFor(get(urlPathEqualTo(message())).willReturn(PlivoStubs.json(200, "{\"message_uuid\": ")));
        assertThatThrownBy(() -> plivo.getMessage(account, UUID))
                .hasFieldOrPropertyWithValue("kind", Kind.MALFORMED_RESPONSE);

        wm.stubFor(get(urlPathEqualTo(message())).willReturn(aResponse().withStatus(200)));
        assertThatThrownBy(() -> plivo.getMessage(account, UUID))
                .hasFieldOrPropertyWithValue("kind", Kind.MALFORMED_RESPONSE);

        wm.verify(2, getRequestedFor(urlPathEqualTo(message())));
    }

    @Test
    void shouldNotLeakAnHtmlErrorPageIntoTheMessage() {
        wm.stubFor(post(urlPathEqualTo(messages()))
                .willReturn(aResponse().withStatus(502).withBody("<html><body>Bad gateway</body></html>")));

        assertThatThrownBy(this::send).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(e.getMessage()).isEqualTo("Plivo answered HTTP 502");
        });
    }

    @Test
    void shouldOpenTheBreakerInA5xxStormAndStopCallingPlivo() {
        wm.stubFor(get(anyUrl()).willReturn(PlivoStubs.json(500, "{\"error\": \"storm\"}")));

        Kind last = null;
        for (int call = 0; call < 12 && last != Kind.UNAVAILABLE; call++) {
            try {
                plivo.getMessage(account, UUID);
            } catch (ProviderException e) {
                last = e.kind();
            }
        }
        int requestsWhenOpened = wm.getAllServeEvents().size();

        assertThat(last).isEqualTo(Kind.UNAVAILABLE);
        assertThat(CircuitBreakerMaintenance.get().currentState(PlivoGateway.BREAKER))
                .isEqualTo(CircuitBreakerState.OPEN);
        assertThat(requestsWhenOpened).isBetween(20, 24);
        assertThatThrownBy(() -> plivo.listNumbers(account, PlivoNumbers.Query.page(20, 0)))
                .hasFieldOrPropertyWithValue("kind", Kind.UNAVAILABLE);
        assertThat(wm.getAllServeEvents()).hasSize(requestsWhenOpened);
    }

    @Test
    void shouldAcceptA204ForAPowerpackDelete() {
        wm.stubFor(delete(urlPathMatching(PlivoStubs.root() + "/Powerpack/.*"))
                .willReturn(aResponse().withStatus(204)));

        plivo.deletePowerpack(account, PlivoStubs.POWERPACK, false);

        wm.verify(
                1,
                com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                        urlPathEqualTo(PlivoStubs.root() + "/Powerpack/" + PlivoStubs.POWERPACK + "/")));
    }

    private void send() {
        plivo.sendMessage(account, Send.sms("14155550100", List.of("14155550101"), "hello"));
    }

    private void burstThenOk(Supplier<MappingBuilder> request, int failures, int status, String okBody) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures; i++) {
            String next = "failed-" + (i + 1);
            wm.stubFor(request.get()
                    .inScenario("burst")
                    .whenScenarioStateIs(state)
                    .willReturn(PlivoStubs.json(status, "{\"error\": \"too many requests\"}"))
                    .willSetStateTo(next));
            state = next;
        }
        wm.stubFor(
                request.get().inScenario("burst").whenScenarioStateIs(state).willReturn(PlivoStubs.json(200, okBody)));
    }

    private static String messages() {
        return PlivoStubs.root() + "/Message/";
    }

    private static String message() {
        return messages() + UUID + "/";
    }

    private static String messageBody() {
        return "{\"api_id\": \"m1\", \"message_uuid\": \"" + UUID + "\", \"message_state\": \"delivered\"}";
    }
}
