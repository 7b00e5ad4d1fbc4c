package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxAccounts;
import dev.ferry.sandbox.plivo.SandboxLookup;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The sandbox's Lookup API, {@code /v1/Number/{+E164}?type=carrier} (section 8 of the Plivo API reference). */
@Path("/sandbox/plivo-lookup/v1/Number")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxLookupResource {

    @Inject
    SandboxAccounts accounts;

    @GET
    @Path("/{number}")
    public Map<String, Object> lookup(
            @HeaderParam("Authorization") String auth,
            @PathParam("number") String number,
            @QueryParam("type") String type) {
        accounts.credentials(auth);
        return SandboxLookup.lookup(number, type);
    }
}
