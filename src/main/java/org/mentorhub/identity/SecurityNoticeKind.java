package org.mentorhub.identity;

/** The security-relevant steps of an account that its owner is told about ({@link AccountSecurityNotice}). */
public enum SecurityNoticeKind {

	/** The owner changed their password (their other sign-ins ended). */
	PASSWORD_CHANGED,

	/** The password was set through a reset link (every sign-in ended). */
	PASSWORD_RESET,

	/** The owner asked to change their e-mail address; a link went to the new one. */
	EMAIL_CHANGE_REQUESTED,

	/** The e-mail address changed (the link to the new address was followed). */
	EMAIL_CHANGED,

	/** The owner set or changed their security question and answer. */
	SECURITY_QUESTION_CHANGED,

	/** The owner created a personal access token. */
	ACCESS_TOKEN_CREATED,

	/** The owner revoked a personal access token. */
	ACCESS_TOKEN_REVOKED,

	/** An administrator changed the account's roles or primary role (its sign-ins ended). */
	ROLES_CHANGED,

	/** An administrator disabled the account (its sign-ins ended). */
	ACCOUNT_DISABLED,

	/** An administrator enabled the account again. */
	ACCOUNT_ENABLED,

	/** Too many wrong passwords in a row locked sign-in to the account for a while. */
	ACCOUNT_LOCKED

}
