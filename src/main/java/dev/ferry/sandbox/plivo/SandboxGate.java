package dev.ferry.sandbox.plivo;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps the Plivo sandbox shut when {@code ferry.sandbox.enabled} is false (production): every path under it answers
 * 404, as if it did not exist. When open, records each API request in the {@link SandboxRequestLog}.
 */
public class SandboxGate {

    static final String MAIN = "/sandbox/plivo/";
    static final String LOOKUP = "/sandbox/plivo-lookup/";
    static final String TEST_HOOKS = "/sandbox/plivo/_test/";

    @ConfigProperty(name = "ferry.sandbox.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    SandboxRequestLog log;

    @ServerRequestFilter(preMatching = true)
    public Response shut(ContainerRequestContext request) {
        if (!enabled && isSandbox(request.getUriInfo().getPath())) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (enabled && isSandbox(path) && !path.startsWith(TEST_HOOKS)) {
            log.record(
                    request.getMethod(),
                    path,
                    request.getUriInfo().getRequestUri().getRawQuery(),
                    response.getStatus(),
                    request.getHeaderString("Authorization"));
        }
    }

    static boolean isSandbox(String path) {
        return path.startsWith(MAIN) || path.startsWith(LOOKUP) || path.equals("/sandbox/plivo");
    }
}
