package dev.ferry.number.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.ferry.access.Role;
import dev.ferry.access.TenantAccess;
import dev.ferry.common.idempotency.Idempotency;
import dev.ferry.common.paging.Cursor;
import dev.ferry.common.paging.Page;
import dev.ferry.common.phone.E164;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.job.api.JobView;
import dev.ferry.number.NumberFilter;
import dev.ferry.number.NumberService;
import dev.ferry.number.PlivoNumberService;
import dev.ferry.number.PlivoPurchaseJob;
import dev.ferry.number.PlivoSyncJob;
import dev.ferry.number.api.NumberRecords.AvailablePage;
import dev.ferry.number.api.NumberRecords.ImportRequest;
import dev.ferry.number.api.NumberRecords.NumberDetail;
import dev.ferry.number.api.NumberRecords.NumberView;
import dev.ferry.number.api.NumberRecords.PurchaseRequest;
import dev.ferry.number.api.NumberRecords.PurchaseResult;
import dev.ferry.number.api.NumberRecords.StateCounts;
import dev.ferry.number.api.NumberRecords.UpdateNumber;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.NumberType;
import dev.ferry.number.imports.NumberImports;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/tenants/{tenantId}/numbers")
@Tag(name = "Numbers")
public class NumberResource {

    private static final Role[] READERS = {
        Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.VIEWER, Role.PLATFORM_ADMIN, Role.PORTING_DESK
    };
    private static final List<String> CAPABILITIES = List.of("voice", "sms", "mms");

    /** The inventory's filters, shared by the list and the counts. */
    public static class Query {
        @QueryParam("state")
        public List<String> state;

        @QueryParam("provider")
        public String provider;

        @QueryParam("country")
        public String country;

        @QueryParam("type")
        public String type;

        @QueryParam("capability")
        public List<String> capability;

        @QueryParam("subaccount")
        public String subaccount;

        @QueryParam("tag")
        public List<String> tag;

        @QueryParam("text")
        public String text;

        @QueryParam("cursor")
        public String cursor;

        @QueryParam("limit")
        public Integer limit;

        NumberFilter filter() {
            List<NumberState> states = new ArrayList<>();
            for (String s : state == null ? List.<String>of() : state) {
                states.add(parse("state", s, NumberState::valueOf));
            }
            List<String> capabilities = new ArrayList<>();
            for (String c : capability == null ? List.<String>of() : capability) {
                String lower = c.toLowerCase(Locale.ROOT);
                if (!CAPABILITIES.contains(lower)) {
                    throw ProblemException.invalid("capability", "must be voice, sms or mms");
                }
                capabilities.add(lower);
            }
            String iso = country == null || country.isBlank()
                    ? null
                    : country.strip().toUpperCase(Locale.ROOT);
            if (iso != null && !iso.matches("[A-Z]{2}")) {
                throw ProblemException.invalid("country", "must be a two-letter ISO 3166 code");
            }
            return new NumberFilter(
                    states,
                    provider == null ? null : parse("provider", provider, NumberProvider::valueOf),
                    iso,
                    type == null ? null : parse("type", type.replace('-', '_'), NumberType::valueOf),
                    capabilities,
                    subaccount == null || subaccount.isBlank() ? null : subaccount.strip(),
                    tag == null
                            ? List.of()
                            : tag.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                    text);
        }

        private static <E extends Enum<E>> E parse(String field, String value, Function<String, E> valueOf) {
            try {
                return valueOf.apply(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(field, "'" + value + "' is not a known value");
            }
        }
    }

    @Inject
    TenantAccess access;

    @Inject
    NumberService numbers;

    @Inject
    NumberImports imports;

    @Inject
    Idempotency idempotency;

    @Inject
    PlivoNumberService plivoNumbers;

    @GET
    @Operation(
            summary = "The tenant's numbers in E.164 order, filtered",
            description = "Filters: state (repeatable), provider, country (ISO 3166), type (local, mobile, toll-free,"
                    + " other), capability (voice, sms, mms; repeatable, all must hold), subaccount (Plivo"
                    + " subaccount or Twilio account SID), tag (repeatable, all must be present), text (digits,"
                    + " friendly name or alias). Cursor pagination: limit (1-500, default 50) and the next cursor.")
    public Page<NumberView> list(@PathParam("tenantId") String tenantId, @BeanParam Query query) {
        access.read(tenantId, READERS);
        return numbers.list(query.filter(), query.cursor, Cursor.limit(query.limit));
    }

