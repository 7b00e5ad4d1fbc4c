package dev.ferry.porting.api;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.porting.PortingDocuments;
import dev.ferry.porting.PortingQueries;
import dev.ferry.porting.PortingService;
import dev.ferry.porting.api.PortingRecords.DocumentView;
import dev.ferry.porting.api.PortingRecords.HistoryView;
import dev.ferry.porting.api.PortingRecords.PortingNumberView;
import dev.ferry.porting.api.PortingRecords.PortingStateCounts;
import dev.ferry.porting.api.PortingRecords.RequestDetails;
import dev.ferry.porting.api.PortingRecords.RequestSummary;
import dev.ferry.porting.api.PortingRecords.RequestView;
import dev.ferry.porting.api.PortingRecords.RevisionView;
import dev.ferry.porting.api.PortingRecords.Transitions;
import dev.ferry.porting.domain.DocumentKind;
import dev.ferry.porting.domain.TransitionCommand;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/tenants/{tenantId}/porting-requests")
@Tag(name = "Porting")
public class PortingRequestResource {

    private static final Role[] READERS = {
        Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PORTING_DESK, Role.PLATFORM_ADMIN
    };
    private static final Role[] EDITORS = {Role.TENANT_ADMIN, Role.TENANT_OPERATOR};
    private static final Role[] MOVERS = {Role.TENANT_ADMIN, Role.PORTING_DESK, Role.PLATFORM_ADMIN};

    @Inject
    TenantAccess access;

    @Inject
    Caller caller;

    @Inject
    PortingService porting;

    @Inject
    PortingQueries queries;

    @Inject
    PortingDocuments documents;

    @GET
    @Operation(
            summary =
                    "The tenant's porting requests, newest first; filter by state (repeat or comma-separate) and number")
    public Page<RequestSummary> list(
            @PathParam("tenantId") String tenantId,
            @QueryParam("state") List<String> state,
            @QueryParam("number") String number,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        access.read(tenantId, READERS);
        return queries.forTenant(tenantId, PortingQueries.states(state), number, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("counts")
    @Operation(summary = "How many of the tenant's porting requests are in each state")
    public PortingStateCounts counts(@PathParam("tenantId") String tenantId) {
        access.read(tenantId, READERS);
        return queries.countsForTenant(tenantId);
    }

    @POST
    @Operation(summary = "Start a draft porting request")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Response create(
            @PathParam("tenantId") String tenantId, @Valid @NotNull RequestDetails body, @Context UriInfo uri) {
        access.change(tenantId, EDITORS);
        RequestView created = porting.create(tenantId, body);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A porting request with its numbers, rejections and documents; the PIN masked")
    public RequestView get(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return porting.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Edit a draft, or the rejected fields of a request in ACTION_REQUIRED")
    public RequestView update(
            @PathParam("tenantId") String tenantId, @PathParam("id") long id, @Valid @NotNull RequestDetails body) {
        access.change(tenantId, EDITORS);
        return porting.update(tenantId, id, body, caller.roles());
    }

    @GET
    @Path("{id}/numbers")
    @Operation(summary = "The request's numbers and how each fared")
    public List<PortingNumberView> numbers(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return porting.numbers(id);
    }

    @GET
    @Path("{id}/documents")
    @Operation(summary = "The request's documents (metadata)")
    public List<DocumentView> documents(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return documents.list(id);
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a document (LOA, BILL with issuedOn, OTHER): PDF, PNG or JPEG")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentView.class)))
    public Response upload(
            @PathParam("tenantId") String tenantId,
            @PathParam("id") long id,
            @RestForm("kind") String kind,
            @RestForm("issuedOn") String issuedOn,
            @RestForm("file") FileUpload file,
            @Context UriInfo uri) {
        access.change(tenantId, EDITORS);
        if (file == null) {
            throw ProblemException.invalid("file", "is required");
        }
        DocumentView view = documents.upload(
                tenantId,
                id,
                kind(kind),
                date(issuedOn),
                file.fileName(),
                file.contentType(),
                file.uploadedFile(),
                caller.roles());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(view.id().toString())
                        .path("content")
                        .build())
                .entity(view)
                .build();
    }

    @GET
    @Path("{id}/documents/{documentId}/content")
    @Operation(summary = "Download a document")
    public Response download(
            @PathParam("tenantId") String tenantId,
            @PathParam("id") long id,
            @PathParam("documentId") long documentId) {
        access.read(tenantId, READERS);
        PortingDocuments.Content c = documents.content(id, documentId);
        return Response.ok(c.bytes(), c.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + c.filename() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + c.sha256())
                .build();
    }

    @GET
    @Path("{id}/transitions")
    @Operation(summary = "The moves the caller may make now, with the body members each needs")
    public Transitions transitions(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return porting.transitions(id, caller.roles());
    }

    @POST
    @Path("{id}/transitions")
    @Operation(summary = "Move the request to another state (409 illegal or stale, 403 wrong role, 422 guard)")
    public RequestView transition(
            @PathParam("tenantId") String tenantId, @PathParam("id") long id, @Valid @NotNull TransitionCommand body) {
        access.change(tenantId, MOVERS);
        return porting.transition(tenantId, id, body, caller.roles());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every state change, oldest first")
    public List<HistoryView> history(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return porting.history(id);
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "Every submission and what changed since the one before")
    public List<RevisionView> revisions(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        access.read(tenantId, READERS);
        return porting.revisions(id);
    }

    private static DocumentKind kind(String kind) {
        try {
            return kind == null ? null : DocumentKind.valueOf(kind.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "must be LOA, BILL or OTHER");
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("issuedOn", "must be a date (YYYY-MM-DD)");
        }
    }
}
