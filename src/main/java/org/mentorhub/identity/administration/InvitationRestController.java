package org.mentorhub.identity.administration;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.identity.Invitations.Invitation;
import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.UserStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "The people of the caller's institution")
class InvitationRestController {

	private final Invitations invitations;

	InvitationRestController(Invitations invitations) {
		this.invitations = invitations;
	}

	/**
	 * Whom to invite; the first role is the primary one.
	 * @param departmentId a department of the caller's institution, or null
	 */
	record InvitationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 320) String email,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200) String fullName, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RoleName> roles,
			Long departmentId) {
	}

	/** The invited account. */
	record InvitationResponse(long id, String email, UserStatus status) {
	}

	@PostMapping("/api/v1/users/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite a person",
			description = "Needs USER_MANAGE. Creates an INVITED account in the caller's institution and mails a "
					+ "single-use link (valid 7 days) to set the password. 400 with field errors for an invalid or "
					+ "taken e-mail, a missing name, no role, the platform administrator role or a department of "
					+ "another institution.")
	ResponseEntity<InvitationResponse> invite(@RequestBody InvitationRequest request) {
		long id = this.invitations.invite(
				new Invitation(request.email(), request.fullName(), request.roles(), request.departmentId()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + id))
			.body(new InvitationResponse(id, Invitations.normalizeEmail(request.email()), UserStatus.INVITED));
	}

}
