package dev.ferry.access.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's sign-in entry. The path is protected by the code-flow OIDC tenant, so an anonymous browser is sent
 * to Keycloak first and arrives here signed in; this then returns it to where it was.
 */
@Path("/login")
public class LoginResource {

    @GET
    @Operation(hidden = true)
    public Response login(@QueryParam("redirect") String redirect) {
        return Response.seeOther(URI.create(safeLocalPath(redirect))).build();
    }

    /** Only a path on this site: anything else would make the sign-in page an open redirect. */
    static String safeLocalPath(String redirect) {
        if (redirect == null
                || !redirect.startsWith("/")
                || redirect.startsWith("//")
                || redirect.contains("\\")
                || redirect.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return redirect;
    }
}
