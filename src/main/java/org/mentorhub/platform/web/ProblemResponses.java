package org.mentorhub.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

/**
 * The one shape of an error answer written outside a controller (by a filter, the security entry
 * point, the rate limiter): RFC 9457 problem JSON with {@code title}, {@code status},
 * {@code detail} and {@code instance} (the path the caller asked for, never {@code /error}) for API
 * calls, and the friendly error page, through the error dispatch, for browsers. The detail is a
 * fixed sentence of ours, never the caller's input.
 */
public final class ProblemResponses {

	/** Request attribute with the detail a refused browser request's error page may show. */
	public static final String DETAIL = ProblemResponses.class.getName() + ".DETAIL";

	private ProblemResponses() {
	}

	/** Answers with the status and detail: problem JSON for API calls, the error page for browsers. */
	public static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		if (wantsPage(request)) {
			request.setAttribute(DETAIL, detail);
			response.sendError(status.value());
			return;
		}
		writeProblem(request, response, status, detail);
	}

	/** Writes problem JSON, whatever the caller accepts. */
	public static void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// A known length: the caller can read the whole answer while its own body (too large, say) is still unread.
		byte[] body = json(status, detail, instance(request)).getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/** A browser's page request, as opposed to an API call or a program's request. */
	public static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return !instance(request).startsWith(request.getContextPath() + "/api/") && accept != null
				&& accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	/** The path the caller asked for: the original one on an error dispatch. */
	public static String instance(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return original instanceof String uri ? uri : request.getRequestURI();
	}

	/** {@link #instance} as a URI (the request URI is still percent-encoded; anything else gets encoded). */
	public static URI instanceUri(HttpServletRequest request) {
		String path = instance(request);
		try {
			return new URI(path);
		}
		catch (URISyntaxException ex) {
			return URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8));
		}
	}

	/** The problem JSON document. */
	public static String json(HttpStatus status, String detail, String instance) {
		// No "type": it is "about:blank", which Spring's own problem JSON leaves out too (RFC 9457 3.1.1).
		return "{\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":" + status.value()
				+ ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance) + "}";
	}

	/** A JSON string literal; every control character escaped. */
	static String quote(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
