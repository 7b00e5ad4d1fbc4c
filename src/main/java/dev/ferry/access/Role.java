package dev.ferry.access;

import java.util.Arrays;
import java.util.Optional;

/** Ferry's realm roles, as Keycloak names them in {@code realm_access.roles}. */
public enum Role {
    /** Runs Ferry for many tenants: creates tenants and may enter any of them. */
    PLATFORM_ADMIN("platform-admin", true),
    /** Talks to Plivo and the carriers and records their answers on porting requests of any tenant. */
    PORTING_DESK("porting-desk", true),
    /** A customer's telecom engineer: credentials, users, imports, porting requests. */
    TENANT_ADMIN("tenant-admin", false),
    /** Day-to-day work on numbers, porting drafts and test messages; no credentials. */
    TENANT_OPERATOR("tenant-operator", false),
    /** Reads everything in the tenant, including the audit log, and changes nothing. */
    VIEWER("viewer", false);

    private final String id;
    private final boolean platform;

    Role(String id, boolean platform) {
        this.id = id;
        this.platform = platform;
    }

    public String id() {
        return id;
    }

    /** Platform roles act across tenants; tenant roles only inside the caller's own tenant. */
    public boolean platform() {
        return platform;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
