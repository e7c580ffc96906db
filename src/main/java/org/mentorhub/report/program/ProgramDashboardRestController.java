package org.mentorhub.report.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.alert.RelationshipHealths;
import org.mentorhub.platform.RateLimited;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The program dashboard as JSON, and its exports, under {@code /api/v1/reports/program}. */
@RestController
@RequestMapping("/api/v1/reports/program")
@Tag(name = "Reports", description = "The program dashboard of an institution (administrators) or a department "
		+ "(coordinators): participation, mentorships, sessions and outcomes over a period, with the previous "
		+ "period for comparison. Groups of fewer than three people or answers are suppressed (null or left out).")
class ProgramDashboardRestController {

	private final ProgramDashboards dashboards;

	private final ProgramExports exports;

	ProgramDashboardRestController(ProgramDashboards dashboards, ProgramExports exports) {
		this.dashboards = dashboards;
		this.exports = exports;
	}

	@GetMapping
	@Operation(summary = "The program dashboard", description = "Administrators: their institution, or one of its "
			+ "departments; coordinators: their own department (another one is refused with 403). The period is "
			+ "whole UTC days, both ends included, at most 366 days; by default the last 90 days. A kind of program "
			+ "narrows the mentorship, session and outcome figures to the mentees of that kind (an unknown kind is 400).")
	ProgramReport program(@Parameter(description = "First day, yyyy-mm-dd") @RequestParam(required = false) String from,
			@Parameter(description = "Last day, yyyy-mm-dd") @RequestParam(required = false) String to,
			@Parameter(description = "A department id") @RequestParam(required = false) Long department,
			@Parameter(description = "A kind of program: student, professional or new-mother (blank: every kind)") @RequestParam(required = false) String kind) {
		return this.dashboards.report(this.dashboards.scope(department), this.dashboards.period(from, to), kind);
	}

	@GetMapping("/health")
	@Operation(summary = "The mentorships behind the health figure", description = "The active mentorships of the "
			+ "dashboard's scope (administrators: their institution, or one of its departments; coordinators: their own "
			+ "department, another one is 403; another institution's department is 404) by relationship health as the "
			+ "health job last computed it, stalled first, then at risk, then healthy; optionally of one health (an "
			+ "unknown one is 400) and one kind of program (an unknown kind is 400).")
	RelationshipHealths.RelationshipHealthPage health(
			@Parameter(schema = @Schema(allowableValues = { "HEALTHY", "AT_RISK", "STALLED" })) @RequestParam(required = false) String health,
			@Parameter(description = "A department id") @RequestParam(required = false) Long department,
			@Parameter(description = "A kind of program: student, professional or new-mother (blank: every kind)") @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "50") int size) {
		return this.dashboards.healthList(department, health, kind, page, size).pairs();
	}

	@GetMapping("/export")
	@RateLimited(name = "report-export", capacity = 10, per = "PT10M")
	@Operation(summary = "Export the dashboard's tables", description = "One row per figure (section, figure, item, "
			+ "value) as CSV or XLSX, streamed. Audited (REPORT_EXPORTED); at most 10 exports per 10 minutes.")
	@ApiResponse(responseCode = "200", description = "The file", content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long department,
			@Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
			@Parameter(description = "A kind of program: student, professional or new-mother (blank: every kind)") @RequestParam(required = false) String kind) {
		return this.exports.dashboard(department, from, to, kind, ProgramExports.format(format));
	}

	@GetMapping("/sessions/export")
	@RateLimited(name = "report-export", capacity = 10, per = "PT10M")
	@Operation(summary = "Export the sessions behind the dashboard", description = "The scope's sessions scheduled in "
			+ "the period, optionally of one status and attendance, as CSV or XLSX, streamed in constant memory. "
			+ "Audited (SESSIONS_EXPORTED); at most 10 exports per 10 minutes.")
	@ApiResponse(responseCode = "200", description = "The file", content = {
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<StreamingResponseBody> exportSessions(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long department,
			@Parameter(description = "A session status") @RequestParam(required = false) String status,
			@Parameter(description = "PRESENT, LATE, ABSENT or EXCUSED") @RequestParam(required = false) String attendance,
			@Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
			@Parameter(description = "A kind of program: student, professional or new-mother (blank: every kind)") @RequestParam(required = false) String kind) {
		return this.exports.sessions(department, from, to, status, attendance, kind, ProgramExports.format(format));
	}

}
