package dev.ferry.number;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.phone.E164;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.number.api.NumberRecords.Capabilities;
import dev.ferry.number.api.NumberRecords.HistoryEntry;
import dev.ferry.number.api.NumberRecords.NumberDetail;
import dev.ferry.number.api.NumberRecords.NumberView;
import dev.ferry.number.api.NumberRecords.PlivoConfig;
import dev.ferry.number.api.NumberRecords.StateCounts;
import dev.ferry.number.api.NumberRecords.TwilioConfig;
import dev.ferry.number.api.NumberRecords.UpdateNumber;
import dev.ferry.number.domain.NumberPlan;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.NumberType;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Reads and changes a tenant's number inventory. Lists are plain SQL over the {@code (tenant_id, e164)} key so that a
 * page costs one index range scan however large the inventory; the tenant predicate comes from the entered tenant.
 */
@ApplicationScoped
public class NumberService {

    private static final Set<NumberState> PLANNABLE = Set.of(NumberState.DISCOVERED, NumberState.PLANNED);

    private static final String COLUMNS = """
            e164, country, number_type, voice, sms, mms, provider, plan, state, twilio_sid, twilio_account_sid,
            twilio_friendly_name, twilio_voice_url, twilio_sms_url, twilio_status_callback,
            twilio_messaging_service_sid, missing_from_twilio_at, plivo_app_id, plivo_alias, plivo_subaccount,
            replaced_by, tags, created_at, updated_at, version
            """;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    NumberLedger ledger;

    @Inject
    AuditLog audit;

    @Inject
    PlivoNumberService plivoNumbers;

