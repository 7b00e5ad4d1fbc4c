package dev.ferry.provider.plivo;

import dev.ferry.provider.PlivoAccount;
import io.quarkus.test.junit.QuarkusTest;

/** The client contract against WireMock stubs of Plivo's documented answers. */
@QuarkusTest
class PlivoClientStubTest extends PlivoClientContract {

    @Override
    PlivoAccount newAccount() {
        PlivoStubs.documentedApi();
        return PlivoStubs.account();
    }

    @Override
    String ownedNumber(PlivoAccount account) {
        return PlivoStubs.OWNED;
    }

    @Override
    String numberForSale(PlivoAccount account) {
        return PlivoStubs.FOR_SALE;
    }
}
