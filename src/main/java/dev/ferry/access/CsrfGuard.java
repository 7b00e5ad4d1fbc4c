package dev.ferry.access;

import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery defence for the dashboard's cookie session. A state-changing API call that rides on the
 * session cookie must carry the {@code X-Requested-With} header. Browsers let no other site set a custom header on a
 * cross-origin request without a CORS preflight, which Ferry never grants; together with the SameSite=Lax session
 * cookie this keeps forged form posts and scripted requests from other origins out. Bearer-token calls carry no
 * ambient credential and are not affected.
 */
public class CsrfGuard {

    static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/")
                || request.getHeaderString("Authorization") != null) {
            return null;
        }
        if (request.getHeaderString(HEADER) == null
                || request.getHeaderString(HEADER).isBlank()) {
            var problem = new ProblemException(
                            ProblemType.FORBIDDEN, "A dashboard request must send the " + HEADER + " header")
                    .toProblem(request.getUriInfo().getPath());
            return Response.status(403)
                    .type("application/problem+json")
                    .entity(problem)
                    .build();
        }
        return null;
    }
}
