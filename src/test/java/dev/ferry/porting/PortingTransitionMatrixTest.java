package dev.ferry.porting;

import static dev.ferry.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.access.Role;
import dev.ferry.porting.PortingFixtures.Built;
import dev.ferry.porting.PortingFixtures.Footprint;
import dev.ferry.porting.domain.PortingState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, target state, role) triple through the API with real tokens: alice is tenant-admin, oscar
 * tenant-operator, vera viewer, ada porting-desk and platform-admin. Allowed moves succeed and write one history
 * row, one audit event and one outbox event; every other one is refused with its status and changes nothing.
 */
@QuarkusTest
class PortingTransitionMatrixTest {

    private static final Map<String, Role> USERS = Map.of(
            "alice", Role.TENANT_ADMIN,
            "oscar", Role.TENANT_OPERATOR,
            "vera", Role.VIEWER,
            "ada", Role.PORTING_DESK);

    private static final Map<PortingState, Built> UNCHANGED = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    PortingFixtures fixtures;

    static Stream<Arguments> everyTriple() {
        List<Arguments> all = new ArrayList<>();
        for (PortingState from : PortingState.values()) {
            for (PortingState to : PortingState.values()) {
                for (String user : List.of("alice", "oscar", "vera", "ada")) {
                    all.add(Arguments.of(from, to, user));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} as {2}")
    @MethodSource("everyTriple")
    void shouldAllowOnlyTheTablesMovesAndChangeNothingOnRefusal(PortingState from, PortingState to, String user) {
        int expected = expectedStatus(from, to, USERS.get(user));
        // A refusal changes nothing (asserted below), so refused moves share one request per state.
        Built request = expected == 200
                ? fixtures.requestIn("acme", from)
                : UNCHANGED.computeIfAbsent(from, s -> fixtures.requestIn("acme", s));
        Footprint before = fixtures.footprint(request.id());

        Response response = as(user).body(body(request, to, before.version()))
                .post("/api/v1/tenants/acme/porting-requests/" + request.id() + "/transitions");

        assertThat(response.statusCode())
                .as("%s -> %s as %s: %s", from, to, user, response.asString())
                .isEqualTo(expected);
        Footprint after = fixtures.footprint(request.id());
        if (expected == 200) {
            assertThat(after.state()).isEqualTo(to.name());
            assertThat(after.version()).isGreaterThan(before.version());
            assertThat(after.history()).isEqualTo(before.history() + 1);
            assertThat(after.audit()).isEqualTo(before.audit() + 1);
            assertThat(after.outbox()).isEqualTo(before.outbox() + 1);
        } else {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(after).isEqualTo(before);
            if (expected == 409) {
                assertThat(response.jsonPath().getString("type")).endsWith("/invalid-transition");
                assertThat(response.jsonPath().getString("currentState")).isEqualTo(from.name());
                assertThat(response.jsonPath().getList("allowedStates")).isNotNull();
            }
        }
    }

    /** The expected answer, from PORTING.md's table as {@link PortingStateMachineTest#EXPECTED} writes it out. */
    private static int expectedStatus(PortingState from, PortingState to, Role role) {
        Set<Role> movers = EnumSet.of(Role.TENANT_ADMIN, Role.PORTING_DESK, Role.PLATFORM_ADMIN);
        if (!movers.contains(role)) {
            return 403;
        }
        Set<Role> allowed = PortingStateMachineTest.EXPECTED.get(from + ">" + to);
        if (allowed == null) {
            return 409;
        }
        return allowed.contains(role) ? 200 : 403;
    }

    /** A body that satisfies the guards of the move, so that only state and role decide. */
    private static Map<String, Object> body(Built request, PortingState to, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("version", version);
        body.put("reason", "matrix");
        body.put("focDate", OffsetDateTime.now().plusDays(20).toString());
        body.put("providerReference", "PLIVO-PORT-1");
        body.put("rejections", List.of(Map.of("code", "ACCOUNT_NUMBER_MISMATCH", "fields", List.of("accountNumber"))));
        if (request.rejectionId() != null) {
            body.put("answers", List.of(Map.of("rejectionId", request.rejectionId(), "note", "checked with carrier")));
        }
        if (to == PortingState.COMPLETED) {
            body.put(
                    "numbers",
                    List.of(
                            Map.of("e164", request.numbers().get(0), "status", "PORTED"),
                            Map.of("e164", request.numbers().get(1), "status", "PORTED")));
        } else if (to == PortingState.PARTIALLY_COMPLETED) {
            body.put(
                    "numbers",
                    List.of(
                            Map.of("e164", request.numbers().get(0), "status", "PORTED"),
                            Map.of(
                                    "e164",
                                    request.numbers().get(1),
                                    "status",
                                    "FAILED",
                                    "reason",
                                    "losing carrier refused")));
        }
        return body;
    }
}
