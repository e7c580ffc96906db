package org.mentorhub.privacy.erasure;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the erasure pages (GDPR Art. 17, docs/privacy.md). */
@RestController
@RequestMapping("/api/v1/privacy")
@Tag(name = "Privacy: erasure", description = "A person's request to erase their data; their institution's "
		+ "administrators approve it after the cooling-off period or refuse it with a reason.")
class ErasureRestController {

	private final ErasureRequests requests;

	private final LegalHolds holds;

	ErasureRestController(ErasureRequests requests, LegalHolds holds) {
		this.requests = requests;
		this.holds = holds;
	}

	/** An erasure request as the API shows it. */
	record ErasureRequestView(long id, long userId, String personName,
			@Schema(allowableValues = { "PENDING", "CANCELLED", "REFUSED", "APPROVED", "RUNNING", "COMPLETED",
					"FAILED" }) String status,
			String reason, Instant requestedAt, Instant eligibleAt, Instant decidedAt, String decisionReason,
			boolean academicHold, Instant completedAt, Integer rowsErased) {

		static ErasureRequestView of(ErasureRequest r) {
			return new ErasureRequestView(r.id(), r.userId(), r.personName(), r.status().name(), r.reason(),
					r.requestedAt(), r.eligibleAt(), r.decidedAt(), r.decisionReason(), r.academicHold(),
					r.completedAt(), r.rowsErased());
		}

	}

	/** A request to erase one's own data: the password (or, for an account without one, a reason). */
	record ErasureRequestBody(@Schema(description = "The account's password; required when it has one") String password,
			@Schema(description = "Why, at most 1,000 characters; required for an account without a password") String reason) {
	}

	/** A refusal's reason. */
	record RefusalBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
	}

	/** The institution's legal hold of academic records. */
	record LegalHoldBody(boolean keepAcademicRecords, String reason) {
	}

	@PostMapping("/erasure-requests")
	@Operation(summary = "Ask for the erasure of my data",
			description = "400 for a wrong password or a reason over 1,000 characters; 409 when a request is already open.")
	ResponseEntity<ErasureRequestView> request(@RequestBody(required = false) ErasureRequestBody body) {
		ErasureRequest created = this.requests.request(body == null ? null : body.password(),
				body == null ? null : body.reason());
		return ResponseEntity.created(URI.create("/api/v1/privacy/erasure-requests/" + created.id()))
			.body(ErasureRequestView.of(created));
	}

	@GetMapping("/erasure-requests")
	@Operation(summary = "My erasure requests, or (scope=institution) those of my institution",
			description = "scope=institution is for administrators (else 403).")
	List<ErasureRequestView> list(@RequestParam(required = false) String scope) {
		List<ErasureRequest> list = "institution".equals(scope) ? this.requests.ofMyInstitution()
				: this.requests.mine();
		return list.stream().map(ErasureRequestView::of).toList();
	}

	@GetMapping("/erasure-requests/{id}")
	@Operation(summary = "One erasure request: my own, or one of my institution for an administrator (else 404)")
	ErasureRequestView get(@PathVariable long id) {
		return ErasureRequestView.of(this.requests.visible(id));
	}

	@DeleteMapping("/erasure-requests/{id}")
	@Operation(summary = "Cancel my pending erasure request", description = "409 once it was decided.")
	ErasureRequestView cancel(@PathVariable long id) {
		return ErasureRequestView.of(this.requests.cancel(id));
	}

	@PostMapping("/erasure-requests/{id}/approve")
	@Operation(summary = "Approve an erasure request of my institution (administrators)",
			description = "409 during the cooling-off period or once decided; the erasure job starts.")
	ErasureRequestView approve(@PathVariable long id) {
		return ErasureRequestView.of(this.requests.approve(id));
	}

	@PostMapping("/erasure-requests/{id}/refuse")
	@Operation(summary = "Refuse an erasure request of my institution, with a reason (administrators)")
	ErasureRequestView refuse(@PathVariable long id, @RequestBody(required = false) RefusalBody body) {
		return ErasureRequestView.of(this.requests.refuse(id, body == null ? null : body.reason()));
	}

	@GetMapping("/legal-hold")
	@Operation(summary = "My institution's legal hold of academic records (administrators)")
	LegalHoldBody legalHold() {
		LegalHolds.Hold hold = this.holds.mine();
		return new LegalHoldBody(hold.keepAcademicRecords(), hold.reason());
	}

	@PutMapping("/legal-hold")
	@Operation(summary = "Change my institution's legal hold of academic records (administrators)")
	LegalHoldBody changeLegalHold(@RequestBody(required = false) LegalHoldBody body) {
		LegalHolds.Hold hold = this.holds.change(body == null || body.keepAcademicRecords(),
				body == null ? null : body.reason());
		return new LegalHoldBody(hold.keepAcademicRecords(), hold.reason());
	}

}
