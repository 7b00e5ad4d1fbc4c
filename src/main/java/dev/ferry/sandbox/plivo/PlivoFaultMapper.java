package dev.ferry.sandbox.plivo;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a {@link PlivoFault} in Plivo's error shape (section 1.6 of the Plivo API reference), not problem+json. */
public class PlivoFaultMapper {

    @ServerExceptionMapper
    public Response fault(PlivoFault fault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_id", SandboxJson.apiId());
        if (fault.lookupShape()) {
            body.put("error_code", fault.status());
            body.put("message", fault.getMessage());
        } else {
            body.put("error", fault.getMessage());
        }
        return Response.status(fault.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }
}
