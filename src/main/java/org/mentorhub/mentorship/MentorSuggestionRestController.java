package org.mentorhub.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the suggested mentors page. */
@RestController
@Tag(name = "Mentor suggestions", description = "A mentee's top 10 mentors with the score, its breakdown by factor "
		+ "and the explanation. Hard limits (no free place, not taking mentees, no overlapping availability, another "
		+ "institution) exclude a mentor; they are never a low score.")
class MentorSuggestionRestController {

	private final MentorSuggestions suggestions;

	MentorSuggestionRestController(MentorSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping("/api/v1/mentorships/suggestions")
	@Operation(summary = "Suggested mentors for me (mentee) or for a mentee (administrator, coordinator)",
			description = "Without menteeId: the caller's own suggestions (roles MENTEE or NEW_MOTHER; others 403). "
					+ "With menteeId: an administrator's (institution) or coordinator's (department) view of that "
					+ "mentee; a mentee out of reach is 404, a caller who is no administrator or coordinator 403. "
					+ "Best first, at most 10, ties by lower mentor id; the weights are the institution's.")
	MentorSuggestionList suggestions(
			@Parameter(description = "The mentee (administrators and coordinators)") @RequestParam(required = false) Long menteeId) {
		return menteeId == null ? this.suggestions.forMe() : this.suggestions.forMentee(menteeId);
	}

}
