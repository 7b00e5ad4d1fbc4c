package dev.ferry.messaging.callback;

import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.provider.signature.PlivoSignatureV2;
import dev.ferry.provider.signature.PlivoSignatureV3;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Checks that a callback comes from Plivo: a V3 signature (keyed with the owning (sub)account's token, or the
 * {@code -Ma-} one keyed with the main account's) when the request carries V3 headers, else a V2 signature. A request
 * with V3 headers is never let through on V2, since V2 does not cover the parameters and a tampered body would pass.
 * Accepted nonces are kept, so a replayed request is recognised as stale.
 */
@ApplicationScoped
public class CallbackVerifier {

    @Inject
    EntityManager em;

    /**
     * The nonce of the signature that matched, or empty when none did.
     *
     * @param ownerToken the auth token of the (sub)account that owns the message or number
     * @param mainToken the main account's auth token
     */
    public Optional<String> verify(PlivoCallback callback, HttpHeaders headers, String ownerToken, String mainToken) {
        String v3Nonce = headers.getHeaderString(PlivoSignatureV3.NONCE_HEADER);
        if (v3Nonce != null && !v3Nonce.isEmpty()) {
            boolean ok = PlivoSignatureV3.validate(
                            callback, v3Nonce, headers.getHeaderString(PlivoSignatureV3.SIGNATURE_HEADER), ownerToken)
                    || PlivoSignatureV3.validate(
                            callback,
                            v3Nonce,
                            headers.getHeaderString(PlivoSignatureV3.MAIN_ACCOUNT_SIGNATURE_HEADER),
                            mainToken);
            return ok ? Optional.of("v3:" + v3Nonce) : Optional.empty();
        }
        String v2Nonce = headers.getHeaderString(PlivoSignatureV2.NONCE_HEADER);
        if (v2Nonce != null && !v2Nonce.isEmpty()) {
            boolean ok = PlivoSignatureV2.validate(
                            callback, v2Nonce, headers.getHeaderString(PlivoSignatureV2.SIGNATURE_HEADER), ownerToken)
                    || PlivoSignatureV2.validate(
                            callback,
                            v2Nonce,
                            headers.getHeaderString(PlivoSignatureV2.MAIN_ACCOUNT_SIGNATURE_HEADER),
                            mainToken);
            return ok ? Optional.of("v2:" + v2Nonce) : Optional.empty();
        }
        return Optional.empty();
    }

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
