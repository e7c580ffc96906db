package org.mentorhub.identity;

import java.util.EnumSet;
import java.util.Set;

/** Principals for unit tests outside this package, which cannot call {@link SignedInUser}'s constructor. */
public final class SignedInUsers {

	private SignedInUsers() {
	}

	/** A mentee of institution 7, without department or permissions, named after its id. */
	public static SignedInUser mentee(long id, String email, boolean active, String passwordHash) {
		return new SignedInUser(id, "user" + id, email, "User " + id, 7L, null, RoleName.MENTEE,
				EnumSet.of(RoleName.MENTEE), Set.of(), active, passwordHash);
	}

}
