package org.mentorhub.platform.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.platform.AccessTokenAuthenticator;
import org.mentorhub.platform.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} requests that carry {@code Authorization: Bearer <token>} with a
 * personal access token. Such a request is stateless: the authentication lives only for the
 * request (no session is created or used) and, since a browser never adds the header by itself,
 * it needs no CSRF token. An unknown, expired or revoked token gets the same 401 problem JSON as
 * no credentials at all; a token whose scopes do not allow the method gets 403.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	/** Request attribute set on requests authenticated by a bearer token (CSRF skips those). */
	static final String AUTHENTICATED = BearerTokenFilter.class.getName() + ".AUTHENTICATED";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final RequestMatcher api;

	private final ObjectProvider<AccessTokenAuthenticator> authenticator;

	private final AuthenticationEntryPoint unauthorized;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final RequestAttributeSecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

	BearerTokenFilter(RequestMatcher api, ObjectProvider<AccessTokenAuthenticator> authenticator,
			AuthenticationEntryPoint unauthorized) {
		this.api = api;
		this.authenticator = authenticator;
		this.unauthorized = unauthorized;
	}

	/** Whether the request was authenticated by a bearer token. */
	static boolean isBearerAuthenticated(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || !this.api.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).strip();
		AccessTokenAuthenticator tokens = this.authenticator.getIfAvailable();
		Optional<Authentication> authentication = (tokens == null || token.isEmpty()) ? Optional.empty()
				: tokens.authenticate(token);
		if (authentication.isEmpty()) {
			this.unauthorized.commence(request, response, new BadCredentialsException("Invalid access token"));
			return;
		}
		String needed = SAFE_METHODS.contains(request.getMethod()) ? AccessTokenAuthenticator.SCOPE_READ
				: AccessTokenAuthenticator.SCOPE_WRITE;
		if (!has(authentication.get(), needed)) {
			ProblemResponses.writeProblem(request, response, HttpStatus.FORBIDDEN,
					"This access token's scopes do not allow this request.");
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication.get());
		this.contexts.setContext(context);
		// Kept on the request (never in a session) for its async dispatch: a stream's end (Server-Sent Events)
		// is dispatched again through the filter chain, which skips this filter, and must still be authorized.
		this.requestContexts.saveContext(context, request, response);
		request.setAttribute(AUTHENTICATED, Boolean.TRUE);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

	private static boolean has(Authentication authentication, String authority) {
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