    /** What a cursor of the number list holds: the E.164 number a page ended with. */
    private static final Pattern E164_KEY = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** One page of the entered tenant's numbers, in E.164 order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NumberView> list(NumberFilter filter, String cursor, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        boolean tagged = filter.tags() != null && !filter.tags().isEmpty();
        if (tagged) {
            // Walk one tag's numbers in E.164 order (phone_number_tag's key) and look each up with the other filters:
            // a page costs the numbers it skips, never a sort of every tagged number. OFFSET 0 keeps the lookup a
            // per-row probe; joined plainly, the planner may merge against a walk of the whole tenant instead.
            sql.append("SELECT p.* FROM phone_number_tag t CROSS JOIN LATERAL (SELECT ")
                    .append(COLUMNS)
                    .append(" FROM phone_number WHERE ");
            where(sql, params, filter, true);
            sql.append(" AND e164 = t.e164 OFFSET 0) p WHERE t.tenant_id = ? AND t.tag = ?");
            params.add(tenant.require());
            params.add(filter.tags().get(0));
            if (cursor != null) {
                sql.append(" AND t.e164 > ?");
                params.add(Cursor.decode(cursor, E164_KEY));
            }
            sql.append(" ORDER BY t.e164 LIMIT ?");
        } else {
            sql.append("SELECT ").append(COLUMNS).append(" FROM phone_number WHERE ");
            where(sql, params, filter, true);
            if (cursor != null) {
                sql.append(" AND e164 > ?");
                params.add(Cursor.decode(cursor, E164_KEY));
            }
            sql.append(" ORDER BY e164 LIMIT ?");
        }
        params.add(limit + 1);
        List<NumberView> rows = query(sql.toString(), params, NumberService::view);
        return Page.of(rows, limit, v -> v, v -> Cursor.encode(v.e164()));
    }

    /** How many of the entered tenant's numbers are in each state; the state filter is ignored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StateCounts counts(NumberFilter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT state, count(*) FROM phone_number WHERE ");
        where(sql, params, filter, false);
        if (filter.tags() != null && !filter.tags().isEmpty()) {
            // The tag's numbers come from phone_number_tag; tags @> (in where) still checks every tag asked for.
            sql.append(" AND e164 IN (SELECT e164 FROM phone_number_tag WHERE tenant_id = ? AND tag = ?)");
            params.add(tenant.require());
            params.add(filter.tags().get(0));
        }
        sql.append(" GROUP BY state");
        Map<NumberState, Long> byState = new EnumMap<>(NumberState.class);
        for (NumberState s : NumberState.values()) {
            byState.put(s, 0L);
        }
        query(sql.toString(), params, rs -> byState.put(NumberState.valueOf(rs.getString(1)), rs.getLong(2)));
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return new StateCounts(total, byState);
    }

    /** A number with its history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NumberDetail get(E164 e164) {
        PhoneNumber number = find(e164);
        List<HistoryEntry> history = ledger.history(number).stream()
                .map(c -> new HistoryEntry(c.from, c.to, c.plan, c.actor, c.reason, c.occurredAt))
                .toList();
        return new NumberDetail(view(number), history);
    }

    /**
     * Sets a number's plan and tags. A plan can be chosen or changed while the number is DISCOVERED or PLANNED;
     * later the migration is under way and a different plan needs the porting request or purchase undone first.
     */
    @Transactional
    public NumberView update(E164 e164, UpdateNumber change) {
        PhoneNumber number = find(e164);
        Map<String, Object> before = snapshot(number);
        if (change.plan() != null && change.plan() != number.plan) {
            if (!PLANNABLE.contains(number.state)) {
                throw new ProblemException(
                                ProblemType.INVALID_TRANSITION,
                                "The plan of a number in state " + number.state + " cannot be changed")
                        .with("currentState", number.state)
                        .with("allowedStates", PLANNABLE);
            }
            ledger.plan(number, change.plan(), "plan set to " + change.plan());
        }
        if (change.plivo() != null) {
            plivoNumbers.reconfigure(number, change.plivo());
        }
        if (change.tags() != null) {
            number.tags = change.tags().stream().distinct().sorted().toArray(String[]::new);
        }
        Map<String, Object> after = snapshot(number);
        if (!after.equals(before)) {
            number.updatedAt = OffsetDateTime.now();
            audit.record(number.tenantId, "number.updated", "phone_number", number.e164, before, after);
            em.flush();
        }
        return view(number);
    }

    private PhoneNumber find(E164 e164) {
        PhoneNumber number = PhoneNumber.find("e164", e164.value()).firstResult();
        if (number == null) {
            throw ProblemException.notFound("Number", e164.value());
        }
        return number;
    }

    private static Map<String, Object> snapshot(PhoneNumber n) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("plan", n.plan == null ? null : n.plan.name());
        s.put("state", n.state.name());
        s.put("tags", List.of(n.tags));
        return s;
    }

    private void where(StringBuilder sql, List<Object> params, NumberFilter f, boolean withState) {
        sql.append("tenant_id = ?");
        params.add(tenant.require());
        if (withState && f.states() != null && !f.states().isEmpty()) {
            sql.append(" AND state = ANY (?)");
            params.add(f.states().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.provider() != null) {
            sql.append(" AND provider = ?");
            params.add(f.provider().name());
        }
        if (f.country() != null) {
            sql.append(" AND country = ?");
            params.add(f.country());
        }
        if (f.type() != null) {
            sql.append(" AND number_type = ?");
            params.add(f.type().name());
        }
        if (f.capabilities() != null) {
            for (String capability : f.capabilities()) {
                // The column names come from a closed set checked by the resource, never from the request text.
                sql.append(" AND ").append(capability).append(" = true");
            }
        }
        if (f.subaccount() != null) {
            sql.append(" AND (plivo_subaccount = ? OR twilio_account_sid = ?)");
            params.add(f.subaccount());
            params.add(f.subaccount());
        }
        if (f.tags() != null && !f.tags().isEmpty()) {
            sql.append(" AND tags @> ?");
            params.add(f.tags().toArray(String[]::new));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String digits = f.text().replaceAll("[^0-9]", "");
            String like = "%"
                    + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (");
            if (!digits.isEmpty()) {
                sql.append("e164 LIKE ? OR ");
                params.add("%" + digits + "%");
            }
            sql.append("twilio_friendly_name ILIKE ? OR plivo_alias ILIKE ?)");
            params.add(like);
            params.add(like);
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof String[] array) {
                        ps.setArray(i + 1, c.createArrayOf("text", array));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static NumberView view(ResultSet rs) throws SQLException {
        Array tags = rs.getArray("tags");
        String plan = rs.getString("plan");
        return new NumberView(
                rs.getString("e164"),
                rs.getString("country").strip(),
                NumberType.valueOf(rs.getString("number_type")),
                new Capabilities(rs.getBoolean("voice"), rs.getBoolean("sms"), rs.getBoolean("mms")),
                NumberProvider.valueOf(rs.getString("provider")),
                plan == null ? null : NumberPlan.valueOf(plan),
                NumberState.valueOf(rs.getString("state")),
                new TwilioConfig(
                        rs.getString("twilio_sid"),
                        rs.getString("twilio_account_sid"),
                        rs.getString("twilio_friendly_name"),
                        rs.getString("twilio_voice_url"),
                        rs.getString("twilio_sms_url"),
                        rs.getString("twilio_status_callback"),
                        rs.getString("twilio_messaging_service_sid"),
                        rs.getObject("missing_from_twilio_at", OffsetDateTime.class)),
                new PlivoConfig(
                        rs.getString("plivo_app_id"), rs.getString("plivo_alias"), rs.getString("plivo_subaccount")),
                rs.getString("replaced_by"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    /** libphonenumber's finer kinds folded into Ferry's four. */
    static NumberType typeOf(E164 number) {
        return switch (number.type()) {
            case MOBILE -> NumberType.MOBILE;
            case FIXED_LINE, FIXED_LINE_OR_MOBILE -> NumberType.LOCAL;
            case TOLL_FREE -> NumberType.TOLL_FREE;
            default -> NumberType.OTHER;
        };
    }

    /** The API view of an entity. */
    public static NumberView view(PhoneNumber n) {
        return new NumberView(
                n.e164,
                n.country.strip(),
                n.type,
                new Capabilities(n.voice, n.sms, n.mms),
                n.provider,
                n.plan,
                n.state,
                new TwilioConfig(
                        n.twilioSid,
                        n.twilioAccountSid,
                        n.twilioFriendlyName,
                        n.twilioVoiceUrl,
                        n.twilioSmsUrl,
                        n.twilioStatusCallback,
                        n.twilioMessagingServiceSid,
                        n.missingFromTwilioAt),
                new PlivoConfig(n.plivoAppId, n.plivoAlias, n.plivoSubaccount),
                n.replacedBy,
                List.of(n.tags),
                n.createdAt,
                n.updatedAt,
                n.version);
    }
}
