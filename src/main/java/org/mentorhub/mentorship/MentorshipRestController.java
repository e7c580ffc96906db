package org.mentorhub.mentorship;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the mentorship pages: the life cycle, the caller's mentorships, the managed list and its CSV. */
@RestController
@RequestMapping("/api/v1/mentorships")
@Tag(name = "Mentorships", description = "The mentorship life cycle: a mentee's ranked request or an administrator's "
		+ "proposal, the mentor's answer, approval, pause, resume, end and re-match. An illegal transition answers 409 "
		+ "with the reason; a stale version 409; a mentorship out of reach 404; a mentor without a free place 409.")
class MentorshipRestController {

	private final Mentorships mentorships;

	MentorshipRestController(Mentorships mentorships) {
		this.mentorships = mentorships;
	}

	@GetMapping
	@Operation(summary = "My mentorships", description = "As mentor or mentee, newest first.")
	List<MentorshipView> mine() {
		return this.mentorships.mine();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a mentorship", description = "Its mentor, mentee, and the administrators in scope.")
	MentorshipView get(@PathVariable long id) {
		return this.mentorships.get(id);
	}

	@PostMapping("/requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request a mentor (mentee)",
			description = "Up to 3 mentors in order of preference, each with a goal. The first is asked now; the next "
					+ "when the one asked declines or does not answer within the institution's time limit. 400 for "
					+ "yourself, a mentor of another institution, a duplicate, a 4th choice or an open request.")
	ResponseEntity<MentorshipView> request(@RequestBody ChoicesBody body) {
		MentorshipView created = this.mentorships.request(body == null || body.choices() == null ? List.of()
				: body.choices().stream().map(c -> c == null ? null : new Mentorships.Choice(c.mentorId(), c.goal())).toList());
		return ResponseEntity.created(URI.create("/api/v1/mentorships/" + created.id())).body(created);
	}

	@PostMapping("/proposals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Propose a pairing (administrator, coordinator)",
			description = "The mentor then accepts or declines. The mentee must be in the caller's institution "
					+ "(coordinator: department).")
	ResponseEntity<MentorshipView> propose(@RequestBody ProposalBody body) {
		if (body == null) {
			throw new InvalidInputException("menteeId", "Choose the mentee.");
		}
		MentorshipView created = this.mentorships.propose(body.menteeId(), body.mentorId(), body.goal(), body.notes());
		return ResponseEntity.created(URI.create("/api/v1/mentorships/" + created.id())).body(created);
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept (mentor)", description = "Activates at once unless the institution needs an "
			+ "administrator's approval of requests; 409 when the mentor has no free place.")
	MentorshipView accept(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.accept(id, version(body));
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline (mentor), with a reason", description = "The mentee's next choice is asked.")
	MentorshipView decline(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.decline(id, reason(body), version(body));
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve an accepted request (administrator, coordinator)",
			description = "Reserves one of the mentor's places atomically: 409 when none is free.")
	MentorshipView approve(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.approve(id, reason(body), version(body));
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject an open mentorship (administrator, coordinator), with a reason")
	MentorshipView reject(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.reject(id, reason(body), version(body));
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw before a decision (the requester)")
	MentorshipView withdraw(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.withdraw(id, version(body));
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause an active mentorship, with a reason", description = "It keeps its place.")
	MentorshipView pause(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.pause(id, reason(body), version(body));
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume a paused mentorship")
	MentorshipView resume(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.resume(id, version(body));
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End an active or paused mentorship, with a reason", description = "Frees the mentor's place.")
	MentorshipView end(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.mentorships.end(id, reason(body), version(body));
	}

	@PostMapping("/{id}/rematch")
	@Operation(summary = "Re-match (administrator, coordinator)",
			description = "Ends the mentorship (if active or paused) and proposes the new mentor for the same mentee; "
					+ "answers the new proposal.")
	MentorshipView rematch(@PathVariable long id, @RequestBody RematchBody body) {
		if (body == null) {
			throw new InvalidInputException("reason", "Give a reason.");
		}
		return this.mentorships.rematch(id, body.mentorId(), body.reason(), body.goal(), body.version());
	}

	@GetMapping("/managed")
	@Operation(summary = "Mentorships you manage (administrator: institution; coordinator: department)",
			description = "Newest first, optionally by status; page from 0, size up to 200.")
	Mentorships.Page managed(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return this.mentorships.managed(MentorshipPageController.parseStatus(status), page, size);
	}

	@GetMapping("/managed/export")
	@RateLimited(name = "mentorship-export", capacity = 10, per = "PT10M")
	@Operation(summary = "Export the mentorships you manage as CSV (audited, rate limited)")
	@ApiResponse(responseCode = "200", description = "The CSV file",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	ResponseEntity<byte[]> export(@RequestParam(required = false) String status) {
		return MentorshipPageController.csv(this.mentorships.export(MentorshipPageController.parseStatus(status)));
	}

	private static Long version(TransitionBody body) {
		return body == null ? null : body.version();
	}

	private static String reason(TransitionBody body) {
		return body == null ? null : body.reason();
	}

	/** A mentee's ranked choices. */
	record ChoicesBody(List<ChoiceBody> choices) {
	}

	/** One choice: the mentor and the goal for them. */
	record ChoiceBody(@Schema(example = "42") Long mentorId,
			@Schema(example = "Grow into a team lead", maxLength = 2000) String goal) {
	}

	/** A proposal of a pairing. */
	record ProposalBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long menteeId, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long mentorId, @Schema(maxLength = 2000) String goal,
			@Schema(maxLength = 2000) String notes) {
	}

	/** A transition's reason (required to decline, reject, pause and end) and the version read. */
	// Named: springdoc names schemas by simple class name, and both modules have a TransitionBody.
	@Schema(name = "MentorshipTransitionBody")
	record TransitionBody(@Schema(maxLength = 1000) String reason,
			@Schema(minimum = "0", description = "The version read") Long version) {
	}

	/** A re-match: the new mentor, the reason, optionally a new goal, and the version read. */
	record RematchBody(Long mentorId, @Schema(maxLength = 1000) String reason, String goal, Long version) {
	}

}
