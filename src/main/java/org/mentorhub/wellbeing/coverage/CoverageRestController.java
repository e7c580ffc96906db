package org.mentorhub.wellbeing.coverage;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the leave-coverage pages. */
@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "Leave coverage", description = "A new mother (or an administrator for her) asks a colleague of her "
		+ "institution to cover her parental leave. The colleague accepts or rejects; where the institution requires "
		+ "it an administrator approves. On the start date her mentorships pause and her upcoming sessions are "
		+ "cancelled; on her return they resume and the request is COMPLETED. A request is visible to the mother, the "
		+ "proxy and her institution's administrators; 404 for everybody else.")
class CoverageRestController {

	private final LeaveCoverage coverage;

	CoverageRestController(LeaveCoverage coverage) {
		this.coverage = coverage;
	}

	/** A new coverage request. */
	record CoverageRequestBody(
			@Schema(description = "The new mother; administrators only (a mother asks for herself and this is ignored)") Long motherId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A colleague of her institution, not herself") Long proxyId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", description = "Today or later") LocalDate startDate,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", description = "On or after the start date") LocalDate expectedEndDate,
			@Schema(maxLength = LeaveCoverage.MAX_NOTES, description = "Handover notes for the proxy") String notes) {
	}

	/** Her return: the actual end date (today when left out). */
	record CoverageReturnBody(@Schema(format = "date", description = "Not in the future; on or after the start date") LocalDate actualEndDate) {
	}

	/** An institution's leave-coverage settings. */
	record CoverageSettingsBody(@Schema(description = "Whether an administrator must approve each request") Boolean approvalRequired,
			@Schema(description = "The support group she joins on return; none when left out") Long returnersGroupId,
			@Schema(maxLength = LeaveCoverage.MAX_PLAN, description = "The return-to-work plan, one step a line") String returnPlan) {
	}

	@GetMapping
	@Operation(summary = "Coverage requests", description = "Yours as the mother, those you are asked to cover and, for an "
			+ "administrator, your institution's; newest leave first. Without handover notes.")
	List<CoverageView> list() {
		return this.coverage.list();
	}

	@PostMapping
	@Operation(summary = "Ask for leave coverage", description = "For a new mother (herself) or an administrator (for a new "
			+ "mother of the institution); 403 otherwise. 400 for a proxy outside the institution, herself as proxy, a proxy "
			+ "covering someone for overlapping dates, an end date before the start date or a start in the past.")
	ResponseEntity<CoverageView> create(@RequestBody(required = false) CoverageRequestBody body) {
		CoverageView created = this.coverage.request(body == null ? null
				: new CoverageInput(body.motherId(), body.proxyId(), body.startDate(), body.expectedEndDate(), body.notes()));
		return ResponseEntity.created(URI.create("/api/v1/coverage/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A coverage request", description = "With the handover notes and, while the leave runs, the covered "
			+ "mentees. 404 unless you are the mother, the proxy or an administrator of her institution.")
	CoverageView get(@PathVariable long id) {
		return this.coverage.get(id);
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept covering", description = "The proxy only (403 otherwise); 409 unless PENDING.")
	CoverageView accept(@PathVariable long id, @RequestParam(required = false) Long version) {
		return this.coverage.accept(id, version);
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Decline covering", description = "The proxy only (403 otherwise); 409 unless PENDING.")
	CoverageView reject(@PathVariable long id, @RequestParam(required = false) Long version) {
		return this.coverage.reject(id, version);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a coverage", description = "An administrator of her institution (403 otherwise), where the "
			+ "institution requires approval; 409 when approved already, not required, or closed.")
	CoverageView approve(@PathVariable long id, @RequestParam(required = false) Long version) {
		return this.coverage.approve(id, version);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a request", description = "The mother or an administrator, before the leave starts; 409 after.")
	CoverageView cancel(@PathVariable long id, @RequestParam(required = false) Long version) {
		return this.coverage.cancel(id, version);
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Record her return", description = "The mother or an administrator, once the leave has started: "
			+ "mentorships resume, she joins the returners group, the return plan is offered and the request is COMPLETED.")
	CoverageView recordReturn(@PathVariable long id, @RequestBody(required = false) CoverageReturnBody body,
			@RequestParam(required = false) Long version) {
		return this.coverage.recordReturn(id, body == null ? null : body.actualEndDate(), version);
	}

	@GetMapping("/settings")
	@Operation(summary = "Your institution's coverage settings", description = "Administrators only (403 otherwise).")
	CoverageSettingsView settings() {
		return this.coverage.settings();
	}

	@PutMapping("/settings")
	@Operation(summary = "Change your institution's coverage settings", description = "Administrators only; 400 for a group "
			+ "of another institution or a too long plan.")
	CoverageSettingsView saveSettings(@RequestBody(required = false) CoverageSettingsBody body) {
		CoverageSettingsBody b = body == null ? new CoverageSettingsBody(false, null, null) : body;
		return this.coverage.saveSettings(b.approvalRequired(), b.returnersGroupId(), b.returnPlan());
	}

}
