package org.mentorhub.report.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.RateLimited;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The program dashboard as a PDF: {@code /reports/program.pdf} (the page's download link) and its API
 * twin {@code /api/v1/reports/program.pdf}, with the dashboard's filters; audited and rate-limited
 * together with the other exports ({@code report-export}).
 */
@RestController
@Tag(name = "Reports")
class ProgramPdfRestController {

	private final ProgramExports exports;

	ProgramPdfRestController(ProgramExports exports) {
		this.exports = exports;
	}

	@GetMapping("/reports/program.pdf")
	@RateLimited(name = "report-export", capacity = 10, per = "PT10M")
	ResponseEntity<byte[]> page(ProgramDashboardPageController.ProgramFilterForm form) {
		return this.exports.pdf(form.department(), form.from(), form.to(), form.kind());
	}

	@GetMapping("/api/v1/reports/program.pdf")
	@RateLimited(name = "report-export", capacity = 10, per = "PT10M")
	@Operation(summary = "The dashboard as a PDF", description = "The program dashboard for a board meeting: its "
			+ "charts (drawn as SVG) and a table for every figure, with the dashboard's filters. Audited "
			+ "(REPORT_EXPORTED, format pdf); at most 10 exports per 10 minutes, shared with the other exports.")
	@ApiResponse(responseCode = "200", description = "The PDF",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> api(@Parameter(description = "First day, yyyy-mm-dd") @RequestParam(required = false) String from,
			@Parameter(description = "Last day, yyyy-mm-dd") @RequestParam(required = false) String to,
			@Parameter(description = "A department id") @RequestParam(required = false) Long department,
			@Parameter(description = "A kind of program: student, professional or new-mother (blank: every kind)") @RequestParam(required = false) String kind) {
		return this.exports.pdf(department, from, to, kind);
	}

}
