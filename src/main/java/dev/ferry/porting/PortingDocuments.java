package dev.ferry.porting;

import dev.ferry.access.Caller;
import dev.ferry.access.Role;
import dev.ferry.audit.AuditLog;
import dev.ferry.common.problem.ProblemException;
import dev.ferry.common.problem.ProblemType;
import dev.ferry.porting.api.PortingRecords.DocumentView;
import dev.ferry.porting.domain.DocumentKind;
import dev.ferry.porting.domain.PortingDocument;
import dev.ferry.porting.domain.PortingRequest;
import dev.ferry.porting.domain.PortingRules;
import dev.ferry.porting.domain.PortingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A porting request's documents. Only PDF, PNG and JPEG are accepted, and the first bytes must agree with the declared
 * type, so a renamed executable or HTML page is refused. Every document keeps its SHA-256, which revisions use to see
 * that a document was replaced.
 */
@ApplicationScoped
public class PortingDocuments {

    private static final Logger LOG = Logger.getLogger(PortingDocuments.class);

    /** Allowed content types and the bytes each must start with. */
    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** A document's bytes with what a download needs. */
    public record Content(String filename, String contentType, String sha256, byte[] bytes) {}

    @Inject
    PortingService requests;

    @Inject
    PortingRules rules;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /**
     * Stores a document on a request the tenant may still edit (operators: drafts only; after a rejection only when
     * documents were among the rejected fields).
     */
    @Transactional
    public DocumentView upload(
            String tenantId,
            long requestId,
            DocumentKind kind,
            LocalDate issuedOn,
            String filename,
            String declaredType,
            Path file,
            Set<Role> roles) {
        PortingRequest r = requests.find(requestId);
        if (!r.state.editable()) {
            throw ProblemException.conflict("Documents cannot be added in state " + r.state)
                    .with("currentState", r.state);
        }
        if (r.state != PortingState.DRAFT && !roles.contains(Role.TENANT_ADMIN)) {
            throw ProblemException.forbidden("Only a tenant admin may add documents in " + r.state);
        }
        if (r.state == PortingState.ACTION_REQUIRED
                && !PortingService.rejectedFields(requestId).contains("documents")) {
            throw ProblemException.conflict("The open rejections do not ask for documents")
                    .with("currentState", r.state);
        }
        if (kind == null) {
            throw ProblemException.invalid("kind", "must be one of " + Arrays.toString(DocumentKind.values()));
        }
        if (kind == DocumentKind.BILL && issuedOn == null) {
            throw ProblemException.invalid("issuedOn", "is required for a bill");
        }
        if (issuedOn != null && issuedOn.isAfter(LocalDate.now())) {
            throw ProblemException.invalid("issuedOn", "is in the future");
        }
        byte[] bytes = read(file);
        String type = declaredType == null
                ? ""
                : declaredType.toLowerCase().split(";")[0].strip();
        byte[] magic = MAGIC.get(type);
        if (magic == null) {
            throw new ProblemException(
                            ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "Documents must be PDF, PNG or JPEG, not '" + type + "'")
                    .with("allowedTypes", MAGIC.keySet().stream().sorted().toList());
        }
        if (!startsWith(bytes, magic)) {
            throw new ProblemException(
                            ProblemType.UNSUPPORTED_MEDIA_TYPE, "The file's content is not " + type + " as declared")
                    .with("allowedTypes", MAGIC.keySet().stream().sorted().toList());
        }

        PortingDocument d = new PortingDocument();
        d.requestId = requestId;
        d.kind = kind;
        d.filename = cleanName(filename);
        d.contentType = type;
        d.size = bytes.length;
        d.sha256 = PortingService.sha256(bytes);
        d.issuedOn = issuedOn;
        d.content = bytes;
        d.uploadedBy = caller.username();
        d.uploadedAt = OffsetDateTime.now();
        d.persist();
        DocumentView view = DocumentView.of(d);
        audit.record(tenantId, "porting_document.uploaded", "porting_request", r.id.toString(), null, view);
        LOG.infof("document %d (%s, %d bytes) added to porting request %d", d.id, kind, d.size, r.id);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DocumentView> list(long requestId) {
        requests.find(requestId);
        return PortingService.documentsOf(requestId).stream()
                .map(DocumentView::of)
                .toList();
    }

    /** A document's bytes; documents of other requests and other tenants do not exist here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Content content(long requestId, long documentId) {
        requests.find(requestId);
        PortingDocument d = PortingDocument.find("id = ?1 and requestId = ?2", documentId, requestId)
                .firstResult();
        if (d == null) {
            throw ProblemException.notFound("Document", documentId);
        }
        return new Content(d.filename, d.contentType, d.sha256, d.content);
    }

    /** Reads the upload after checking its size, so an oversized file is never loaded into memory. */
    private byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > rules.documentMaxBytes()) {
                throw new ProblemException(
                                ProblemType.PAYLOAD_TOO_LARGE,
                                "Documents may be at most " + rules.documentMaxBytes() + " bytes; this one has " + size)
                        .with("maxBytes", rules.documentMaxBytes());
            }
            if (size == 0) {
                throw ProblemException.invalid("file", "is empty");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an uploaded document failed", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the last path segment and printable characters only: the name ends up in a download header. */
    private static String cleanName(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[^A-Za-z0-9._ -]", "_")
                .strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