    @GET
    @Path("counts")
    @Operation(summary = "How many of the tenant's numbers are in each state, with the list's filters except state")
    public StateCounts counts(@PathParam("tenantId") String tenantId, @BeanParam Query query) {
        access.read(tenantId, READERS);
        return numbers.counts(query.filter());
    }

    @GET
    @Path("{e164}")
    @Operation(summary = "A number with the history of its states")
    public NumberDetail get(@PathParam("tenantId") String tenantId, @PathParam("e164") String e164) {
        access.read(tenantId, READERS);
        return numbers.get(number(e164));
    }

    @PATCH
    @Path("{e164}")
    @Operation(summary = "Set a number's plan (PORT, REPLACE, KEEP) or its tags")
    public NumberView update(
            @PathParam("tenantId") String tenantId,
            @PathParam("e164") String e164,
            @Valid @NotNull UpdateNumber change) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.PLATFORM_ADMIN);
        return numbers.update(number(e164), change);
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Import numbers from a CSV upload, as a job",
            description = "Multipart field 'file': at most 10 MB and 200,000 rows (413 beyond). Layouts: plain"
                    + " 'number,country,type,capabilities,tags', or Twilio's console export (a 'Phone Number'"
                    + " column). UTF-8 with or without BOM, CRLF or LF, quoted fields, ',' or ';' separators. All or"
                    + " nothing: a file with a bad row answers 400 naming each bad row as 'line N: field' in"
                    + " errors[] (the first 1,000; errorCount has the total) and imports nothing. A good file answers"
                    + " 202 with the job; re-importing updates numbers and never duplicates them. Honours"
                    + " Idempotency-Key.")
    public Response importCsv(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @RestForm("file") FileUpload file,
            @Context UriInfo uri) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        if (file == null) {
            throw ProblemException.invalid("file", "is missing: upload the CSV as multipart field 'file'");
        }
        byte[] bytes = read(file);
        String fingerprint = Idempotency.fingerprint("POST", uri.getPath(), bytes);
        return idempotency.run(tenantId, idempotencyKey, fingerprint, uri.getPath(), () -> {
            JobView job = imports.startCsv(tenantId, file.fileName(), bytes);
            return Response.accepted(job)
                    .location(uri.getBaseUriBuilder()
                            .path("api/v1/tenants/{tenantId}/jobs/{jobId}")
                            .build(tenantId, job.id()))
                    .build();
        });
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import the connected Twilio account's numbers, as a job",
            description = "Body {\"source\": \"twilio\"}. Reads every page of the account's and each subaccount's"
                    + " incoming numbers with their Messaging Services. A re-import updates and never duplicates;"
                    + " the job's result lists numbers that disappeared from Twilio. Honours Idempotency-Key.")
    public Response importFromTwilio(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ImportRequest request,
            @Context UriInfo uri) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        String fingerprint =
                Idempotency.fingerprint("POST", uri.getPath(), request.source().getBytes(UTF_8));
        return idempotency.run(
                tenantId,
                idempotencyKey,
                fingerprint,
                uri.getPath(),
                () -> accepted(imports.startTwilio(tenantId), uri));
    }

    @POST
    @Path("syncs")
    @Operation(
            summary = "Reconcile the inventory with the numbers on Plivo (account and subaccounts), as a job",
            description = "Numbers found on Plivo but missing from the inventory are added as ON_PLIVO; Plivo settings"
                    + " of Plivo numbers are refreshed; other differences are reported in the job's result."
                    + " Honours Idempotency-Key.")
    public Response syncWithPlivo(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.PLATFORM_ADMIN);
        String fingerprint = Idempotency.fingerprint("POST", uri.getPath());
        return idempotency.run(
                tenantId,
                idempotencyKey,
                fingerprint,
                uri.getPath(),
                () -> accepted(imports.start(tenantId, PlivoSyncJob.KIND, Map.of("provider", "plivo"), null), uri));
    }

    @GET
    @Path("available")
    @Operation(
            summary = "Search the numbers Plivo offers for rent",
            description = "country (ISO 3166, required), type (local, mobile, tollfree, any), pattern (digits the"
                    + " number contains), capability (voice, sms, mms; repeatable), limit (1-20), offset.")
    public AvailablePage available(
            @PathParam("tenantId") String tenantId,
            @QueryParam("country") String country,
            @QueryParam("type") String type,
            @QueryParam("pattern") String pattern,
            @QueryParam("capability") List<String> capability,
            @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        access.read(tenantId, Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.PLATFORM_ADMIN);
        if (country == null || !country.strip().matches("[A-Za-z]{2}")) {
            throw ProblemException.invalid("country", "is required: a two-letter ISO 3166 code");
        }
        if (pattern != null && !pattern.matches("[0-9]{1,15}")) {
            throw ProblemException.invalid("pattern", "must be digits");
        }
        if (type != null && !type.matches("(?i)local|mobile|tollfree|toll-free|fixed|national|any")) {
            throw ProblemException.invalid("type", "must be local, mobile, tollfree or any");
        }
        int pageSize = limit == null ? 20 : limit;
        if (pageSize < 1 || pageSize > 20) {
            throw ProblemException.invalid("limit", "must be between 1 and 20");
        }
        Query capabilities = new Query();
        capabilities.capability = capability;
        return plivoNumbers.search(
                country.strip().toUpperCase(Locale.ROOT),
                type == null ? null : type.toLowerCase(Locale.ROOT).replace("-", ""),
                pattern,
                capabilities.filter().capabilities(),
                pageSize,
                offset == null ? 0 : Math.max(0, offset));
    }

    @POST
    @Path("purchases")
    @Operation(
            summary = "Rent numbers on Plivo",
            description = "Body {\"numbers\": [E.164, ...], \"appId\": optional}. One number is bought while the"
                    + " request waits (201 with the number); several (up to 100) run as a job (202). A number Plivo"
                    + " refuses leaves nothing in the inventory (422 naming Plivo's reason; in a job, listed under"
                    + " refused). Honours Idempotency-Key: a retried or concurrent request with the same key never"
                    + " buys twice.")
    public Response purchase(
            @PathParam("tenantId") String tenantId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull PurchaseRequest request,
            @Context UriInfo uri) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.TENANT_OPERATOR, Role.PLATFORM_ADMIN);
        List<E164> wanted = new ArrayList<>();
        for (int i = 0; i < request.numbers().size(); i++) {
            String text = request.numbers().get(i);
            wanted.add(E164.parse(text)
                    .orElseThrow(() -> ProblemException.invalid("numbers", "'" + text + "' is not a valid number")));
        }
        List<String> distinct = wanted.stream().map(E164::value).distinct().toList();
        String fingerprint = Idempotency.fingerprint(
                "POST", uri.getPath(), String.join(",", distinct).getBytes(UTF_8), bytes(request.appId()));
        return idempotency.run(tenantId, idempotencyKey, fingerprint, uri.getPath(), () -> {
            if (distinct.size() == 1) {
                NumberView bought = plivoNumbers.buy(wanted.get(0), request.appId());
                return Response.created(uri.getBaseUriBuilder()
                                .path("api/v1/tenants/{tenantId}/numbers/{e164}")
                                .build(tenantId, bought.e164()))
                        .entity(new PurchaseResult(List.of(bought)))
                        .build();
            }
            Map<String, Object> input = new java.util.LinkedHashMap<>();
            input.put("numbers", distinct);
            input.put("appId", request.appId());
            return accepted(imports.start(tenantId, PlivoPurchaseJob.KIND, input, distinct.size()), uri);
        });
    }

    @DELETE
    @Path("{e164}")
    @Operation(
            summary = "Release (unrent) a Plivo number",
            description = "Needs ?confirm= repeating the number. Gives the number back to Plivo and removes it from"
                    + " the inventory; the audit log keeps what it was.")
    public Response release(
            @PathParam("tenantId") String tenantId,
            @PathParam("e164") String e164,
            @QueryParam("confirm") String confirm) {
        access.change(tenantId, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        plivoNumbers.release(number(e164), confirm);
        return Response.noContent().build();
    }

    private static Response accepted(JobView job, UriInfo uri) {
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/tenants/{tenantId}/jobs/{jobId}")
                        .build(uri.getPathParameters().getFirst("tenantId"), job.id()))
                .build();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(UTF_8);
    }

    private static byte[] read(FileUpload file) {
        try {
            if (file.size() > dev.ferry.number.imports.CsvLimits.MAX_BYTES) {
                throw new ProblemException(
                        dev.ferry.common.problem.ProblemType.PAYLOAD_TOO_LARGE,
                        "The file is larger than 10 MB (" + dev.ferry.number.imports.CsvLimits.MAX_BYTES + " bytes)");
            }
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static E164 number(String text) {
        return E164.parse(text).orElseThrow(() -> ProblemException.invalid("e164", "is not a valid phone number"));
    }
}
