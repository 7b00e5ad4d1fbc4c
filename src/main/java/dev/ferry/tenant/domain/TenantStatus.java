package dev.ferry.tenant.domain;

/** Whether a tenant works normally or is frozen: a suspended tenant's members may read but change nothing. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
