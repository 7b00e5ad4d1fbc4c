package dev.ferry.sandbox.plivo;

import dev.ferry.sandbox.plivo.domain.SandboxPlivoAccount;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoApplication;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoNumber;
import dev.ferry.sandbox.plivo.domain.SandboxPlivoPowerpack;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/** Plivo applications in the sandbox (section 5 of the Plivo API reference). */
@ApplicationScoped
public class SandboxApplications {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Transactional
    public SandboxPlivoApplication create(SandboxPlivoAccount caller, SandboxJson args) {
        String name = args.text("app_name");
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw PlivoFault.badRequest("app_name is required and may hold only letters, digits, - and _");
        }
        SandboxPlivoApplication app = new SandboxPlivoApplication();
        app.appId = newAppId();
        app.mainId = caller.mainId();
        app.subAccount = caller.isMain() ? subaccountArg(caller, args) : caller.authId;
        app.appName = name;
        apply(app, args);
        if (app.defaultNumberApp) {
            clearDefault(app);
        }
        app.persist();
        return app;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SandboxPlivoApplication> list(SandboxPlivoAccount caller, SandboxJson args) {
        Scope scope = Scope.of(caller);
        String sub = args.text("subaccount");
        String name = args.text("app_name");
        return SandboxPlivoApplication.<SandboxPlivoApplication>list(
                        scope.where(), Sort.descending("createdAt").and("appId"), scope.authId())
                .stream()
                .filter(a -> sub == null || sub.equals(a.subAccount))
                .filter(a -> name == null || name.equals(a.appName))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SandboxPlivoApplication get(SandboxPlivoAccount caller, String appId) {
        SandboxPlivoApplication app = SandboxPlivoApplication.findById(appId);
        if (app == null || !Scope.of(caller).reaches(app.mainId, app.subAccount)) {
            throw PlivoFault.notFound("application not found");
        }
        return app;
    }

    @Transactional
    public void update(SandboxPlivoAccount caller, String appId, SandboxJson args) {
        SandboxPlivoApplication app = get(caller, appId);
        if (args.has("app_name")) {
            String name = args.text("app_name");
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw PlivoFault.badRequest("app_name may hold only letters, digits, - and _");
            }
            app.appName = name;
        }
        if (caller.isMain() && args.has("subaccount")) {
            app.subAccount = subaccountArg(caller, args);
        }
        apply(app, args);
        if (app.defaultNumberApp) {
            clearDefault(app);
        }
    }

    /** Deletes an application; numbers linked to it are left without one, Powerpacks using it with none. */
    @Transactional
    public void delete(SandboxPlivoAccount caller, String appId) {
        SandboxPlivoApplication app = get(caller, appId);
        SandboxPlivoNumber.update("appId = null where appId = ?1", app.appId);
        SandboxPlivoPowerpack.update("applicationId = '', applicationType = '' where applicationId = ?1", app.appId);
        app.delete();
    }

    private static void apply(SandboxPlivoApplication app, SandboxJson args) {
        app.answerUrl = args.text("answer_url", app.answerUrl);
        app.answerMethod = method(args, "answer_method", app.answerMethod);
        app.hangupUrl = args.text("hangup_url", app.hangupUrl.isEmpty() ? app.answerUrl : app.hangupUrl);
        app.hangupMethod = method(args, "hangup_method", app.hangupMethod);
        app.fallbackAnswerUrl = args.text("fallback_answer_url", app.fallbackAnswerUrl);
        app.fallbackMethod = method(args, "fallback_method", app.fallbackMethod);
        app.messageUrl = args.text("message_url", app.messageUrl);
        app.messageMethod = method(args, "message_method", app.messageMethod);
        app.defaultNumberApp = args.bool("default_number_app", app.defaultNumberApp);
        app.defaultEndpointApp = args.bool("default_endpoint_app", app.defaultEndpointApp);
        app.logIncomingMessages = args.bool("log_incoming_messages", app.logIncomingMessages);
        app.publicUri = args.bool("public_uri", app.publicUri);
    }

    private static String method(SandboxJson args, String name, String current) {
        String value = args.text(name);
        if (value == null) {
            return current;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.equals("GET") && !upper.equals("POST")) {
            throw PlivoFault.badRequest(name + " must be GET or POST");
        }
        return upper;
    }

    private static String subaccountArg(SandboxPlivoAccount caller, SandboxJson args) {
        String sub = args.text("subaccount");
        if (sub == null || sub.isEmpty()) {
            return null;
        }
        SandboxPlivoAccount target = SandboxPlivoAccount.findById(sub);
        if (target == null || !caller.authId.equals(target.parentId)) {
            throw PlivoFault.badRequest("subaccount " + sub + " does not belong to this account");
        }
        return sub;
    }

    private static void clearDefault(SandboxPlivoApplication app) {
        SandboxPlivoApplication.update(
                "defaultNumberApp = false where mainId = ?1 and appId <> ?2", app.mainId, app.appId);
    }

    private static String newAppId() {
        String id;
        do {
            id = String.valueOf(
                    10_000_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 89_999_999_999_999_999L);
        } while (SandboxPlivoApplication.findById(id) != null);
        return id;
    }
}
