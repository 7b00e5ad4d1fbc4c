package dev.ferry.provider.vault;

/**
 * Fired in the transaction that changes a tenant's Plivo credentials: its connection (the main account) or one of its
 * subaccounts, created or deleted. Whoever keeps opened tokens observes it after the commit and forgets them.
 *
 * @param tenantId the tenant whose credentials changed
 */
public record PlivoCredentialsChanged(String tenantId) {}
