package dev.ferry.provider.vault.api;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.provider.vault.ConnectionVerifier;
import dev.ferry.provider.vault.ProviderVault;
import dev.ferry.provider.vault.api.ConnectionRecords.ConnectionView;
import dev.ferry.provider.vault.api.ConnectionRecords.PlivoCredentials;
import dev.ferry.provider.vault.api.ConnectionRecords.TwilioCredentials;
import dev.ferry.provider.vault.api.ConnectionRecords.VerifyResult;
import dev.ferry.provider.vault.domain.Provider;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/connections")
@Tag(name = "Connections")
public class ConnectionResource {

    @Inject
    TenantAccess access;

    @Inject
    ProviderVault vault;

    @Inject
    ConnectionVerifier verifier;

    @Inject
    Caller caller;

    @Inject
    Instance<HttpServer> server;

    @ConfigProperty(name = "ferry.sandbox.enabled", defaultValue = "false")
    boolean sandboxEnabled;

    @ConfigProperty(name = "ferry.external-base-url")
    String externalBaseUrl;

    @GET
    @Operation(summary = "The tenant's provider connections, account ids masked, tokens never shown")
    public Page<ConnectionView> list(@PathParam("tenantId") String tenantId) {
        access.read(
                tenantId, Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PLATFORM_ADMIN, Role.PORTING_DESK);
        return new Page<>(vault.list(), null);
    }

    @PUT
    @Path("plivo")
    @Operation(
            summary = "Store the tenant's Plivo credentials (tenant admin)",
            description =
                    "A baseUrl other than Ferry's own sandbox (while it is on) is a platform admin's choice (403).")
    public ConnectionView putPlivo(@PathParam("tenantId") String tenantId, @Valid @NotNull PlivoCredentials body) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        requireBaseUrlAllowed(body.baseUrl());
        return vault.connect(Provider.PLIVO, body.authId(), body.authToken(), body.baseUrl());
    }

    @PUT
    @Path("twilio")
    @Operation(
            summary = "Store the tenant's Twilio credentials (tenant admin)",
            description =
                    "A baseUrl other than Ferry's own sandbox (while it is on) is a platform admin's choice (403).")
    public ConnectionView putTwilio(@PathParam("tenantId") String tenantId, @Valid @NotNull TwilioCredentials body) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        requireBaseUrlAllowed(body.baseUrl());
        return vault.connect(Provider.TWILIO, body.accountSid(), body.authToken(), body.baseUrl());
    }

    @POST
    @Path("{provider}/verify")
    @Operation(summary = "Ask the provider whether the stored credentials work and which account they reach")
    public VerifyResult verify(@PathParam("tenantId") String tenantId, @PathParam("provider") String provider) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.PLATFORM_ADMIN);
        Provider which = Provider.fromSlug(provider).orElseThrow(() -> ProblemException.notFound("Provider", provider));
        return verifier.verify(which);
    }

    /**
     * The base URL is where Ferry sends the tenant's token and whose answers it trusts. A tenant admin may leave it
     * out (the provider's real hosts) or, while the sandboxes are on, point it at this server's own sandbox; any other
     * address, an internal one above all, would make Ferry call it from inside the operator's network, so only a
     * platform admin may choose one.
     */
    private void requireBaseUrlAllowed(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank() || caller.has(Role.PLATFORM_ADMIN) || ownSandbox(baseUrl.strip())) {
            return;
        }
        throw ProblemException.forbidden(
                        "Only a platform admin may point a connection at a base URL other than the provider's own hosts")
                .with("field", "baseUrl");
    }

    private boolean ownSandbox(String baseUrl) {
        if (!sandboxEnabled) {
            return false;
        }
        URI given;
        URI own;
        try {
            given = URI.create(baseUrl);
            own = URI.create(externalBaseUrl);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String path = given.getPath() == null ? "" : given.getPath();
        if (!path.equals("/sandbox/plivo")
                        && !path.equals("/sandbox/twilio")
                        && !path.startsWith("/sandbox/plivo/")
                        && !path.startsWith("/sandbox/twilio/")
                || path.contains("..")) {
            return false;
        }
        if (!lower(given.getScheme()).equals(lower(own.getScheme()))
                || !lower(given.getHost()).equals(lower(own.getHost()))) {
            return false;
        }
        int port = given.getPort();
        if (port == own.getPort()) {
            return true;
        }
        // A server told to take any free port (port 0) is reached on the port it took.
        return own.getPort() == 0
                && server.isResolvable()
                && (port == 0 || port == server.get().getPort());
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
