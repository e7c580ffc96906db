package org.mentorhub.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Turns the token of an {@code Authorization: Bearer} header on an {@code /api/**} request into an
 * authentication. The identity module implements it with personal access tokens; the security
 * filter chain calls it.
 *
 * <p>The authorities of the returned authentication must include {@code SCOPE_read} for safe
 * methods (GET, HEAD, OPTIONS) and {@code SCOPE_write} for every other method: the filter chain
 * refuses the request with 403 otherwise.
 */
public interface AccessTokenAuthenticator {

	/** Authority that lets a token make safe (reading) requests. */
	String SCOPE_READ = "SCOPE_read";

	/** Authority that lets a token make unsafe (writing) requests. */
	String SCOPE_WRITE = "SCOPE_write";

	/**
	 * The authentication for the token, or empty when the token is unknown, expired, revoked or
	 * belongs to an account that can no longer sign in (the caller answers all of these alike).
	 */
	Optional<Authentication> authenticate(String token);

}
