package org.mentorhub.calendar;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.Tenancy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The calendar's API: my feed URL (status, make or rotate, remove) and a session's invitation. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calendar", description = "iCalendar invitations and my subscribable calendar feed")
class CalendarRestController {

	private final CalendarFeeds feeds;

	private final SessionInvitations invitations;

	private final Tenancy tenancy;

	CalendarRestController(CalendarFeeds feeds, SessionInvitations invitations, Tenancy tenancy) {
		this.feeds = feeds;
		this.invitations = invitations;
		this.tenancy = tenancy;
	}

	/** Whether I have a feed. The URL itself is only in the answer to the POST that made it. */
	record FeedResponse(boolean active, Instant createdAt) {
	}

	/** A new feed URL (shown once) and whether it replaced an older one. */
	record NewFeedResponse(String url, Instant createdAt, boolean rotated) {
	}

	@GetMapping("/calendar/feed")
	@Operation(summary = "My calendar feed: whether it is on, and since when")
	FeedResponse feed() {
		CalendarFeeds.FeedStatus status = this.feeds.mine();
		return new FeedResponse(status.active(), status.createdAt());
	}

	@PostMapping("/calendar/feed")
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimited(name = "calendar-feed-rotation", capacity = CalendarPageController.ROTATIONS_PER_HOUR, per = "PT1H")
	@Operation(summary = "Make my feed URL, or rotate it (the old URL stops working)")
	ResponseEntity<NewFeedResponse> rotate() {
		CalendarFeeds.NewFeed created = this.feeds.rotate();
		// The feed's status in the API, not the secret feed URL (that is in the body, shown once).
		return ResponseEntity.created(URI.create("/api/v1/calendar/feed"))
			.body(new NewFeedResponse(created.url(), created.createdAt(), created.rotated()));
	}

	@DeleteMapping("/calendar/feed")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Turn my feed off (its URL stops working)")
	void remove() {
		this.feeds.remove();
	}

	@GetMapping("/sessions/{id}/invite.ics")
	@Operation(summary = "A session's iCalendar invitation (participants only; CANCEL once cancelled)")
	@ApiResponse(responseCode = "200", description = "The invitation (iCalendar)",
			content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
	ResponseEntity<String> invitation(@PathVariable long id) {
		return CalendarPageController.download(this.invitations.download(id, this.tenancy.actor().id()));
	}

}
