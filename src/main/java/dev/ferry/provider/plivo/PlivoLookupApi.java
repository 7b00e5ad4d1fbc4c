package dev.ferry.provider.plivo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Plivo's Lookup API (section 8 of the Plivo API reference): its own host, not under /Account/{auth_id}. */
@Path("/v1/Number")
@Produces(MediaType.APPLICATION_JSON)
public interface PlivoLookupApi {

    /** The number keeps its literal {@code +}; the path segment has no trailing slash, as Plivo writes it. */
    @GET
    @Path("/{number}")
    Response lookup(
            @HeaderParam("Authorization") String auth,
            @PathParam("number") String e164,
            @QueryParam("type") String type);
}
