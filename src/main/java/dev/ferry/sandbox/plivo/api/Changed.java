package dev.ferry.sandbox.plivo.api;

import dev.ferry.sandbox.plivo.SandboxJson;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Plivo's answer to an update: 202 {@code {"api_id", "message": "changed"}}. */
final class Changed {

    private Changed() {}

    static Response response() {
        Map<String, Object> answer = SandboxJson.answer();
        answer.put("message", "changed");
        return Response.accepted(answer).build();
    }

    /** Plivo's answer to a number pool removal: 200 {@code {"api_id", "response": "success"}}. */
    static Response success() {
        Map<String, Object> answer = SandboxJson.answer();
        answer.put("response", "success");
        return Response.ok(answer).build();
    }
}
