package org.mentorhub.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API of relationship health: one mentorship's, the list by health, and the institution's expectation. */
@RestController
@Tag(name = "Relationship health", description = "The health of each active mentorship (HEALTHY, AT_RISK, STALLED) "
		+ "with its reasons in words, computed once an hour from the session cadence against the institution's "
		+ "expectation, no-shows, cancellations, unanswered session requests, overdue action items and feedback "
		+ "ratings. A stalled pair is nudged once; if it is still stalled after the institution's delay, the "
		+ "department's coordinator gets an ENGAGEMENT alert. A mentorship's health is seen by its pair, the "
		+ "coordinators of its department and the administrators of its institution (404 for anybody else).")
class RelationshipHealthRestController {

	private final RelationshipHealths healths;

	RelationshipHealthRestController(RelationshipHealths healths) {
		this.healths = healths;
	}

	/** What an institution expects of its pairs. */
	record RelationshipHealthSettingsRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "180",
					description = "One completed session is expected every so many days") Integer expectedDays,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "90",
					description = "Days from the nudge of a stalled pair to the coordinator's alert") Integer escalateAfterDays) {
	}

	@GetMapping("/api/v1/mentorships/{id}/health")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@Operation(summary = "A mentorship's health", description = "For its mentor and mentee, the coordinators of its "
			+ "department and the administrators of its institution; 404 for anybody else, and for a mentorship that is "
			+ "not active (only active ones have a health). The alert raised for the coordinator is shown to staff only.")
	RelationshipHealthView one(@PathVariable long id) {
		return this.healths.of(id);
	}

	@GetMapping("/api/v1/relationship-health")
	@Operation(summary = "The pairs by health", description = "The active mentorships of your department "
			+ "(coordinator) or institution (administrator), stalled first, then at risk, then healthy; 403 for others, "
			+ "400 for an unknown health.")
	RelationshipHealths.RelationshipHealthPage list(
			@Parameter(schema = @Schema(allowableValues = { "HEALTHY", "AT_RISK", "STALLED" })) @RequestParam(required = false) String health,
			@RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "25") int size) {
		return this.healths.list(health, page, size);
	}

	@GetMapping("/api/v1/relationship-health/settings")
	@Operation(summary = "What your institution expects of its pairs", description = "For coordinators and "
			+ "administrators; 403 for others. Defaults: a session every 14 days, the alert 7 days after the nudge.")
	RelationshipHealths.RelationshipHealthExpectation settings() {
		return this.healths.settings();
	}

	@PutMapping("/api/v1/relationship-health/settings")
	@Operation(summary = "Set what your institution expects of its pairs", description = "For administrators; 403 "
			+ "for others. 400 for a missing or out of range value (nothing is written). Applies from the next run.")
	RelationshipHealths.RelationshipHealthExpectation updateSettings(@RequestBody(required = false) RelationshipHealthSettingsRequest body) {
		return this.healths.updateSettings(body == null ? null : body.expectedDays(),
				body == null ? null : body.escalateAfterDays());
	}

}
