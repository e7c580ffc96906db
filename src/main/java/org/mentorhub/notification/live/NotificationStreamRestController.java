package org.mentorhub.notification.live;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live stream of the caller's new notifications, for programs: a personal access token or the session. */
@RestController
@Tag(name = "Notifications")
class NotificationStreamRestController {

	private final StreamRequests requests;

	NotificationStreamRestController(StreamRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/api/v1/notifications/stream")
	@Operation(operationId = "notificationStream", summary = "Stream my new notifications (Server-Sent Events)",
			description = "text/event-stream. "
			+ "First an event named unread with the unread count as JSON, then one event named notification per new "
			+ "notification of the caller: its id is the notification's id, its data JSON with id, type, title, body, "
			+ "link, createdAt and unread (the caller's unread count). A comment line comes every 20 seconds. The "
			+ "stream ends after 30 minutes; reconnect with Last-Event-ID (or lastEventId) to receive what was missed "
			+ "(the newest 50). At most 5 streams per person: the oldest gets an event named closed and ends. 503 with "
			+ "Retry-After when the server has no room; 400 for a malformed Last-Event-ID.")
	@ApiResponse(responseCode = "200", description = "The event stream",
			content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
	SseEmitter stream(
			@Parameter(in = ParameterIn.HEADER, name = "Last-Event-ID", description = "The id of the last notification "
					+ "received") @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@Parameter(description = "The same as Last-Event-ID, for clients that cannot send headers")
			@RequestParam(required = false) String lastEventId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return this.requests.open(lastEventIdHeader, lastEventId, request, response);
	}

}
