package dev.ferry.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.audit.domain.AuditEvent;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit event as the API shows it; before and after are the stored JSON states. */
public record AuditEventView(
        String id,
        OffsetDateTime occurredAt,
        @Schema(nullable = true) String tenantId,
        String actor,
        List<String> actorRoles,
        String action,
        String objectType,
        String objectId,
        @Schema(type = SchemaType.OBJECT, nullable = true) JsonNode before,
        @Schema(type = SchemaType.OBJECT, nullable = true) JsonNode after,
        @Schema(nullable = true) String requestId) {

    static AuditEventView of(AuditEvent e, ObjectMapper json) {
        return new AuditEventView(
                e.id.toString(),
                e.occurredAt,
                e.tenantId,
                e.actor,
                List.of(e.actorRoles),
                e.action,
                e.objectType,
                e.objectId,
                parse(json, e.before),
                parse(json, e.after),
                e.requestId);
    }

    private static JsonNode parse(ObjectMapper json, String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
