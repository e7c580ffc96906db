package org.mentorhub.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.platform.RateLimited;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit-logs")
@Tag(name = "Audit log", description = "The append-only audit log of the caller's institution (permission AUDIT_READ)")
class AuditLogRestController {

	private final AuditLog auditLog;

	private final JsonMapper json;

	AuditLogRestController(AuditLog auditLog, JsonMapper json) {
		this.auditLog = auditLog;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "Search the audit log",
			description = "Rows of the caller's institution (the platform administrator: rows of no institution), "
					+ "newest first, filtered by user, record kind and id, action and UTC date range. "
					+ "400 with the fields on bad filters.")
	AuditLogPageResponse search(
			@Parameter(description = "E-mail address, username or user id") @RequestParam(required = false) String user,
			@Parameter(description = "Record kind, e.g. users") @RequestParam(required = false) String entity,
			@Parameter(description = "Record id") @RequestParam(required = false) String entityId,
			@Parameter(description = "Action, e.g. USER_INVITED") @RequestParam(required = false) String action,
			@Parameter(description = "From: yyyy-MM-dd or yyyy-MM-ddTHH:mm, UTC, inclusive") @RequestParam(required = false) String from,
			@Parameter(description = "To: yyyy-MM-dd or yyyy-MM-ddTHH:mm, UTC, inclusive") @RequestParam(required = false) String to,
			@Parameter(description = "Page, from 1") @RequestParam(required = false) Integer page,
			@Parameter(description = "Rows per page, 1 to 100 (default 25)") @RequestParam(required = false) Integer size) {
		AuditPage result = this.auditLog.search(new AuditFilter(user, entity, entityId, action, from, to, page, size));
		return new AuditLogPageResponse(result.entries().stream().map(this::response).toList(), result.page(),
				result.size(), result.hasNext());
	}

	@GetMapping("/export")
	@RateLimited(name = "audit-export", capacity = AuditLogPageController.EXPORTS_PER_PERIOD,
			per = AuditLogPageController.EXPORT_PERIOD)
	@Operation(summary = "Export the audit log as CSV",
			description = "The rows that match the same filters as the search, newest first, at most 100,000, as a "
					+ "CSV attachment. The export is itself audited (AUDIT_EXPORTED) and rate-limited (429 with Retry-After).")
	@ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	void export(@RequestParam(required = false) String user, @RequestParam(required = false) String entity,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) {
		this.auditLog.export(new AuditFilter(user, entity, entityId, action, from, to, null, null),
				fileName -> AuditLogPageController.openCsv(response, fileName));
	}

	private AuditLogEntryResponse response(AuditEntry entry) {
		return new AuditLogEntryResponse(entry.id(), entry.createdAt(), entry.userId(), entry.userEmail(),
				entry.actorLabel(), entry.action(), entry.entity(), entry.entityId(), entry.ip(), entry.userAgent(),
				state(entry.beforeState()), state(entry.afterState()));
	}

	private Map<String, Object> state(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> state = this.json.readValue(text, Map.class);
			return state;
		}
		catch (JacksonException ex) {
			return Map.of("text", text);
		}
	}

	/** One page of audit rows, newest first; {@code hasNext} tells whether another page follows. */
	record AuditLogPageResponse(List<AuditLogEntryResponse> items, int page, int size, boolean hasNext) {
	}

	/** One audit row; times are UTC; before and after have secrets removed. */
	record AuditLogEntryResponse(long id, Instant createdAt, Long userId, String userEmail, String actorLabel,
			String action, String entity, String entityId, String ip, String userAgent, Map<String, Object> before,
			Map<String, Object> after) {
	}

}
