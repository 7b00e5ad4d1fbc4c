package dev.ferry.provider.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ferry.provider.TwilioAccount;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The client contract against WireMock stubs of Twilio's documented shapes. */
@QuarkusTest
class TwilioClientWireMockTest extends TwilioClientContract {

    static WireMockServer wireMock;

    @BeforeAll
    static void start() {
        wireMock = TwilioStubs.start();
        TwilioStubs.inventory(wireMock);
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @Override
    TwilioAccount mainAccount() {
        return TwilioStubs.main(wireMock);
    }

    @Override
    Expected expected() {
        return TwilioStubs.expected();
    }
}
