package org.mentorhub.organization;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the institution pages: for the platform administrator only. */
@RestController
@RequestMapping("/api/v1/institutions")
@Tag(name = "Institutions", description = "Create and configure institutions (platform administrator, "
		+ "permission INSTITUTION_MANAGE). Institutions are not deleted here.")
class InstitutionRestController {

	private final InstitutionAdministration administration;

	InstitutionRestController(InstitutionAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "List institutions", description = "Every institution, by name, with its settings.")
	List<InstitutionResponse> list() {
		return this.administration.list().stream().map(InstitutionResponse::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an institution")
	InstitutionResponse get(@PathVariable long id) {
		return InstitutionResponse.of(this.administration.get(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an institution",
			description = "400 with the problem fields when a value is invalid or the code is taken.")
	ResponseEntity<InstitutionResponse> create(@RequestBody InstitutionRequest request) {
		InstitutionDetails created = this.administration.create(request.toDraft());
		return ResponseEntity.created(URI.create("/api/v1/institutions/" + created.id()))
			.body(InstitutionResponse.of(created));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an institution's fields and settings",
			description = "Every field is set as sent (absent booleans are false). Send the version you read to "
					+ "get 409 instead of overwriting a concurrent change.")
	InstitutionResponse update(@PathVariable long id, @RequestBody InstitutionRequest request) {
		return InstitutionResponse.of(this.administration.update(id, request.toDraft()));
	}

	/** An institution as the API creates or replaces it. */
	record InstitutionRequest(@Schema(example = "Northbridge University", maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(example = "NBU", pattern = "^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$", requiredMode = Schema.RequiredMode.REQUIRED) String code,
			InstitutionKind kind, @Schema(maxLength = 500) String address, String contactEmail,
			@Schema(example = "Europe/London") String timeZone, Boolean selfRegistrationEnabled,
			@Schema(example = "[\"northbridge.ac.uk\"]") List<String> selfRegistrationDomains,
			Boolean securityQuestionEnabled, Boolean mentorshipApprovalRequired,
			@Schema(minimum = "1", maximum = "60") Integer requestResponseDays,
			@Schema(example = "4.00") BigDecimal gpaScale, Long version) {

		InstitutionDraft toDraft() {
			return new InstitutionDraft(this.name, this.code, this.kind, this.address, this.contactEmail, this.timeZone,
					this.selfRegistrationEnabled,
					this.selfRegistrationDomains == null ? null : String.join(",", this.selfRegistrationDomains),
					this.securityQuestionEnabled, this.mentorshipApprovalRequired, this.requestResponseDays,
					this.gpaScale, this.version);
		}

	}

	/** An institution with its settings. */
	record InstitutionResponse(long id, String name, String code, InstitutionKind kind, String address,
			String contactEmail, String timeZone, boolean selfRegistrationEnabled, List<String> selfRegistrationDomains,
			boolean securityQuestionEnabled, boolean mentorshipApprovalRequired, int requestResponseDays,
			BigDecimal gpaScale, boolean active, Instant createdAt, Instant updatedAt, long version) {

		static InstitutionResponse of(InstitutionDetails d) {
			return new InstitutionResponse(d.id(), d.name(), d.code(), d.kind(), d.address(), d.contactEmail(),
					d.timeZone(), d.selfRegistrationEnabled(), d.selfRegistrationDomains(), d.securityQuestionEnabled(),
					d.mentorshipApprovalRequired(), d.requestResponseDays(), d.gpaScale(), d.active(), d.createdAt(),
					d.updatedAt(), d.version());
		}

	}

}
