package org.mentorhub.platform.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id of our own: in the MDC as {@code requestId}, so that every log line
 * written for the request carries it, and in the {@code X-Request-Id} response header, so that a
 * user's report can be matched to the log. A caller's own id is never taken: it could carry
 * anything into the log.
 */
final class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".ID";

	private final SecureRandom random = new SecureRandom();

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The error dispatch of the same request keeps its id.
		String id = request.getAttribute(ATTRIBUTE) instanceof String given ? given : newId();
		request.setAttribute(ATTRIBUTE, id);
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, id);
		}
		String outer = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, outer);
			}
		}
	}

	private String newId() {
		byte[] bytes = new byte[8];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
