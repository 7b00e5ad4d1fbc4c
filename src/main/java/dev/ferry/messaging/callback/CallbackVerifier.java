package dev.ferry.messaging.callback;

import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.provider.signature.PlivoSignatureV2;
import dev.ferry.provider.signature.PlivoSignatureV3;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks that a callback comes from Plivo: a V3 signature (keyed with the owning (sub)account's token, or the
 * {@code -Ma-} one keyed with the main account's) when the request carries V3 headers, else a V2 signature. A request
 * with V3 headers is never let through on V2, since V2 does not cover the parameters and a tampered body would pass.
 * Accepted nonces are kept for {@code ferry.messaging.callback-window}, so a replayed request is recognised as stale;
 * reports about messages older than the window are refused as stale too, since their nonces may be forgotten.
 */
@ApplicationScoped
public class CallbackVerifier {

    private static final Logger LOG = Logger.getLogger(CallbackVerifier.class);

    @Inject
    EntityManager em;

    /**
     * How long accepted nonces are kept, and so how old a message may be for its reports to be taken: a report about
     * an older message could be a replay whose nonce was already forgotten, and is refused as stale.
     */
    @ConfigProperty(name = "ferry.messaging.callback-window", defaultValue = "P7D")
    Duration window;

    /** Whether a message created at {@code createdAt} is too old for its reports to be believed. */
    public boolean stale(OffsetDateTime createdAt) {
        return createdAt.isBefore(oldestBelieved());
    }

    /** Forgets nonces older than the window; every replica may run it, deleting twice does no harm. */
    @Scheduled(every = "1h", identity = "ferry-plivo-nonce-purge")
    @Transactional
    void purge() {
        int gone = em.createNativeQuery("DELETE FROM plivo_callback_nonce WHERE seen_at < ?1")
                .setParameter(1, OffsetDateTime.now().minus(window))
                .executeUpdate();
        if (gone > 0) {
            LOG.infof("forgot %d Plivo callback nonces older than %s", gone, window);
        }
    }

    /**
     * A signature that matched: its nonce, and whether it was the one in the main account's header ({@code -Ma-}),
     * which is good whoever owns the message, rather than the one in the owner's header.
     */
    public record Match(String nonce, boolean mainAccountHeader) {}

    /** The oldest creation time of a message whose reports are still believed (see {@link #stale}). */
    public OffsetDateTime oldestBelieved() {
        return OffsetDateTime.now().minus(window);
    }

    /**
     * The nonce of the signature that matched, or empty when none did.
     *
     * @param ownerToken the auth token of the (sub)account that owns the message or number
     * @param mainToken the main account's auth token
     */
    public Optional<String> verify(PlivoCallback callback, HttpHeaders headers, String ownerToken, String mainToken) {
        return match(callback, headers, ownerToken, mainToken).map(Match::nonce);
    }

    /** Like {@link #verify}, and tells which header's signature matched. */
    public Optional<Match> match(PlivoCallback callback, HttpHeaders headers, String ownerToken, String mainToken) {
        // V3 first; V2 only when no V3 nonce came. The owner's header is tried before the main account's.
        for (Scheme scheme : SCHEMES) {
            String nonce = headers.getHeaderString(scheme.nonceHeader());
            if (nonce == null || nonce.isEmpty()) {
                continue;
            }
            String key = scheme.prefix() + nonce;
            if (scheme.check().validate(callback, nonce, headers.getHeaderString(scheme.ownerHeader()), ownerToken)) {
                return Optional.of(new Match(key, false));
            }
            boolean main =
                    scheme.check().validate(callback, nonce, headers.getHeaderString(scheme.mainHeader()), mainToken);
            return main ? Optional.of(new Match(key, true)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** One of Plivo's signature versions: its headers and its check. */
    private record Scheme(String prefix, String nonceHeader, String ownerHeader, String mainHeader, Check check) {}

    @FunctionalInterface
    private interface Check {
        boolean validate(PlivoCallback callback, String nonce, String signatureHeader, String authToken);
    }

    private static final List<Scheme> SCHEMES = List.of(
            new Scheme(
                    "v3:",
                    PlivoSignatureV3.NONCE_HEADER,
                    PlivoSignatureV3.SIGNATURE_HEADER,
                    PlivoSignatureV3.MAIN_ACCOUNT_SIGNATURE_HEADER,
                    PlivoSignatureV3::validate),
            new Scheme(
                    "v2:",
                    PlivoSignatureV2.NONCE_HEADER,
                    PlivoSignatureV2.SIGNATURE_HEADER,
                    PlivoSignatureV2.MAIN_ACCOUNT_SIGNATURE_HEADER,
                    PlivoSignatureV2::validate));

    /**
     * Records a nonce in the caller's transaction. False when it was seen before: the request is a replay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstUse(String tenantId, String nonce) {
        int inserted = em.createNativeQuery("INSERT INTO plivo_callback_nonce (tenant_id, nonce) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, tenantId)
                .setParameter(2, nonce)
                .executeUpdate();
        return inserted == 1;
    }
}
