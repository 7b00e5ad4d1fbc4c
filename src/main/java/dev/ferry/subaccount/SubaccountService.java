package dev.ferry.subaccount;

import dev.ferry.audit.AuditLog;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.number.domain.PhoneNumber;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.plivo.PlivoClient;
import dev.ferry.provider.plivo.PlivoSubaccounts.Cascade;
import dev.ferry.provider.plivo.PlivoSubaccounts.Created;
import dev.ferry.provider.vault.PlivoCredentialsChanged;
import dev.ferry.provider.vault.ProviderVault;
import dev.ferry.provider.vault.SecretBox;
import dev.ferry.subaccount.api.SubaccountRecords.SubaccountView;
import dev.ferry.subaccount.domain.Subaccount;
import dev.ferry.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The tenant's Plivo subaccounts. Plivo is changed first and Ferry's mirror only when Plivo said yes; the auth token
 * Plivo hands out on creation goes to the vault sealed and never leaves Ferry's API.
 */
@ApplicationScoped
public class SubaccountService {

    private static final Logger LOG = Logger.getLogger(SubaccountService.class);

    @Inject
    EntityManager em;

    @Inject
    ProviderVault vault;

    @Inject
    PlivoClient plivo;

    @Inject
    SecretBox box;

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    @Inject
    Event<PlivoCredentialsChanged> plivoChanged;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SubaccountView> list(String cursor, int limit) {
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        List<Subaccount> rows = Subaccount.<Subaccount>find("id > ?1 order by id", after)
                .page(0, limit + 1)
                .list();
        return Page.of(rows, limit, SubaccountView::of, s -> Cursor.encode(Long.toString(s.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubaccountView get(String authId) {
        return SubaccountView.of(find(authId));
    }

    /** Creates the subaccount on Plivo, then mirrors it with its token sealed. */
    @Transactional
    public SubaccountView create(String name, boolean enabled, String twilioAccountSid) {
        String tenantId = tenant.require();
        holdTwilioMapping(tenantId, twilioAccountSid);
        requireUnmapped(twilioAccountSid, null);
        PlivoAccount account = vault.plivo();
        Created created;
        try {
            created = plivo.createSubaccount(account, name, enabled);
        } catch (ProviderException e) {
            throw refusal(e, "create a subaccount");
        }
        Subaccount s = new Subaccount();
        s.plivoAuthId = created.authId();
        s.name = name;
        s.enabled = enabled;
        s.sealedToken = box.seal(created.authToken(), sealingContext(tenantId, created.authId()));
        s.twilioAccountSid = blankToNull(twilioAccountSid);
        try {
            s.persist();
            Subaccount.flush();
        } catch (RuntimeException e) {
            // Not mirrored: do not leave a subaccount on Plivo that Ferry does not know about.
            try {
                plivo.deleteSubaccount(account, created.authId(), Cascade.MOVE_TO_MAIN_ACCOUNT);
            } catch (RuntimeException cleanup) {
                LOG.errorf(cleanup, "Plivo subaccount %s could not be removed after a failed create", created.authId());
            }
            throw e;
        }
        SubaccountView view = SubaccountView.of(s);
        audit.record(tenantId, "subaccount.created", "subaccount", s.plivoAuthId, null, view);
        plivoChanged.fire(new PlivoCredentialsChanged(tenantId));
        LOG.infof("Plivo subaccount %s created for tenant %s", s.plivoAuthId, tenantId);
        return view;
    }

    /** What one step of an import of Twilio's subaccounts left: the subaccount mapped, and whether the step changed it. */
    public record TwilioMapping(SubaccountView subaccount, boolean changed) {}

    /**
     * The subaccount standing for a Twilio account, created (on Plivo, then here) when there is none yet. In a
     * transaction of its own, so that what an import created stays when a later entry of the same import fails.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public TwilioMapping createForTwilio(String twilioAccountSid, String name) {
        holdTwilioMapping(tenant.require(), twilioAccountSid);
        Subaccount existing =
                Subaccount.find("twilioAccountSid", twilioAccountSid).firstResult();
        if (existing != null) {
            return new TwilioMapping(SubaccountView.of(existing), false);
        }
        return new TwilioMapping(create(name, true, twilioAccountSid), true);
    }

    /**
     * Makes an existing subaccount stand for a Twilio account. Already so: nothing changes. A subaccount that stands
     * for another Twilio account, or a Twilio account another subaccount stands for, answers 409: a mapping is only
     * moved on purpose, by a PATCH. In a transaction of its own, like {@link #createForTwilio}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public TwilioMapping mapToTwilio(String authId, String twilioAccountSid) {
        // The advisory lock before the row lock, in the order a PATCH takes them, so the two cannot deadlock.
        holdTwilioMapping(tenant.require(), twilioAccountSid);
        Subaccount s = Subaccount.find("plivoAuthId", authId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (s == null) {
            throw ProblemException.notFound("Subaccount", authId);
        }
        if (twilioAccountSid.equals(s.twilioAccountSid)) {
            return new TwilioMapping(SubaccountView.of(s), false);
        }
        if (s.twilioAccountSid != null) {
            throw ProblemException.conflict(
                            "Subaccount " + authId + " already stands for the Twilio account " + s.twilioAccountSid)
                    .with("subaccount", authId)
                    .with("twilioAccountSid", s.twilioAccountSid);
        }
        requireUnmapped(twilioAccountSid, s);
        SubaccountView before = SubaccountView.of(s);
        s.twilioAccountSid = twilioAccountSid;
        Subaccount.flush();
        SubaccountView after = SubaccountView.of(s);
        audit.record(s.tenantId, "subaccount.mapped", "subaccount", authId, before, after);
        return new TwilioMapping(after, true);
    }

    /**
     * Renames, enables or disables a subaccount (on Plivo, then here) and changes which Twilio subaccount it stands
     * for (here only). Absent members stay as they are.
     */
    @Transactional
    public SubaccountView update(String authId, String name, Boolean enabled, String twilioAccountSid) {
        Subaccount s = find(authId);
        SubaccountView before = SubaccountView.of(s);
        if (twilioAccountSid != null) {
            holdTwilioMapping(s.tenantId, twilioAccountSid);
            requireUnmapped(twilioAccountSid, s);
        }
        boolean onPlivo = (name != null && !name.equals(s.name)) || (enabled != null && enabled != s.enabled);
        if (onPlivo) {
            try {
                plivo.updateSubaccount(vault.plivo(), authId, name == null ? s.name : name, enabled);
            } catch (ProviderException e) {
                throw refusal(e, "update subaccount " + authId);
            }
            s.name = name == null ? s.name : name;
            s.enabled = enabled == null ? s.enabled : enabled;
        }
        if (twilioAccountSid != null) {
            s.twilioAccountSid = blankToNull(twilioAccountSid);
        }
        Subaccount.flush();
        SubaccountView after = SubaccountView.of(s);
        if (!after.equals(before)) {
            audit.record(s.tenantId, "subaccount.updated", "subaccount", authId, before, after);
        }
        return after;
    }

    /**
     * Deletes a subaccount on Plivo, then here. With {@link Cascade#MOVE_TO_MAIN_ACCOUNT} its numbers stay rented and
     * move to the main account; with {@link Cascade#DELETE_RESOURCES} Plivo unrents them and they leave the inventory.
     */
    @Transactional
    public void delete(String authId, Cascade cascade) {
        Subaccount s = find(authId);
        try {
            plivo.deleteSubaccount(vault.plivo(), authId, cascade);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.NOT_FOUND) {
                throw refusal(e, "delete subaccount " + authId);
            }
        }
        List<PhoneNumber> numbers = PhoneNumber.list("plivoSubaccount", authId);
        for (PhoneNumber n : numbers) {
            if (cascade == Cascade.DELETE_RESOURCES) {
                audit.record(s.tenantId, "number.released", "phone_number", n.e164, n.e164, null);
                n.delete();
            } else {
                n.plivoSubaccount = null;
            }
        }
        SubaccountView before = SubaccountView.of(s);
        s.delete();
        audit.record(
                s.tenantId,
                "subaccount.deleted",
                "subaccount",
                authId,
                before,
                java.util.Map.of("cascade", cascade.name(), "numbers", numbers.size()));
        plivoChanged.fire(new PlivoCredentialsChanged(s.tenantId));
        LOG.infof("Plivo subaccount %s deleted (%s, %d numbers)", authId, cascade, numbers.size());
    }

    /**
     * The credentials of one of the entered tenant's subaccounts, for calls made as that subaccount (sending its
     * messages, checking its callbacks' signatures). Plivo's host is the main account's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlivoAccount account(String authId) {
        Subaccount s = find(authId);
        PlivoAccount main = vault.plivo();
        String token = box.open(s.sealedToken, sealingContext(s.tenantId, s.plivoAuthId));
        return new PlivoAccount(s.plivoAuthId, token, main.baseUrl());
    }

    private Subaccount find(String authId) {
        Subaccount s = Subaccount.find("plivoAuthId", authId).firstResult();
        if (s == null) {
            throw ProblemException.notFound("Subaccount", authId);
        }
        return s;
    }

    /**
     * Serialises the requests that map a Twilio account until their transactions end, so the look-up in
     * {@link #requireUnmapped} sees a mapping another request has just committed. Without it two parallel creates both
     * passed the look-up, both created a subaccount on Plivo, and the loser failed on the unique constraint with a 500,
     * its Plivo subaccount left behind.
     */
    private void holdTwilioMapping(String tenantId, String twilioAccountSid) {
        if (twilioAccountSid == null || twilioAccountSid.isBlank()) {
            return;
        }
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "subaccount-twilio/" + tenantId + "/" + twilioAccountSid.strip())
                .getSingleResult();
    }

    private static void requireUnmapped(String twilioAccountSid, Subaccount self) {
        if (twilioAccountSid == null || twilioAccountSid.isBlank()) {
            return;
        }
        Subaccount other = Subaccount.find("twilioAccountSid", twilioAccountSid).firstResult();
        if (other != null && other != self) {
            throw ProblemException.conflict("The Twilio account " + twilioAccountSid + " is already mapped")
                    .with("subaccount", other.plivoAuthId);
        }
    }

    private static ProblemException refusal(ProviderException e, String doing) {
        boolean transientFailure = e.kind().transientFailure();
        return new ProblemException(
                        transientFailure
                                ? dev.ferry.common.problem.ProblemType.PROVIDER_UNAVAILABLE
                                : dev.ferry.common.problem.ProblemType.UNPROCESSABLE,
                        e.provider() + (transientFailure ? " did not " : " refused to ") + doing + ": "
                                + e.getMessage())
                .with("provider", e.provider())
                .with("providerStatus", e.status());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String sealingContext(String tenant, String authId) {
        return tenant + "/plivo-subaccount/" + authId;
    }
}
