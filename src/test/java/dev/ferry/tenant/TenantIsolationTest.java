package dev.ferry.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberType;
import dev.ferry.number.domain.PhoneNumber;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation is a property of data access, not of each query: once a request has entered a tenant, tenant-owned
 * rows of other tenants are invisible even to a query that names no tenant, and before it has entered one nothing is
 * visible at all.
 */
@QuarkusTest
class TenantIsolationTest {

    @Test
    void shouldScopeAQueryThatNamesNoTenantToTheEnteredTenant() {
        String acmeNumber = inTenant("acme", () -> persistNumber("acme", "+14155550" + suffix()));
        String globexNumber = inTenant("globex", () -> persistNumber("globex", "+14155551" + suffix()));

        List<String> seenByAcme = inTenant(
                "acme",
                () -> PhoneNumber.<PhoneNumber>listAll().stream()
                        .map(n -> n.e164)
                        .toList());
        List<String> seenByGlobex = inTenant(
                "globex",
                () -> PhoneNumber.<PhoneNumber>listAll().stream()
                        .map(n -> n.e164)
                        .toList());

        assertThat(seenByAcme).contains(acmeNumber).doesNotContain(globexNumber);
        assertThat(seenByGlobex).contains(globexNumber).doesNotContain(acmeNumber);
    }

    @Test
    void shouldShowNothingBeforeATenantIsEntered() {
        inTenant("acme", () -> persistNumber("acme", "+14155552" + suffix()));

        List<PhoneNumber> seen = inTenant(null, () -> PhoneNumber.<PhoneNumber>listAll());

        assertThat(seen).isEmpty();
    }

    @Test
    void shouldRefuseToWriteARowIntoAnotherTenant() {
        assertThatThrownBy(() -> inTenant("acme", () -> persistNumber("globex", "+14155553" + suffix())))
                .hasStackTraceContaining("tenant");
    }

    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(900));

    private static String suffix() {
        return String.format("%03d", NEXT.getAndIncrement() % 1000);
    }

    private static String persistNumber(String tenant, String e164) {
        PhoneNumber n = new PhoneNumber();
        n.tenantId = tenant;
        n.e164 = e164;
        n.country = "US";
        n.type = NumberType.LOCAL;
        n.provider = NumberProvider.TWILIO;
        n.persist();
        return e164;
    }

    private static <T> T inTenant(String tenant, Supplier<T> work) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            if (tenant != null) {
                Arc.container().instance(TenantContext.class).get().enter(tenant);
            }
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            request.terminate();
        }
    }
}
