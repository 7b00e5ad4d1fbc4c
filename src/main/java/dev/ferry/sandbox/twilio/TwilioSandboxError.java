package dev.ferry.sandbox.twilio;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An error the Twilio sandbox answers in Twilio's own shape, {@code {code, message, more_info, status}}, so the
 * client's error translation runs against the real format. Never carries a credential.
 */
public class TwilioSandboxError extends RuntimeException {

    private final int status;
    private final int code;

    public TwilioSandboxError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static TwilioSandboxError unauthenticated() {
        return new TwilioSandboxError(401, 20003, "Authenticate");
    }

    static TwilioSandboxError notFound(String path) {
        return new TwilioSandboxError(404, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioSandboxError invalid(String message) {
        return new TwilioSandboxError(400, 20001, message);
    }

    /** Writes the error; registered for every resource, but only the sandbox throws this type. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response map(TwilioSandboxError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", e.code);
            body.put("message", e.getMessage());
            body.put("more_info", "https://www.twilio.com/docs/errors/" + e.code);
            body.put("status", e.status);
            Response.ResponseBuilder response =
                    Response.status(e.status).type(MediaType.APPLICATION_JSON).entity(body);
            if (e.status == 401) {
                response.header("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            }
            return response.build();
        }
    }
}
