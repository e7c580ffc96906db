package org.mentorhub.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session once it is older than the absolute limit (12 hours by default, QUALITY S6),
 * however active it has been; the idle timeout of 30 minutes is Spring Session's. It runs after
 * Spring Session has loaded the session and before Spring Security reads the signed-in user from
 * it, so the request then continues as an anonymous one: a page redirects to the sign-in page and
 * an API call gets 401.
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Clock clock;

	private final Duration absoluteTimeout;

	SessionLifetimeFilter(Clock clock, Duration absoluteTimeout) {
		this.clock = clock;
		this.absoluteTimeout = absoluteTimeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && tooOld(session)) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

	private boolean tooOld(HttpSession session) {
		try {
			Instant created = Instant.ofEpochMilli(session.getCreationTime());
			return !created.plus(this.absoluteTimeout).isAfter(this.clock.instant());
		}
		catch (IllegalStateException alreadyInvalidated) {
			return false;
		}
	}

}
