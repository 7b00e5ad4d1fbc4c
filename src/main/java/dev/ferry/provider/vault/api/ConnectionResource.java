package dev.ferry.provider.vault.api;

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
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    @GET
    @Operation(summary = "The tenant's provider connections, account ids masked, tokens never shown")
    public Page<ConnectionView> list(@PathParam("tenantId") String tenantId) {
        access.read(
                tenantId, Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PLATFORM_ADMIN, Role.PORTING_DESK);
        return new Page<>(vault.list(), null);
    }

    @PUT
    @Path("plivo")
    @Operation(summary = "Store the tenant's Plivo credentials (tenant admin)")
    public ConnectionView putPlivo(@PathParam("tenantId") String tenantId, @Valid @NotNull PlivoCredentials body) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        return vault.connect(Provider.PLIVO, body.authId(), body.authToken(), body.baseUrl());
    }

    @PUT
    @Path("twilio")
    @Operation(summary = "Store the tenant's Twilio credentials (tenant admin)")
    public ConnectionView putTwilio(@PathParam("tenantId") String tenantId, @Valid @NotNull TwilioCredentials body) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
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
}
