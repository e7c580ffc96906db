package org.mentorhub.identity;

import java.time.ZoneId;
import java.util.Set;

/**
 * What other modules may know of an account: where it belongs, its name, zone, status and roles.
 * Never a secret (no password or answer hashes).
 *
 * @param institutionId null for the platform administrator
 * @param departmentId null when the account has no department
 * @param zone the account's time zone (UTC when unset or unknown)
 * @param roles every role the account holds, the primary role included
 */
public record Person(long id, Long institutionId, Long departmentId, String username, String email, String fullName,
		UserStatus status, ZoneId zone, String locale, RoleName primaryRole, Set<RoleName> roles) {

	/** Whether the account holds this role (primary or not). */
	public boolean has(RoleName role) {
		return this.roles.contains(role);
	}

	/** Whether the account can sign in. */
	public boolean active() {
		return this.status == UserStatus.ACTIVE;
	}

}
