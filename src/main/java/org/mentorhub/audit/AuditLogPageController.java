package org.mentorhub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The audit log viewer ({@code AUDIT_READ}): filters, pages of 25 rows newest first, and a CSV
 * export of the filtered rows. With htmx the filter form and the page links replace only the
 * viewer part ({@code audit/partials/log :: view}); without JavaScript they load the whole page.
 */
@Controller
class AuditLogPageController {

	/** CSV exports one user may start in {@link #EXPORT_PERIOD} (page and API together). */
	static final int EXPORTS_PER_PERIOD = 10;

	static final String EXPORT_PERIOD = "PT10M";

	private final AuditLog auditLog;

	AuditLogPageController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	/** The filter form's fields; all text, so that a typo is reported beside its field. */
	record AuditFilterForm(String user, String entity, String entityId, String action, String from, String to,
			String page) {

		AuditFilter toFilter() {
			return new AuditFilter(this.user, this.entity, this.entityId, this.action, this.from, this.to,
					pageNumber(), null);
		}

		private Integer pageNumber() {
			if (this.page == null || this.page.isBlank()) {
				return null;
			}
			try {
				return Integer.valueOf(this.page.strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

	@GetMapping("/admin/audit")
	String viewer(@ModelAttribute("filter") AuditFilterForm filter, Model model, HttpServletResponse response) {
		if (!search(filter, model, response)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "audit/log";
	}

	@HxRequest
	@GetMapping("/admin/audit")
	String results(@ModelAttribute("filter") AuditFilterForm filter, Model model, HttpServletResponse response) {
		// htmx swaps only 2xx answers, so bad filters answer 200 here, with their problems in the view.
		search(filter, model, response);
		return "audit/partials/log :: view";
	}

	/** Puts the result (or the filters' problems) in the model; false when the filters are bad. */
	private boolean search(AuditFilterForm filter, Model model, HttpServletResponse response) {
		// The page and its htmx partial share a URL: caches must keep them apart.
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		try {
			model.addAttribute("result", this.auditLog.search(filter.toFilter()));
			return true;
		}
		catch (InvalidInputException ex) {
			showProblems(ex, model);
			return false;
		}
	}

	@GetMapping("/admin/audit/export.csv")
	@RateLimited(name = "audit-export", capacity = EXPORTS_PER_PERIOD, per = EXPORT_PERIOD)
	String export(@ModelAttribute("filter") AuditFilterForm filter, Model model, HttpServletResponse response) {
		try {
			this.auditLog.export(filter.toFilter(), fileName -> openCsv(response, fileName));
			return null;
		}
		catch (InvalidInputException ex) {
			showProblems(ex, model);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "audit/log";
		}
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

	private static void showProblems(InvalidInputException ex, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
		model.addAttribute("errors", errors);
	}

}
