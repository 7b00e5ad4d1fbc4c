package dev.ferry.compliance.geo.api;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.compliance.geo.GeoPermissions;
import dev.ferry.compliance.geo.TwilioGeoImport;
import dev.ferry.compliance.geo.api.GeoRecords.BulkUpdate;
import dev.ferry.compliance.geo.api.GeoRecords.Matrix;
import dev.ferry.compliance.geo.api.GeoRecords.PermissionView;
import dev.ferry.compliance.geo.api.GeoRecords.SubaccountMatrix;
import dev.ferry.compliance.geo.api.GeoRecords.TwilioComparison;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}")
@Tag(name = "Geo permissions")
public class GeoPermissionResource {

    static final Role[] READERS = {
        Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PORTING_DESK, Role.PLATFORM_ADMIN
    };
    static final Role[] EDITORS = {Role.TENANT_ADMIN, Role.PLATFORM_ADMIN};

    @Inject
    TenantAccess access;

    @Inject
    Caller caller;

    @Inject
    GeoPermissions permissions;

    @Inject
    TwilioGeoImport twilioImport;

    @GET
    @Path("geo-permissions")
    @Operation(summary = "The tenant's geo-permission matrix; a country without a row is denied")
    public Matrix matrix(@PathParam("tenantId") String tenantId) {
        access.read(tenantId, READERS);
        return permissions.matrix();
    }

    @PATCH
    @Path("geo-permissions")
    @Operation(
            summary = "Change several countries at once, all or none",
            description =
                    "Only a platform admin may allow SMS or voice to a high-risk country or clear its mark (403).")
    public List<PermissionView> update(@PathParam("tenantId") String tenantId, BulkUpdate body) {
        access.change(tenantId, EDITORS);
        return permissions.update(null, changes(body), caller.roles());
    }

    @GET
    @Path("geo-permissions/twilio-comparison")
    @Operation(summary = "Twilio's messaging geo permissions against the tenant's matrix, country by country")
    public TwilioComparison compareWithTwilio(@PathParam("tenantId") String tenantId) {
        access.read(tenantId, READERS);
        return twilioImport.compare(null, false, caller.roles());
    }

    @POST
    @Path("geo-permissions/twilio-import")
    @Operation(
            summary = "Take Twilio's SMS decisions over into the tenant's matrix, and show what changed",
            description = "A high-risk country Twilio allows is taken over only by a platform admin; otherwise it is"
                    + " left alone with a note.")
    public TwilioComparison importFromTwilio(@PathParam("tenantId") String tenantId) {
        access.change(tenantId, EDITORS);
        return twilioImport.compare(null, true, caller.roles());
    }

    @GET
    @Path("subaccounts/{subaccount}/geo-permissions")
    @Operation(summary = "What applies to a subaccount, country by country, and whether it overrides the tenant")
    public SubaccountMatrix subaccountMatrix(
            @PathParam("tenantId") String tenantId, @PathParam("subaccount") String subaccount) {
        access.read(tenantId, READERS);
        return permissions.matrix(subaccount);
    }

    @PATCH
    @Path("subaccounts/{subaccount}/geo-permissions")
    @Operation(summary = "Override the tenant's matrix for a subaccount; inherit=true removes an override")
    public List<PermissionView> updateSubaccount(
            @PathParam("tenantId") String tenantId, @PathParam("subaccount") String subaccount, BulkUpdate body) {
        access.change(tenantId, EDITORS);
        return permissions.update(subaccount, changes(body), caller.roles());
    }

    @GET
    @Path("subaccounts/{subaccount}/geo-permissions/twilio-comparison")
    @Operation(summary = "The Twilio subaccount's messaging geo permissions against what applies to this subaccount")
    public TwilioComparison compareSubaccountWithTwilio(
            @PathParam("tenantId") String tenantId, @PathParam("subaccount") String subaccount) {
        access.read(tenantId, READERS);
        return twilioImport.compare(subaccount, false, caller.roles());
    }

    @POST
    @Path("subaccounts/{subaccount}/geo-permissions/twilio-import")
    @Operation(
            summary = "Take the Twilio subaccount's SMS decisions over as this subaccount's overrides",
            description = "The subaccount must stand for a Twilio account (twilioAccountSid); 409 otherwise.")
    public TwilioComparison importSubaccountFromTwilio(
            @PathParam("tenantId") String tenantId, @PathParam("subaccount") String subaccount) {
        access.change(tenantId, EDITORS);
        return twilioImport.compare(subaccount, true, caller.roles());
    }

    private static List<GeoRecords.PermissionChange> changes(BulkUpdate body) {
        if (body == null || body.permissions() == null) {
            throw ProblemException.invalid("permissions", "is required");
        }
        return body.permissions();
    }
}
