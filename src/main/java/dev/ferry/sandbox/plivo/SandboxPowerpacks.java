package dev.ferry.sandbox.plivo;

import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoApplication;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPoolNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPowerpack;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Powerpacks and their number pools in the sandbox (section 6 of the Plivo API reference). */
@ApplicationScoped
public class SandboxPowerpacks {

    @Inject
    SandboxNumbers numbers;

    @Transactional
    public SandboxPlivoPowerpack create(SandboxPlivoAccount caller, SandboxJson args) {
        String name = args.text("name");
        if (name == null || name.isBlank()) {
            throw PlivoFault.badRequest("name is required");
        }
        if (SandboxPlivoPowerpack.count("mainId = ?1 and name = ?2", caller.mainId(), name) > 0) {
            throw PlivoFault.badRequest("a Powerpack named " + name + " already exists");
        }
        SandboxPlivoPowerpack pp = new SandboxPlivoPowerpack();
        pp.uuid = UUID.randomUUID();
        pp.numberPoolUuid = UUID.randomUUID();
        pp.mainId = caller.mainId();
        pp.subAccount = caller.isMain() ? null : caller.authId;
        pp.name = name;
        apply(caller, pp, args);
        pp.persist();
        return pp;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SandboxPlivoPowerpack> list(SandboxPlivoAccount caller) {
        Scope scope = Scope.of(caller);
        return SandboxPlivoPowerpack.list(
                scope.where(), Sort.descending("createdOn").and("uuid"), scope.authId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoPowerpack get(SandboxPlivoAccount caller, String uuid) {
        SandboxPlivoPowerpack pp = SandboxPlivoPowerpack.findById(parseUuid(uuid, "Powerpack"));
        if (pp == null || !Scope.of(caller).reaches(pp.mainId, pp.subAccount)) {
            throw PlivoFault.notFound("Powerpack not found");
        }
        return pp;
    }

    @Transactional
    public SandboxPlivoPowerpack update(SandboxPlivoAccount caller, String uuid, SandboxJson args) {
        SandboxPlivoPowerpack pp = get(caller, uuid);
        if (args.has("name")) {
            String name = args.text("name");
            if (name.isBlank()) {
                throw PlivoFault.badRequest("name must not be empty");
            }
            pp.name = name;
        }
        apply(caller, pp, args);
        return pp;
    }

    /** Deletes a Powerpack; its pool numbers stay rented unless {@code unrent_numbers} (Plivo's default false). */
    @Transactional
    public void delete(SandboxPlivoAccount caller, String uuid, SandboxJson args) {
        SandboxPlivoPowerpack pp = get(caller, uuid);
        if (args.bool("unrent_numbers", false)) {
            List<SandboxPlivoPoolNumber> pool = SandboxPlivoPoolNumber.list("numberPoolUuid", pp.numberPoolUuid);
            for (SandboxPlivoPoolNumber member : pool) {
                SandboxPlivoNumber.deleteById(member.number);
            }
        }
        SandboxPlivoPoolNumber.delete("numberPoolUuid", pp.numberPoolUuid);
        pp.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoPowerpack byPool(SandboxPlivoAccount caller, String poolUuid) {
        SandboxPlivoPowerpack pp = SandboxPlivoPowerpack.<SandboxPlivoPowerpack>find(
                        "numberPoolUuid", parseUuid(poolUuid, "number pool"))
                .firstResult();
        if (pp == null || !Scope.of(caller).reaches(pp.mainId, pp.subAccount)) {
            throw PlivoFault.notFound("number pool not found");
        }
        return pp;
    }

    /** Adds a number of the account to the pool; with {@code rent=true} a number for sale is bought first. */
    @Transactional
    public SandboxPlivoPoolNumber add(SandboxPlivoAccount caller, String poolUuid, String number, SandboxJson args) {
        SandboxPlivoPowerpack pp = byPool(caller, poolUuid);
        String service = args.text("service", "sms").toLowerCase(Locale.ROOT);
        if (!service.equals("sms") && !service.equals("mms")) {
            throw PlivoFault.badRequest("service must be sms or mms");
        }
        if (args.bool("rent", false) && SandboxPlivoNumber.findById(number) == null) {
            numbers.buy(caller, number, SandboxJson.of(null, null));
        }
        numbers.get(caller, number);
        SandboxPlivoPoolNumber existing = SandboxPlivoPoolNumber.findById(number);
        if (existing != null) {
            if (existing.numberPoolUuid.equals(pp.numberPoolUuid)) {
                existing.service = service;
                return existing;
            }
            throw PlivoFault.badRequest("number " + number + " is already in another number pool");
        }
        SandboxPlivoPoolNumber member = new SandboxPlivoPoolNumber();
        member.number = number;
        member.numberPoolUuid = pp.numberPoolUuid;
        member.service = service;
        member.persist();
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoPoolNumber find(SandboxPlivoAccount caller, String poolUuid, String number) {
        SandboxPlivoPowerpack pp = byPool(caller, poolUuid);
        SandboxPlivoPoolNumber member = SandboxPlivoPoolNumber.findById(number);
        if (member == null || !member.numberPoolUuid.equals(pp.numberPoolUuid)) {
            throw PlivoFault.notFound("number not found in this number pool");
        }
        return member;
    }

    /** Removes a number from the pool; {@code unrent} (default false) also gives it back to Plivo. */
    @Transactional
    public void remove(SandboxPlivoAccount caller, String poolUuid, String number, SandboxJson args) {
        SandboxPlivoPoolNumber member = find(caller, poolUuid, number);
        member.delete();
        if (args.bool("unrent", false)) {
            SandboxPlivoNumber.deleteById(number);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SandboxPlivoPoolNumber> pool(SandboxPlivoAccount caller, String poolUuid, SandboxJson args) {
        SandboxPlivoPowerpack pp = byPool(caller, poolUuid);
        String service = args.text("service");
        String startsWith = args.text("starts_with");
        return SandboxPlivoPoolNumber.<SandboxPlivoPoolNumber>list(
                        "numberPoolUuid", Sort.ascending("addedOn").and("number"), pp.numberPoolUuid)
                .stream()
                .filter(p -> service == null || service.equalsIgnoreCase(p.service))
                .filter(p -> startsWith == null || startsWithAny(p.number, startsWith))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoNumber number(String number) {
        return SandboxPlivoNumber.findById(number);
    }

    private static boolean startsWithAny(String number, String prefixes) {
        for (String prefix : prefixes.split(",")) {
            if (!prefix.isBlank() && number.contains(prefix.strip())) {
                return true;
            }
        }
        return false;
    }

    private static void apply(SandboxPlivoAccount caller, SandboxPlivoPowerpack pp, SandboxJson args) {
        pp.stickySender = args.bool("sticky_sender", pp.stickySender);
        pp.localConnect = args.bool("local_connect", pp.localConnect);
        if (args.has("application_id")) {
            String appId = args.text("application_id");
            if (appId.isEmpty() || appId.equalsIgnoreCase("none")) {
                pp.applicationId = "";
                pp.applicationType = "";
            } else {
                String type = args.text("application_type");
                if (type == null) {
                    throw PlivoFault.badRequest("application_type is required with application_id");
                }
                SandboxPlivoApplication app = SandboxPlivoApplication.findById(appId);
                if (app == null || !Scope.of(caller).reaches(app.mainId, app.subAccount)) {
                    throw PlivoFault.badRequest("application_id " + appId + " is not an application of this account");
                }
                pp.applicationId = appId;
                pp.applicationType = type.toUpperCase(Locale.ROOT);
            }
        }
        String priority = args.json("number_priority");
        if (priority != null) {
            if (!priority.startsWith("[")) {
                throw PlivoFault.badRequest("number_priority must be an array");
            }
            pp.numberPriority = priority;
        }
    }

    private static UUID parseUuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw PlivoFault.notFound(what + " not found");
        }
    }
}
