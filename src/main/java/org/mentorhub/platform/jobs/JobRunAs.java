package org.mentorhub.platform.jobs;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * The authentication of the account that submitted a job, rebuilt with its roles and permissions as
 * they are now: used when a job resumes after a restart, when the submitter's original security
 * context is gone. The identity module implements it.
 */
public interface JobRunAs {

	/** The account's authentication, or empty when it can no longer sign in. */
	Optional<Authentication> authenticationOf(long userId);

}
