package dev.ferry.outbox.api;

import dev.ferry.outbox.domain.WebhookEndpoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhook API's wire records. */
public final class WebhookRecords {

    private WebhookRecords() {}

    /**
     * A new endpoint.
     *
     * @param events event types to send, such as {@code porting_request.status_changed}; empty or absent sends all
     */
    public record CreateEndpoint(
            @NotBlank @Size(max = 2048) String url,

            @Schema(nullable = true)
            List<
                            @NotNull(message = "is not an event type")
                            @Pattern(regexp = "[a-z_]+\\.[a-z_]+", message = "is not an event type") String>
                    events,

            @Schema(nullable = true) Boolean enabled) {}

    /** A change to an endpoint; absent fields stay as they are. */
    public record UpdateEndpoint(
            @Size(min = 1, max = 2048) String url,
            List<
                            @NotNull(message = "is not an event type")
                            @Pattern(regexp = "[a-z_]+\\.[a-z_]+", message = "is not an event type") String>
                    events,
            Boolean enabled) {}

    /** An endpoint as the API shows it; the secret never appears here. */
    public record EndpointView(
            Long id,
            String url,
            List<String> events,
            boolean enabled,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e.id, e.url, List.of(e.events), e.enabled, e.createdAt, e.updatedAt);
        }
    }

    /** The answer to creating an endpoint: the only time its signing secret is shown. */
    public record CreatedEndpoint(
            Long id,
            String url,
            List<String> events,
            boolean enabled,
            OffsetDateTime createdAt,
            String secret,
            String signatureHeader) {}

    /** One delivery of an event to an endpoint, with its attempts. */
    public record DeliveryView(
            Long id,
            UUID eventId,
            String eventType,
            String status,
            int attempts,
            @Schema(nullable = true) OffsetDateTime nextAttemptAt,
            @Schema(nullable = true) Integer lastStatusCode,
            @Schema(nullable = true) String lastError,
            @Schema(nullable = true) OffsetDateTime deliveredAt,
            OffsetDateTime createdAt,
            List<AttemptView> log) {}

    /** One HTTP attempt of a delivery. */
    public record AttemptView(
            int attempt,
            @Schema(nullable = true) Integer statusCode,
            @Schema(nullable = true) String error,
            long durationMs,
            OffsetDateTime attemptedAt) {}
}
