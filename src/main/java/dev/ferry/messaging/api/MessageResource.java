package dev.ferry.messaging.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.idempotency.Idempotency;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.messaging.MessageLog;
import dev.ferry.messaging.MessagingService;
import dev.ferry.messaging.api.MessageRecords.MessageDetails;
import dev.ferry.messaging.api.MessageRecords.MessageView;
import dev.ferry.messaging.api.MessageRecords.SendMessage;
import dev.ferry.messaging.api.MessageRecords.Sent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/messages")
@Tag(name = "Messages")
public class MessageResource {

    private static final Role[] READERS = {
        Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PORTING_DESK, Role.PLATFORM_ADMIN
    };
    private static final Role[] SENDERS = {Role.TENANT_ADMIN, Role.TENANT_OPERATOR};

    @Inject
    TenantAccess access;

    @Inject
    MessagingService messaging;

    @Inject
    MessageLog log;

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper json;

    @POST
    @Operation(
            summary = "Send an SMS or MMS through Plivo to one or more destinations",
            description = "Every destination is checked first (geo permissions, sender-ID registration, the sending"
                    + " number on Plivo and able to send); one refusal answers 422 with refusals[] and sends nothing."
                    + " A send that passes is recorded (one pending message per destination) before Plivo is called,"
                    + " then updated with Plivo's answer: 202 with the messages Plivo queued, or a problem naming"
                    + " messageIds when Plivo refused or failed them (stored as failed with statusReason). Honours"
                    + " Idempotency-Key: a retried request with the same key never sends twice.")
    @APIResponse(
            responseCode = "202",
            description = "Queued at Plivo",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Sent.class)))
    public Response send(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            SendMessage body,
            @Context UriInfo uri) {
        access.change(tenantId, SENDERS);
        String fingerprint = Idempotency.fingerprint("POST", uri.getPath(), bytes(body));
        // No transaction around the send: it records its messages before calling Plivo and commits on its own.
        return idempotency.runOutsideTransaction(tenantId, idempotencyKey, fingerprint, uri.getPath(), () -> {
            Sent sent = messaging.send(body);
            return Response.accepted(sent).build();
        });
    }

    @GET
    @Operation(summary = "The tenant's messages, newest first, with filters")
    public Page<MessageView> list(
            @PathParam("tenantId") String tenantId,
            @QueryParam("direction") String direction,
            @QueryParam("status") String status,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("country") String country,
            @QueryParam("subaccount") String subaccount,
            @QueryParam("plivoUuid") String plivoUuid,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        access.read(tenantId, READERS);
        MessageLog.Filter filter = new MessageLog.Filter(
                direction,
                status,
                from,
                to,
                country,
                subaccount,
                plivoUuid,
                time("since", since),
                time("until", until));
        return log.list(filter, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One message with every status it went through")
    public MessageDetails get(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return log.get(id);
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date-time with offset (ISO 8601)");
        }
    }
}
