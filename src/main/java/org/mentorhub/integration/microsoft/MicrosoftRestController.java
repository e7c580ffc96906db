package org.mentorhub.integration.microsoft;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the integrations page: my Microsoft 365 connection and my sessions' Outlook events. */
@RestController
@RequestMapping("/api/v1/integrations/microsoft")
@Tag(name = "Microsoft 365", description = "My own Microsoft 365 connection (made in the browser at "
		+ "/account/integrations, since consent needs Microsoft's sign-in page) and the Outlook events of the sessions "
		+ "I organise. Tokens never leave the server.")
class MicrosoftRestController {

	private final MicrosoftConnections connections;

	private final OutlookEvents outlook;

	MicrosoftRestController(MicrosoftConnections connections, OutlookEvents outlook) {
		this.connections = connections;
		this.outlook = outlook;
	}

	/** My connection, and my sessions' Outlook events. */
	record MicrosoftConnectionResponse(
			@Schema(description = "Whether Microsoft 365 is set up for my organisation") boolean available,
			@Schema(description = "NOT_CONNECTED, CONNECTED, or RECONNECT (the consent must be given again)") String status,
			@Schema(description = "The Microsoft account's e-mail") String microsoftEmail, Instant connectedAt,
			List<MicrosoftOutlookEventResponse> outlookEvents) {
	}

	/** The Outlook event of a session I organise. */
	record MicrosoftOutlookEventResponse(long sessionId, String title, Instant start,
			@Schema(description = "PENDING, CREATED, FAILED or CANCELLED") String status,
			@Schema(description = "Why it failed, in words") String problem,
			@Schema(description = "Whether a retry may help") boolean retryable) {
	}

	@GetMapping
	@Operation(summary = "My Microsoft 365 connection", description = "Its status and my sessions' Outlook events "
			+ "(failed and pending first, at most 50). Never a token.")
	MicrosoftConnectionResponse status() {
		MicrosoftConnections.ConnectionState state = this.connections.mine();
		List<MicrosoftOutlookEventResponse> events = this.outlook.mine()
			.stream()
			.map(e -> new MicrosoftOutlookEventResponse(e.sessionId(), e.title(), e.start(), e.status(), e.problem(),
					e.retryable()))
			.toList();
		return new MicrosoftConnectionResponse(state.available(), state.status(), state.email(), state.connectedAt(), events);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Disconnect Microsoft 365", description = "Deletes my tokens; idempotent. Outlook events "
			+ "already made stay in Outlook.")
	void disconnect() {
		this.connections.disconnect();
	}

	@PostMapping("/outlook-events/{sessionId}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Try a session's Outlook event again", description = "For the organiser of the session only "
			+ "(404 otherwise). The work happens in the background; poll the status.")
	void retry(@PathVariable long sessionId) {
		this.outlook.retry(sessionId);
	}

}
