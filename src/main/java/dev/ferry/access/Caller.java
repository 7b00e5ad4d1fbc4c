package dev.ferry.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read once from the verified token: the user name, Ferry's roles, and the tenant the user belongs
 * to. The tenant comes only from the token's {@code tenant} claim, never from anything the client sends.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";

    @Inject
    SecurityIdentity identity;

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    public String username() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = jwt.getClaim("preferred_username");
            if (name != null) {
                return name;
            }
        }
        return identity.getPrincipal().getName();
    }

    public Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                return Optional.of(value.toString().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** The tenant this user belongs to; empty for platform users. */
    public Optional<String> tenantId() {
        return claim(TENANT_CLAIM).filter(t -> !t.isBlank());
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(r -> Role.fromId(r).ifPresent(roles::add));
        return roles;
    }

    public List<String> roleIds() {
        return roles().stream().map(Role::id).toList();
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    public boolean hasAny(Role... roles) {
        Set<Role> mine = roles();
        return Arrays.stream(roles).anyMatch(mine::contains);
    }

    /** Platform users may enter any tenant. */
    public boolean platform() {
        return roles().stream().anyMatch(Role::platform);
    }

    /** Whether the caller may enter the given tenant at all (membership, not a particular role). */
    public boolean mayEnter(String tenantId) {
        return platform() || tenantId().map(tenantId::equals).orElse(false);
    }
}
