package dev.ferry.porting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.access.Role;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.porting.domain.PortingRequest;
import dev.ferry.porting.domain.PortingRules;
import dev.ferry.porting.domain.PortingState;
import dev.ferry.porting.domain.PortingStateMachine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transition table against PORTING.md, written out again here by hand, for every single role. */
class PortingStateMachineTest {

    private static final Set<Role> T = EnumSet.of(Role.TENANT_ADMIN);
    private static final Set<Role> D = EnumSet.of(Role.PORTING_DESK, Role.PLATFORM_ADMIN);
    private static final Set<Role> TD = EnumSet.of(Role.TENANT_ADMIN, Role.PORTING_DESK, Role.PLATFORM_ADMIN);

    /** PORTING.md's table: "FROM>TO" to the roles that may make the move. */
    static final Map<String, Set<Role>> EXPECTED = expected();

    private static Map<String, Set<Role>> expected() {
        Map<String, Set<Role>> m = new java.util.HashMap<>(Map.of(
                "DRAFT>SUBMITTED", T,
                "SUBMITTED>IN_VERIFICATION", D,
                "IN_VERIFICATION>SUBMITTED_TO_GAINING_CARRIER", D,
                "IN_VERIFICATION>ACTION_REQUIRED", D,
                "SUBMITTED_TO_GAINING_CARRIER>SUBMITTED_TO_LOSING_CARRIER", D,
                "SUBMITTED_TO_LOSING_CARRIER>ACTION_REQUIRED", D,
                "SUBMITTED_TO_LOSING_CARRIER>FOC_CONFIRMED", D,
                "ACTION_REQUIRED>SUBMITTED", T,
                "FOC_CONFIRMED>FOC_CONFIRMED", D,
                "FOC_CONFIRMED>COMPLETED", D));
        m.put("FOC_CONFIRMED>PARTIALLY_COMPLETED", D);
        for (String from : List.of(
                "DRAFT",
                "SUBMITTED",
                "IN_VERIFICATION",
                "ACTION_REQUIRED",
                "SUBMITTED_TO_GAINING_CARRIER",
                "SUBMITTED_TO_LOSING_CARRIER",
                "FOC_CONFIRMED")) {
            m.put(from + ">CANCELLED", TD);
        }
        return Map.copyOf(m);
    }

    private final PortingStateMachine machine = new PortingStateMachine(rules());

    static Stream<Arguments> everyTriple() {
        List<Arguments> all = new ArrayList<>();
        for (PortingState from : PortingState.values()) {
            for (PortingState to : PortingState.values()) {
                for (Role role : Role.values()) {
                    all.add(Arguments.of(from, to, role));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} as {2}")
    @MethodSource("everyTriple")
    void shouldAllowExactlyTheMovesOfTheTable(PortingState from, PortingState to, Role role) {
        PortingRequest r = request(from, null);
        Set<Role> allowed = EXPECTED.get(from + ">" + to);
        OffsetDateTime now = OffsetDateTime.now();

        if (allowed == null) {
            assertThatThrownBy(() -> machine.authorise(r, to, Set.of(role), now))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.INVALID_TRANSITION);
                        assertThat(e.extensions()).containsEntry("currentState", from);
                    });
        } else if (!allowed.contains(role)) {
            assertThatThrownBy(() -> machine.authorise(r, to, Set.of(role), now))
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        } else {
            assertThat(machine.authorise(r, to, Set.of(role), now).to()).isEqualTo(to);
        }
        boolean offered = machine.available(r, Set.of(role), now).stream().anyMatch(t -> t.to() == to);
        assertThat(offered).isEqualTo(allowed != null && allowed.contains(role));
    }

    @Test
    void shouldHoldNoMoveBeyondTheTable() {
        assertThat(machine.transitions())
                .extracting(t -> t.from() + ">" + t.to())
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void shouldLetOnlyTheDeskCancelWithinFortyEightHoursOfTheFoc() {
        PortingRequest r =
                request(PortingState.FOC_CONFIRMED, OffsetDateTime.now().plusHours(47));
        OffsetDateTime now = OffsetDateTime.now();

        assertThatThrownBy(() -> machine.authorise(r, PortingState.CANCELLED, T, now))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN);
                    assertThat(e.extensions()).containsEntry("guard", "CANCEL_WINDOW");
                });
        assertThat(machine.available(r, T, now)).isEmpty();
        assertThat(machine.authorise(r, PortingState.CANCELLED, EnumSet.of(Role.PORTING_DESK), now)
                        .to())
                .isEqualTo(PortingState.CANCELLED);

        PortingRequest later =
                request(PortingState.FOC_CONFIRMED, OffsetDateTime.now().plusHours(49));
        assertThat(machine.authorise(later, PortingState.CANCELLED, T, now).to())
                .isEqualTo(PortingState.CANCELLED);
    }

    @Test
    void shouldNameTheAllowedStatesWhenRefusingAnIllegalMove() {
        PortingRequest r = request(PortingState.SUBMITTED, null);
        assertThatThrownBy(() -> machine.authorise(r, PortingState.COMPLETED, D, OffsetDateTime.now()))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.extensions())
                                .containsEntry(
                                        "allowedStates",
                                        List.of(PortingState.IN_VERIFICATION, PortingState.CANCELLED)));
    }

    @Test
    void shouldCountBusinessDaysOverWeekends() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(PortingStateMachine.plusBusinessDays(friday, 1)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(PortingStateMachine.plusBusinessDays(friday, 10)).isEqualTo(LocalDate.of(2026, 12, 18));
    }

    private static PortingRequest request(PortingState state, OffsetDateTime foc) {
        PortingRequest r = new PortingRequest();
        r.id = 1L;
        r.state = state;
        r.focAt = foc;
        return r;
    }

    private static PortingRules rules() {
        return new PortingRules() {
            @Override
            public int leadTimeBusinessDays() {
                return 10;
            }

            @Override
            public int billMaxAgeDays() {
                return 60;
            }

            @Override
            public int cancelWindowHours() {
                return 48;
            }

            @Override
            public long documentMaxBytes() {
                return 1024;
            }
        };
    }
}
