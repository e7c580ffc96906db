package org.mentorhub.calendar;

import java.nio.charset.StandardCharsets;

import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.TooManyRequestsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The calendar's pages: my calendar feed ({@code /account/calendar}: make or rotate the secret URL,
 * shown once on the answer to the POST, never in a redirect or the session; or turn it off), the
 * feed itself ({@code /calendar/feed/{token}.ics}, public: the token is the proof), and the
 * download of a session's invitation for its participants.
 */
@Controller
class CalendarPageController {

	/** Feed URLs one user may make per hour (page and API together). */
	static final int ROTATIONS_PER_HOUR = 10;

	private final CalendarFeeds feeds;

	private final SessionInvitations invitations;

	private final Tenancy tenancy;

	CalendarPageController(CalendarFeeds feeds, SessionInvitations invitations, Tenancy tenancy) {
		this.feeds = feeds;
		this.invitations = invitations;
		this.tenancy = tenancy;
	}

	@GetMapping("/account/calendar")
	String page(Model model) {
		model.addAttribute("feed", this.feeds.mine());
		return "calendar/account";
	}

	@PostMapping("/account/calendar")
	@RateLimited(name = "calendar-feed-rotation", capacity = ROTATIONS_PER_HOUR, per = "PT1H")
	String rotate(Model model) {
		model.addAttribute("created", this.feeds.rotate());
		model.addAttribute("feed", this.feeds.mine());
		return "calendar/account";
	}

	@PostMapping("/account/calendar/remove")
	String remove() {
		this.feeds.remove();
		return "redirect:/account/calendar?removed";
	}

	/** The feed: 404 for an unknown (or rotated) token, whoever asks. */
	@GetMapping("/calendar/feed/{token}.ics")
	@RateLimited(name = "calendar-feed", capacity = 600, per = "PT1H")
	ResponseEntity<String> feed(@PathVariable String token) {
		String text = this.feeds.feed(token).orElseThrow(() -> new NotFoundException("No such calendar feed"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("mentorhub.ics").build().toString())
			.body(text);
	}

	/** A feed URL fetched too often: 429 with Retry-After, as calendar apps understand it. */
	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<String> tooManyRequests(TooManyRequestsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.contentType(MediaType.TEXT_PLAIN)
			.body("Too many requests for this calendar feed; try again later.");
	}

	@GetMapping("/sessions/{id}/invite.ics")
	ResponseEntity<String> invitation(@PathVariable long id) {
		return download(this.invitations.download(id, this.tenancy.actor().id()));
	}

	static ResponseEntity<String> download(SessionInvitations.Invitation invitation) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, invitation.contentType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(invitation.filename()).build().toString())
			.body(invitation.text());
	}

}
