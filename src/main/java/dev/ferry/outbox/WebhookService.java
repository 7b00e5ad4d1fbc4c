package dev.ferry.outbox;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.outbox.api.WebhookRecords.AttemptView;
import dev.ferry.outbox.api.WebhookRecords.CreateEndpoint;
import dev.ferry.outbox.api.WebhookRecords.CreatedEndpoint;
import dev.ferry.outbox.api.WebhookRecords.DeliveryView;
import dev.ferry.outbox.api.WebhookRecords.EndpointView;
import dev.ferry.outbox.api.WebhookRecords.UpdateEndpoint;
import dev.ferry.outbox.domain.WebhookEndpoint;
import dev.ferry.provider.vault.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** A tenant's webhook endpoints and their delivery log. The tenant must have been entered by the caller. */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    SecretBox vault;

    @Inject
    AuditLog audit;

    @Inject
    OutboxConfig config;

    /** Creates an endpoint with a new signing secret, returned here once and kept sealed afterwards. */
    @Transactional
    public CreatedEndpoint create(String tenantId, CreateEndpoint request) {
        WebhookEndpoint e = new WebhookEndpoint();
        e.url = checkedUrl(request.url());
        e.events = events(request.events());
        e.enabled = request.enabled() == null || request.enabled();
        e.secretSealed = "-";
        e.persist();
        em.flush();
        String secret = newSecret();
        e.secretSealed = vault.seal(secret, WebhookEndpoint.secretContext(tenantId, e.id));
        em.flush();
        audit.record(
                tenantId, "webhook_endpoint.created", "webhook_endpoint", e.id.toString(), null, EndpointView.of(e));
        LOG.infof("webhook endpoint %d created", e.id);
        return new CreatedEndpoint(
                e.id, e.url, List.of(e.events), e.enabled, e.createdAt, secret, WebhookSignature.HEADER);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EndpointView> list(String cursor, int limit) {
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        List<WebhookEndpoint> rows = WebhookEndpoint.<WebhookEndpoint>find("id > ?1 order by id", after)
                .page(0, limit + 1)
                .list();
        return Page.of(rows, limit, EndpointView::of, e -> Cursor.encode(e.id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EndpointView get(long id) {
        return EndpointView.of(find(id));
    }

    @Transactional
    public EndpointView update(String tenantId, long id, UpdateEndpoint change) {
        WebhookEndpoint e = find(id);
        EndpointView before = EndpointView.of(e);
        if (change.url() != null) {
            e.url = checkedUrl(change.url());
        }
        if (change.events() != null) {
            e.events = events(change.events());
        }
        if (change.enabled() != null) {
            e.enabled = change.enabled();
        }
        em.flush();
        EndpointView after = EndpointView.of(e);
        audit.record(tenantId, "webhook_endpoint.updated", "webhook_endpoint", e.id.toString(), before, after);
        return after;
    }

    /** Deletes an endpoint; its pending deliveries go with it. */
    @Transactional
    public void delete(String tenantId, long id) {
        WebhookEndpoint e = find(id);
        EndpointView before = EndpointView.of(e);
        e.delete();
        audit.record(
                tenantId,
                "webhook_endpoint.deleted",
                "webhook_endpoint",
                before.id().toString(),
                before,
                null);
        LOG.infof("webhook endpoint %d deleted", id);
    }

    /** An endpoint's deliveries, newest first, each with its attempts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Page<DeliveryView> deliveries(String tenantId, long endpointId, String cursor, int limit) {
        find(endpointId);
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        // The delivery tables have no entities; the tenant predicate is written out here.
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, o.event_id, o.type, d.status, d.attempts, d.next_attempt_at, d.last_status_code,
                               d.last_error, d.delivered_at, d.created_at
                          FROM webhook_delivery d JOIN outbox_event o ON o.id = d.outbox_id
                         WHERE d.tenant_id = :tenant AND d.endpoint_id = :endpoint AND d.id < :before
                         ORDER BY d.id DESC LIMIT :limit
                        """)
                .setParameter("tenant", tenantId)
                .setParameter("endpoint", endpointId)
                .setParameter("before", before)
                .setParameter("limit", limit + 1)
                .getResultList();
        Map<Long, List<AttemptView>> attempts = attempts(tenantId, rows);
        return Page.of(
                rows,
                limit,
                r -> new DeliveryView(
                        ((Number) r[0]).longValue(),
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        time(r[5]),
                        r[6] == null ? null : ((Number) r[6]).intValue(),
                        (String) r[7],
                        time(r[8]),
                        time(r[9]),
                        attempts.getOrDefault(((Number) r[0]).longValue(), List.of())),
                r -> Cursor.encode(r[0].toString()));
    }

    @SuppressWarnings("unchecked")
    private Map<Long, List<AttemptView>> attempts(String tenantId, List<Object[]> deliveries) {
        Map<Long, List<AttemptView>> byDelivery = new LinkedHashMap<>();
        if (deliveries.isEmpty()) {
            return byDelivery;
        }
        List<Long> ids =
                deliveries.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT delivery_id, attempt, status_code, error, duration_ms, attempted_at FROM webhook_attempt"
                                + " WHERE tenant_id = :tenant AND delivery_id IN (:ids) ORDER BY id")
                .setParameter("tenant", tenantId)
                .setParameter("ids", ids)
                .getResultList();
        for (Object[] r : rows) {
            byDelivery
                    .computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new AttemptView(
                            ((Number) r[1]).intValue(),
                            r[2] == null ? null : ((Number) r[2]).intValue(),
                            (String) r[3],
                            ((Number) r[4]).longValue(),
                            time(r[5])));
        }
        return byDelivery;
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }

    private WebhookEndpoint find(long id) {
        WebhookEndpoint e = WebhookEndpoint.findById(id);
        if (e == null) {
            throw ProblemException.notFound("Webhook endpoint", id);
        }
        return e;
    }

    /**
     * Only http(s) URLs with a host and without credentials in them. Loopback, private and link-local addresses are
     * refused unless {@code ferry.outbox.allow-private-targets} is on; the dispatcher checks again before each
     * delivery, since a name may resolve differently later.
     */
    private String checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.invalid("url", "must be an http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid(
                    "url", "must not carry a user or password: every reader of the endpoint sees it");
        }
        if (config.requireHttps() && !scheme.equals("https")) {
            throw ProblemException.invalid("url", "must use https");
        }
        if (!config.allowPrivateTargets()) {
            WebhookTargets.refusal(uri).ifPresent(why -> {
                throw ProblemException.invalid("url", why);
            });
        }
        return uri.toString();
    }

    private static String[] events(List<String> events) {
        return events == null ? new String[0] : events.stream().distinct().toArray(String[]::new);
    }

    private String newSecret() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
