package org.mentorhub.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** The API twin of the alert pages. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Early alerts about students as cases: raised by hand by a mentor (about an active "
		+ "mentee), a coordinator (their department) or an administrator (their institution), owned by the student's "
		+ "mentor or the department's coordinator, moved OPEN -> ACKNOWLEDGED -> IN_PROGRESS -> RESOLVED (outcome "
		+ "note) or DISMISSED (reason), and reopened. Alerts are seen by whoever may see the student's academic "
		+ "record, their owner and whoever raised them; a student sees only those flagged visible to them. For "
		+ "everybody else an alert is 404. Reads by staff are audited (ALERT_READ). A change names the version read: "
		+ "a stale one is 409, and so is a transition the status does not allow.")
class AlertRestController {

	private final Alerts alerts;

	AlertRestController(Alerts alerts) {
		this.alerts = alerts;
	}

	/** A new alert. */
	record AlertRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The student the alert is about") Long studentId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "INFO", "WARN", "CRITICAL" }) String severity,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "GPA", "ATTENDANCE", "MISSED_SESSIONS",
					"GOALS", "WELLBEING", "ENGAGEMENT", "OTHER" }) String category,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Alerts.MAX_TEXT,
					description = "Plain text") String message,
			@Schema(defaultValue = "false", description = "Whether the student sees the alert and its outcome") Boolean visibleToStudent) {
	}

	/** A move of a case. */
	record TransitionRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					allowableValues = { "ACKNOWLEDGE", "START", "RESOLVE", "DISMISS", "REOPEN" }) String action,
			@Schema(maxLength = Alerts.MAX_TEXT, description = "Required to RESOLVE (the outcome) and to DISMISS (the reason)") String note,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "The version read") Long version) {
	}

	/** A new owner. */
	record OwnerRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "An active mentor, coordinator or administrator of the institution") Long ownerId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "The version read") Long version) {
	}

	/** Alerts to act on together. */
	record BulkRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 100 alerts of your queue") List<Long> ids,
			@Schema(description = "The new owner (bulk assign only)") Long ownerId) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@Operation(summary = "Raise an alert", description = "About an active mentee (mentor), a student of your department "
			+ "(coordinator) or of your institution (administrator); 404 for anybody else. 400 for a missing or unknown "
			+ "severity or category, or an empty or too long message.")
	ResponseEntity<AlertView> raise(@RequestBody(required = false) AlertRequest body) {
		AlertInput input = body == null ? null
				: new AlertInput(body.studentId(), body.severity(), body.category(), body.message(),
						body.visibleToStudent());
		AlertView raised = this.alerts.raise(input);
		return ResponseEntity.created(URI.create("/api/v1/alerts/" + raised.id())).body(raised);
	}

	@GetMapping
	@Operation(summary = "The triage queue", description = "For coordinators (their department's students) and "
			+ "administrators (their institution's); 403 for others. Most urgent first: severity, then age. 400 for an "
			+ "unknown filter value.")
	Alerts.AlertPage queue(@RequestParam(required = false) String severity,
			@RequestParam(required = false) String category,
			@Parameter(description = "A status, open (the default: not closed) or all") @RequestParam(required = false) String status,
			@Parameter(description = "An owner's id, or none for the unassigned") @RequestParam(required = false) String owner,
			@RequestParam(required = false) Long department,
			@Parameter(description = "Raised at least this many days ago") @RequestParam(required = false) Integer minAgeDays,
			@RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "25") int size) {
		return this.alerts.queue(new Alerts.Filter(severity, category, status, owner, department, minAgeDays), page,
				size);
	}

	@GetMapping("/mine")
	@Operation(summary = "My cases", description = "The alerts you own or raised and, for a mentor, those about your "
			+ "active mentees; for a student, the alerts about you that are visible to you. Open ones unless closed=true.")
	Alerts.AlertPage mine(@RequestParam(defaultValue = "false") boolean closed, @RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "25") int size) {
		return this.alerts.myCases(closed, page, size);
	}

	@GetMapping("/export")
	@Operation(summary = "Export the queue as CSV", description = "The queue with the same filters, most urgent first, "
			+ "at most 100,000 rows, streamed as a CSV attachment. Cells that a spreadsheet would run as a formula start "
			+ "with an apostrophe. Audited (ALERTS_EXPORTED).")
	@ApiResponse(responseCode = "200", description = "The CSV file",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	void export(@RequestParam(required = false) String severity, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, @RequestParam(required = false) String owner,
			@RequestParam(required = false) Long department, @RequestParam(required = false) Integer minAgeDays,
			HttpServletResponse response) {
		this.alerts.export(new Alerts.Filter(severity, category, status, owner, department, minAgeDays),
				fileName -> openCsv(response, fileName));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An alert and its history", description = "The history oldest first.")
	AlertDetails get(@PathVariable long id) {
		return this.alerts.get(id);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "An alert's history", description = "Every move, assignment and escalation, oldest first.")
	List<AlertEventView> history(@PathVariable long id) {
		return this.alerts.history(id);
	}

	@PostMapping("/{id}/transitions")
	@Operation(summary = "Move a case", description = "For its owner and the student's coordinators and administrators "
			+ "(403 for other readers). 400 without the outcome note (RESOLVE) or reason (DISMISS); 409 when the status "
			+ "does not allow the action (for example RESOLVED to ACKNOWLEDGED: reopen first) or the version is stale.")
	AlertView transition(@PathVariable long id, @RequestBody(required = false) TransitionRequest body) {
		return this.alerts.transition(id, body == null ? null : body.action(), body == null ? null : body.note(),
				body == null ? null : body.version());
	}

	@PutMapping("/{id}/owner")
	@Operation(summary = "Reassign a case", description = "For the student's coordinators and administrators (403 for "
			+ "other readers). 400 for an owner who is not an active mentor, coordinator or administrator of the "
			+ "institution; 409 when the version is stale.")
	AlertView assign(@PathVariable long id, @RequestBody(required = false) OwnerRequest body) {
		return this.alerts.assign(id, body == null ? null : body.ownerId(), body == null ? null : body.version());
	}

	@PostMapping("/bulk/assign")
	@Operation(summary = "Assign several alerts", description = "All or nothing: 404 naming the first alert not in your "
			+ "queue, 400 for a bad owner; nothing is changed then.")
	Alerts.BulkResult bulkAssign(@RequestBody(required = false) BulkRequest body) {
		return this.alerts.bulkAssign(body == null ? null : body.ids(), body == null ? null : body.ownerId());
	}

	@PostMapping("/bulk/acknowledge")
	@Operation(summary = "Acknowledge several alerts", description = "All or nothing: 404 naming the first alert not in "
			+ "your queue, 409 naming those that are not OPEN; nothing is changed then.")
	Alerts.BulkResult bulkAcknowledge(@RequestBody(required = false) BulkRequest body) {
		return this.alerts.bulkAcknowledge(body == null ? null : body.ids());
	}

	/** Starts a CSV attachment download and returns its writer. */
	static Writer openCsv(HttpServletResponse response, String fileName) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		try {
			return response.getWriter();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
