package org.mentorhub.notification.live;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in person's new notifications as Server-Sent Events, for the bell's script
 * (static/js/notifications.js opens it from the bell's {@code data-mh-stream}); with the session
 * cookie only. See docs/notifications-live.md.
 */
@Controller
class NotificationStreamController {

	private final StreamRequests requests;

	NotificationStreamController(StreamRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/notifications/stream")
	SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@RequestParam(required = false) String lastEventId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return this.requests.open(lastEventIdHeader, lastEventId, request, response);
	}

}
