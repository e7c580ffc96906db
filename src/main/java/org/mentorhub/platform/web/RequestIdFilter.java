package org.mentorhub.platform.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: in the MDC as {@code requestId}, so that every log line written for the
 * request (and for the jobs and events it starts) carries it, and in the {@code X-Request-Id} response
 * header, so that a user's report can be matched to the log. An {@code X-Request-Id} sent by the caller
 * (a proxy's id, so that its log and ours match) is taken only when it is 1 to 64 letters, digits,
 * dots, colons, dashes or underscores; anything else is replaced by an id of our own (16 hex digits),
 * so that no input can carry a line break or markup into the log.
 */
final class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".ID";

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final SecureRandom random = new SecureRandom();

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The error dispatch of the same request keeps its id.
		String id = request.getAttribute(ATTRIBUTE) instanceof String given ? given : idOf(request);
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

	private String idOf(HttpServletRequest request) {
		String sent = request.getHeader(HEADER);
		return sent != null && ACCEPTED.matcher(sent).matches() ? sent : newId();
	}

	private String newId() {
		byte[] bytes = new byte[8];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
