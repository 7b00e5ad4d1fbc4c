package dev.ferry.tenant.api;

import dev.ferry.tenant.domain.Tenant;
import dev.ferry.tenant.domain.TenantStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tenant API's wire records and their mapping from the entity. */
public final class TenantRecords {

    private TenantRecords() {}

    /** A tenant as the API shows it. */
    public record TenantView(
            String id, String name, TenantStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        public static TenantView of(Tenant t) {
            return new TenantView(t.id, t.name, t.status, t.createdAt, t.updatedAt);
        }
    }

    /** A new tenant: a slug id used in every path, and a display name. */
    public record CreateTenant(
            @NotNull
            @Pattern(
                    regexp = "[a-z][a-z0-9-]{1,62}",
                    message = "must be 2 to 63 lower-case letters, digits or dashes, starting with a letter")
            String id,

            @NotBlank @Size(max = 200) String name) {}

    /** A change to a tenant; absent fields stay as they are. */
    public record UpdateTenant(
            @Schema(nullable = true, required = false) @Size(min = 1, max = 200)
            String name,

            @Schema(nullable = true, required = false) TenantStatus status) {}
}
