package org.mentorhub.identity;

/** The life cycle of an account; only an {@link #ACTIVE} account can sign in. */
public enum UserStatus {

	/** Can sign in. */
	ACTIVE,
	/** Switched off by an administrator. */
	DISABLED,
	/** Invited; waits for the person to set a password. */
	INVITED

}
