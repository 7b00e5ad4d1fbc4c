package dev.ferry.access.api;

import dev.ferry.access.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Identity")
public class MeResource {

    /**
     * The signed-in caller.
     *
     * @param platform whether the caller works across tenants (platform admin or porting desk)
     */
    public record Me(
            String username,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String email,
            List<String> roles,
            @Schema(nullable = true) String tenantId,
            boolean platform) {}

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Who is signed in: user, Ferry roles and tenant")
    public Me me() {
        return new Me(
                caller.username(),
                caller.claim("name").orElse(null),
                caller.claim("email").orElse(null),
                caller.roleIds(),
                caller.tenantId().orElse(null),
                caller.platform());
    }
}
