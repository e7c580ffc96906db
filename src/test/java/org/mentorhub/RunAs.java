package org.mentorhub;

import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Runs a piece of a test as a signed-in user, for calls straight to a service (method security,
 * "who is asking" checks), and puts the previous security context back afterwards. For an account
 * made in the test, where {@code @WithUserDetails} would need a fixed demo e-mail.
 */
public final class RunAs {

	private RunAs() {
	}

	public static <T> T as(UserDetails user, Callable<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void run(UserDetails user, Runnable work) {
		as(user, () -> {
			work.run();
			return null;
		});
	}

}
