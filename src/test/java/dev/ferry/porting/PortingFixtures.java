package dev.ferry.porting;

import dev.ferry.common.phone.E164;
import dev.ferry.number.NumberLedger;
import dev.ferry.number.domain.NumberPlan;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.NumberType;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.porting.domain.DocumentKind;
import dev.ferry.porting.domain.PortingDocument;
import dev.ferry.porting.domain.PortingNumber;
import dev.ferry.porting.domain.PortingRejection;
import dev.ferry.porting.domain.PortingRequest;
import dev.ferry.porting.domain.PortingState;
import dev.ferry.porting.domain.RejectionCode;
import dev.ferry.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data written straight through the entities: inventory numbers (the inventory API is another feature), and
 * porting requests placed in any state so that every transition can be tried from it.
 */
@ApplicationScoped
public class PortingFixtures {

    /** A request built by {@link #requestIn}: its id, numbers and the open rejection, if any. */
    public record Built(long id, List<String> numbers, Long rejectionId) {}

    @Inject
    TenantContext tenant;

    @Inject
    NumberLedger ledger;

    @Inject
    EntityManager em;

    /** Itself through its proxy, so that the interceptors run on the fresh thread. */
    @Inject
    PortingFixtures self;

    /** A new PLANNED (plan PORT) Twilio number in the tenant's inventory; a fresh valid US number. */
    public String number(String tenantId) {
        return fresh(() -> self.newNumber(tenantId));
    }

    /** See {@link #build}. */
    public Built requestIn(String tenantId, PortingState state) {
        return fresh(() -> self.build(tenantId, state));
    }

    /**
     * Runs on a thread of its own: a test method may already hold a request context bound to another tenant, and a
     * request context works in one tenant only.
     */
    private static <T> T fresh(java.util.function.Supplier<T> work) {
        return java.util.concurrent.CompletableFuture.supplyAsync(work).join();
    }

    @Transactional
    @ActivateRequestContext
    public String newNumber(String tenantId) {
        tenant.enter(tenantId);
        while (true) {
            String candidate = "+1415" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
            if (E164.parse(candidate).isEmpty() || PhoneNumber.count("e164", candidate) > 0) {
                continue;
            }
            PhoneNumber p = new PhoneNumber();
            p.e164 = candidate;
            p.country = "US";
            p.type = NumberType.LOCAL;
            p.voice = true;
            p.sms = true;
            p.provider = NumberProvider.TWILIO;
            p.plan = NumberPlan.PORT;
            p.state = NumberState.PLANNED;
            p.persist();
            ledger.created(p, "test fixture");
            return candidate;
        }
    }

    /**
     * A complete request placed directly in {@code state}, ready for any move out of it: two numbers (held in
     * PORTING once past DRAFT), losing carrier details, an LOA and a recent bill, a port date a month ahead, an FOC
     * date ten days ahead when FOC_CONFIRMED, and an open rejection when ACTION_REQUIRED.
     */
    @Transactional
    @ActivateRequestContext
    public Built build(String tenantId, PortingState state) {
        List<String> numbers = List.of(newNumber(tenantId), newNumber(tenantId));
        tenant.enter(tenantId);
        PortingRequest r = new PortingRequest();
        r.state = state;
        r.losingCarrier = "Twilio";
        r.accountNumber = "AC-1234";
        r.authorisedPerson = "Alice Example";
        r.billingTelephoneNumber = numbers.get(0);
        r.serviceStreet = "1 Market St";
        r.serviceLocality = "San Francisco";
        r.serviceRegion = "CA";
        r.servicePostalCode = "94105";
        r.serviceCountry = "US";
        r.requestedPortDate = LocalDate.now().plusDays(35);
        r.revision = state == PortingState.DRAFT ? 0 : 1;
        r.focAt = state == PortingState.FOC_CONFIRMED ? OffsetDateTime.now().plusDays(10) : null;
        r.createdBy = "fixture";
        r.persist();
        for (String e164 : numbers) {
            PhoneNumber p = PhoneNumber.find("e164", e164).firstResult();
            PortingNumber n = new PortingNumber();
            n.requestId = r.id;
            n.numberId = p.id;
            n.e164 = e164;
            if (state.open()) {
                n.priorState = p.state;
                ledger.move(p, NumberState.PORTING, "fixture");
            }
            n.persist();
        }
        document(r.id, DocumentKind.LOA, null);
        document(r.id, DocumentKind.BILL, LocalDate.now().minusDays(5));
        Long rejection = null;
        if (state == PortingState.ACTION_REQUIRED) {
            PortingRejection rej = new PortingRejection();
            rej.requestId = r.id;
            rej.revision = 1;
            rej.code = RejectionCode.ACCOUNT_NUMBER_MISMATCH;
            rej.fields = new String[] {"accountNumber"};
            rej.raisedBy = "fixture";
            rej.raisedAt = OffsetDateTime.now();
            rej.persist();
            em.flush();
            rejection = rej.id;
        }
        return new Built(r.id, numbers, rejection);
    }

    private void document(long requestId, DocumentKind kind, LocalDate issuedOn) {
        PortingDocument d = new PortingDocument();
        d.requestId = requestId;
        d.kind = kind;
        d.filename = kind.name().toLowerCase() + ".pdf";
        d.contentType = "application/pdf";
        d.content = "%PDF-1.4 fixture".getBytes();
        d.size = d.content.length;
        d.sha256 = PortingService.sha256(d.content);
        d.issuedOn = issuedOn;
        d.uploadedBy = "fixture";
        d.uploadedAt = OffsetDateTime.now();
        d.persist();
    }

    /** What a refused change must leave alone. */
    public record Footprint(long version, String state, long history, long audit, long outbox) {}

    /** Reads the request's version, state and the rows its changes write, across the tenant filter. */
    @Transactional
    public Footprint footprint(long requestId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT version, state FROM porting_request WHERE id = ?1")
                .setParameter(1, requestId)
                .getSingleResult();
        return new Footprint(
                ((Number) row[0]).longValue(),
                (String) row[1],
                count("SELECT count(*) FROM porting_history WHERE request_id = ?1", requestId),
                count(
                        "SELECT count(*) FROM audit_event WHERE object_type = 'porting_request'"
                                + " AND object_id = CAST(?1 AS varchar)",
                        requestId),
                count(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_type = 'porting_request'"
                                + " AND aggregate_id = CAST(?1 AS varchar)",
                        requestId));
    }

    /** The inventory state and provider of a number, across the tenant filter. */
    @Transactional
    public List<String> inventory(String e164, String tenantId) {
        Object[] row = (Object[])
                em.createNativeQuery("SELECT state, provider FROM phone_number WHERE e164 = ?1 AND tenant_id = ?2")
                        .setParameter(1, e164)
                        .setParameter(2, tenantId)
                        .getSingleResult();
        return new ArrayList<>(List.of((String) row[0], (String) row[1]));
    }

    /** Runs a statement for a test that simulates what a crash or an operator would leave behind. */
    @Transactional
    public int execute(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    /** One value read with plain SQL, across the tenant filter. */
    @Transactional
    public Object scalar(String sql) {
        return em.createNativeQuery(sql).getSingleResult();
    }

    private long count(String sql, long requestId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, requestId).getSingleResult()).longValue();
    }
}
