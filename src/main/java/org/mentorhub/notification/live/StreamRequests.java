package org.mentorhub.notification.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.mentorhub.platform.Tenancy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Opens the signed-in person's stream for the page and the API alike: reads where to resume
 * ({@code Last-Event-ID}, or the {@code lastEventId} parameter for clients that cannot set headers),
 * and answers problem JSON itself when it cannot open one (400 for a malformed id, 503 with
 * {@code Retry-After} when this instance is full), since the client asked for an event stream.
 */
@Component
class StreamRequests {

	/** Seconds a client is asked to wait when this instance has no room for its stream. */
	static final int RETRY_AFTER_SECONDS = 30;

	static final String BAD_ID = "Last-Event-ID (or lastEventId) is the id of a notification: a whole number from 0.";

	private final LiveStreams streams;

	private final Tenancy tenancy;

	private final JsonMapper json;

	StreamRequests(LiveStreams streams, Tenancy tenancy, JsonMapper json) {
		this.streams = streams;
		this.tenancy = tenancy;
		this.json = json;
	}

	/** The caller's stream, or null when a problem was answered instead. */
	SseEmitter open(String header, String parameter, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Long lastEventId;
		try {
			lastEventId = lastEventId(header != null && !header.isBlank() ? header : parameter);
		}
		catch (IllegalArgumentException ex) {
			problem(request, response, HttpStatus.BAD_REQUEST, BAD_ID);
			return null;
		}
		try {
			SseEmitter emitter = this.streams.open(this.tenancy.actor().id(), lastEventId);
			// Neither stored nor held back by a proxy (nginx buffers unless told otherwise).
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store");
			response.setHeader("X-Accel-Buffering", "no");
			return emitter;
		}
		catch (LiveStreams.FullException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
			problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "This server has as many live notification "
					+ "streams open as it may. Try again in " + RETRY_AFTER_SECONDS + " seconds.");
			return null;
		}
	}

	/** The id to resume after: null for none; a malformed one fails. */
	static Long lastEventId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String id = value.strip();
		if (id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException(BAD_ID);
		}
		return Long.valueOf(id);
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		byte[] body = this.json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
