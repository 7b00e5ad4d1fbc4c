package dev.ferry.provider.plivo;

import dev.ferry.provider.PlivoAccount;
import dev.ferry.sandbox.plivo.PlivoSandboxDriver;
import io.quarkus.test.junit.QuarkusTest;

/** The client contract against Ferry's own Plivo sandbox, over real HTTP on the test port. */
@QuarkusTest
class PlivoClientSandboxTest extends PlivoClientContract {

    @Override
    PlivoAccount newAccount() {
        return PlivoSandboxDriver.newAccount();
    }

    @Override
    String ownedNumber(PlivoAccount account) {
        String number = numberForSale(account);
        plivo.buyNumber(account, number, null);
        return number;
    }

    @Override
    String numberForSale(PlivoAccount account) {
        return plivo.searchNumbers(account, PlivoNumbers.Search.of("US", "local"))
                .objects()
                .get(0)
                .number();
    }
}
