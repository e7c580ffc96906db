package org.mentorhub.support;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the support pages. */
@RestController
@RequestMapping("/api/v1/support/issues")
@Tag(name = "Support", description = "The support desk: anyone signed in reports an issue (title, description, category, "
		+ "the page they were on; screenshots through /api/v1/attachments/issue/{id}). The institution's administrators "
		+ "handle its issues (assign, answer, internal notes, OPEN -> IN_PROGRESS -> RESOLVED, CLOSED) and escalate "
		+ "them to the platform administrator, who then handles them too. The reporter answers, closes, and reopens a "
		+ "resolved issue within 14 days. Internal notes never reach the reporter. An issue out of reach is 404.")
class SupportRestController {

	private final SupportDesk desk;

	SupportRestController(SupportDesk desk) {
		this.desk = desk;
	}

	/** A new issue. */
	record IssueReportRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = SupportDesk.MAX_TITLE) String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = SupportDesk.MAX_TEXT,
					description = "Plain text") String description,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "ACCOUNT", "MATCHING", "SESSIONS",
					"TECHNICAL", "CONDUCT", "OTHER" }) String category,
			@Schema(maxLength = SupportDesk.MAX_PATH, description = "The MentorHub page the issue is about, such as /sessions") String pagePath) {
	}

	/** A message of the thread. */
	record IssueMessageRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = SupportDesk.MAX_TEXT,
					description = "Plain text") String message,
			@Schema(defaultValue = "false", description = "A note for staff only (staff only)") Boolean internal) {
	}

	/** A move of an issue. */
	record IssueTransitionRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					allowableValues = { "START", "RESOLVE", "CLOSE", "REOPEN" }) String action,
			@Schema(minimum = "0", description = "The version read; a stale one is 409") Long version) {
	}

	/** A new assignee. */
	record IssueAssigneeRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "An active administrator of the institution (or, once escalated, a platform administrator)") Long assigneeId,
			@Schema(minimum = "0", description = "The version read; a stale one is 409") Long version) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Report an issue", description = "For anyone of an institution (403 for the platform "
			+ "administrator). 400 for an empty or too long title or description, a missing or unknown category, or a "
			+ "page that is not a MentorHub path.")
	ResponseEntity<IssueView> report(@RequestBody(required = false) IssueReportRequest body) {
		IssueInput input = body == null ? null
				: new IssueInput(body.title(), body.description(), body.category(), body.pagePath());
		IssueView issue = this.desk.report(input, null);
		return ResponseEntity.created(URI.create("/api/v1/support/issues/" + issue.id())).body(issue);
	}

	@GetMapping
	@Operation(summary = "My issues", description = "The issues you reported, newest first.")
	SupportDesk.IssuePage mine(@RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "25") int size) {
		return this.desk.mine(page, size);
	}

	@GetMapping("/queue")
	@Operation(summary = "The support queue", description = "An administrator's institution's issues; the platform "
			+ "administrator's escalated issues; 403 for others. Oldest first (or newest with sort=newest), with the average first response and "
			+ "resolution times (seconds) of the filtered issues. 400 for an unknown filter value.")
	SupportDesk.QueuePage queue(
			@Parameter(description = "A status, open (the default: open and in progress) or all") @RequestParam(required = false) String status,
			@Parameter(description = "An assignee's id, me, or none for the unassigned") @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String category,
			@Parameter(description = "Reported at least this many days ago") @RequestParam(required = false) Integer minAgeDays,
			@Parameter(schema = @Schema(allowableValues = { "oldest", "newest" }), description = "oldest (the default) or newest first") @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "25") int size) {
		return this.desk.queue(new SupportDesk.Filter(status, assignee, category, minAgeDays, sort), page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An issue and its thread", description = "Oldest message first; internal notes for staff only.")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	IssueDetails get(@PathVariable long id) {
		return this.desk.get(id);
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer", description = "The reporter or the issue's staff; internal notes by staff only (403). "
			+ "400 for an empty or too long message; 409 on a closed issue.")
	IssueMessageView post(@PathVariable long id, @RequestBody(required = false) IssueMessageRequest body) {
		return this.desk.post(id, body == null ? null : body.message(), body != null && Boolean.TRUE.equals(body.internal()));
	}

	@PostMapping("/{id}/transitions")
	@Operation(summary = "Move an issue", description = "Staff START, RESOLVE, CLOSE and REOPEN; the reporter CLOSEs and "
			+ "REOPENs a resolved issue within 14 days (403 for the rest). 409 when the status does not allow the "
			+ "action (for example CLOSED to IN_PROGRESS), after the 14 days, or for a stale version.")
	IssueView transition(@PathVariable long id, @RequestBody(required = false) IssueTransitionRequest body) {
		return this.desk.transition(id, body == null ? null : body.action(), body == null ? null : body.version());
	}

	@PutMapping("/{id}/assignee")
	@Operation(summary = "Assign an issue", description = "For its staff (403 for the reporter). 400 for someone who is "
			+ "not an active administrator of the institution.")
	IssueView assign(@PathVariable long id, @RequestBody(required = false) IssueAssigneeRequest body) {
		return this.desk.assign(id, body == null ? null : body.assigneeId(), body == null ? null : body.version());
	}

	@PostMapping("/{id}/escalation")
	@Operation(summary = "Escalate to the platform", description = "For the institution's administrators (403 for "
			+ "others who see it); 409 when already escalated or closed.")
	IssueView escalate(@PathVariable long id) {
		return this.desk.escalate(id);
	}

}
