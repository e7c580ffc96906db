package org.mentorhub.identity.browsersessions;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account life cycle")
class SessionsRestController {

	private final MySessions sessions;

	SessionsRestController(MySessions sessions) {
		this.sessions = sessions;
	}

	/** One of the caller's sessions; the reference is a non-secret handle, never the session id. */
	record SessionResponse(String reference, Instant createdAt, Instant lastUsedAt, boolean current) {
	}

	/** How many sessions ended. */
	record SessionsEndedResponse(int ended) {
	}

	@GetMapping("/api/v1/account/sessions")
	@Operation(summary = "My sessions", description = "The caller's active browser sessions, most recently used first.")
	List<SessionResponse> list(HttpServletRequest request) {
		return this.sessions.list(CurrentSession.id(request))
			.stream()
			.map(s -> new SessionResponse(s.reference(), s.createdAt(), s.lastUsedAt(), s.current()))
			.toList();
	}

	@DeleteMapping("/api/v1/account/sessions/{reference}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End one of my sessions",
			description = "Signs that session out. 404 for a reference that is not one of the caller's sessions.")
	void end(@PathVariable String reference) {
		this.sessions.end(reference);
	}

	@DeleteMapping("/api/v1/account/sessions")
	@Operation(summary = "End all my other sessions", description = "Signs out every session of the caller but this one.")
	SessionsEndedResponse endOthers(HttpServletRequest request) {
		return new SessionsEndedResponse(this.sessions.endOthers(CurrentSession.id(request)));
	}

}
