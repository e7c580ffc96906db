package org.mentorhub.goal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the goal pages. */
@RestController
@RequestMapping("/api/v1/goals")
@Tag(name = "Goals", description = "A mentee's or student's goals and their dated progress updates. The owner, their "
		+ "active mentors, their department's coordinators and their institution's administrators see and update them; "
		+ "for everybody else a goal is 404. Reads by anyone but the owner are audited (GOAL_READ). An update names the "
		+ "version read: a stale one is 409.")
class GoalRestController {

	private final Goals goals;

	GoalRestController(Goals goals) {
		this.goals = goals;
	}

	/** A new goal. */
	record GoalRequest(
			@Schema(description = "Whose goal it is; the caller's own when left out") Long studentId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Goals.MAX_TITLE) String title,
			@Schema(allowableValues = { "ACADEMIC", "CAREER", "SKILL", "PERSONAL", "WELLBEING", "OTHER" },
					defaultValue = "OTHER") String category,
			@Schema(maxLength = Goals.MAX_DESCRIPTION) String description,
			@Schema(description = "Not before today in the caller's time zone", format = "date") LocalDate targetDate,
			@Schema(allowableValues = { "NOT_STARTED", "IN_PROGRESS", "AT_RISK", "COMPLETED" },
					description = "NOT_STARTED, or IN_PROGRESS when progressPct is above 0, when left out") String status,
			@Schema(minimum = "0", maximum = "100", defaultValue = "0") Integer progressPct,
			@Schema(description = "An active mentorship of the student") Long mentorshipId) {
	}

	/** A changed goal. */
	record GoalChange(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Goals.MAX_TITLE) String title,
			@Schema(allowableValues = { "ACADEMIC", "CAREER", "SKILL", "PERSONAL", "WELLBEING", "OTHER" },
					description = "Unchanged when left out") String category,
			@Schema(maxLength = Goals.MAX_DESCRIPTION, description = "Removed when left out") String description,
			@Schema(format = "date", description = "Removed when left out; a new one not before today") LocalDate targetDate,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "The version read") Long version) {
	}

	/** A progress update. */
	record UpdateRequest(
			@Schema(minimum = "0", maximum = "100", description = "The current progress when left out") Integer progressPct,
			@Schema(allowableValues = { "NOT_STARTED", "IN_PROGRESS", "AT_RISK", "COMPLETED" },
					description = "When left out: COMPLETED at 100, IN_PROGRESS once started, else unchanged") String status,
			@Schema(maxLength = Goals.MAX_NOTE) String note,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "The version read") Long version) {
	}

	@GetMapping
	@Operation(summary = "The goals you may see",
			description = "Your own, your active mentees' and those of the department or institution you manage, most "
					+ "recently changed first. 400 for an unknown scope, status or category.")
	Goals.GoalPage list(
			@Parameter(description = "mine, mentees or managed; all of them when left out") @RequestParam(required = false) String scope,
			@RequestParam(required = false) Long student, @RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "25") int size) {
		return this.goals.list(new Goals.Filter(scope, student, status, category), page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@Operation(summary = "Create a goal", description = "For yourself (a mentee or student), or as their active mentor or "
			+ "manager for a mentee. 400 for bad input (an empty title, progress outside 0 to 100, a past target date, an "
			+ "unknown status or category); 404 for a person you may not create goals for.")
	ResponseEntity<GoalView> create(@RequestBody(required = false) GoalRequest body) {
		GoalInput input = body == null ? null
				: new GoalInput(body.studentId(), body.title(), body.category(), body.description(), body.targetDate(),
						body.status(), body.progressPct(), body.mentorshipId());
		GoalView created = this.goals.create(input);
		return ResponseEntity.created(URI.create("/api/v1/goals/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A goal and its history", description = "Its updates, oldest first.")
	GoalDetails get(@PathVariable long id) {
		return this.goals.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a goal", description = "Its title, category, description and target date, with the version "
			+ "read (409 when stale). Progress and status change only by updates. A changed target date cannot be in "
			+ "the past (400).")
	GoalView edit(@PathVariable long id, @RequestBody(required = false) GoalChange body) {
		GoalInput change = body == null ? null
				: new GoalInput(null, body.title(), body.category(), body.description(), body.targetDate(), null, null,
						null);
		return this.goals.edit(id, change, body == null ? null : body.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a goal", description = "With its history; for the owner, whoever created it and the "
			+ "managers in scope (an active mentor who did not create it gets 403). With the version read "
			+ "(?version=); 409 when stale.")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version) {
		this.goals.delete(id, version);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/updates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Post a progress update",
			description = "A note, the new progress and the new status; the goal takes them. 409 when the version is stale.")
	ResponseEntity<GoalView> update(@PathVariable long id, @RequestBody(required = false) UpdateRequest body) {
		GoalView goal = this.goals.addUpdate(id, body == null ? null : body.progressPct(),
				body == null ? null : body.status(), body == null ? null : body.note(), body == null ? null : body.version());
		return ResponseEntity.created(URI.create("/api/v1/goals/" + id)).body(goal);
	}

	@GetMapping("/pair/{mentorshipId}")
	@Operation(summary = "The open goals of a mentorship's pair",
			description = "The mentee's open goals that belong to this mentorship or to none: for the pair (while it is "
					+ "active) and the managers in scope.")
	List<GoalView> pair(@PathVariable long mentorshipId) {
		return this.goals.ofPair(mentorshipId);
	}

}
