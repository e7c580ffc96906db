package org.mentorhub.session;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the feedback section and the mentor summary. */
@RestController
@Tag(name = "Session feedback", description = "After a completed session each participant rates it once (1-5), "
		+ "with comments, a type and a visibility. The other participant sees shared feedback once both have given "
		+ "theirs or 7 days after completion; coordinators of the department and administrators see all. A second "
		+ "feedback or feedback before completion is 409; a rating outside 1-5 is 400.")
class SessionFeedbackRestController {

	private final SessionFeedbacks feedbacks;

	SessionFeedbackRestController(SessionFeedbacks feedbacks) {
		this.feedbacks = feedbacks;
	}

	@GetMapping("/api/v1/sessions/{id}/feedback")
	@Operation(summary = "The feedback of a session, as the caller may see it")
	SessionFeedbackSection section(@PathVariable long id) {
		return this.feedbacks.section(id);
	}

	@PostMapping("/api/v1/sessions/{id}/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Give your feedback", description = "type: MENTEE_TO_MENTOR (mentee), MENTOR_TO_MENTEE "
			+ "(mentor) or SESSION; visibility: SHARED (default) or COORDINATORS.")
	ResponseEntity<SessionFeedbackSection> give(@PathVariable long id,
			@RequestBody(required = false) SessionFeedbackInput body) {
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + id + "/feedback")).body(this.feedbacks.give(id, body));
	}

	@GetMapping("/api/v1/sessions/feedback/summary")
	@Operation(summary = "A mentor's average rating by mentees", description = "The average is null below 3 "
			+ "responses. The mentor themselves, administrators of the institution, coordinators of the department.")
	SessionFeedbackSummary summary(@RequestParam(required = false) Long mentor) {
		return this.feedbacks.summary(mentor);
	}

}
