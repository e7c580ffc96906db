package org.mentorhub.identity.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.PasswordPolicy;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account life cycle", description = "Invitations, self-registration, password reset, e-mail change and sessions")
class ActivationRestController {

	private final Invitations invitations;

	ActivationRestController(Invitations invitations) {
		this.invitations = invitations;
	}

	/** The token of an invitation link and the chosen password. */
	record ActivationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = PasswordPolicy.MIN_LENGTH, maxLength = PasswordPolicy.MAX_LENGTH) String password) {
	}

	/** The activated account's login. */
	record ActivationResponse(String email) {
	}

	@PostMapping("/api/v1/account/activation")
	@SecurityRequirements
	@Operation(summary = "Accept an invitation",
			description = "Public. Sets the password of an invited account through the single-use token of its "
					+ "invitation link (valid 7 days) and activates the account. 400 with field errors for a weak "
					+ "password or an expired or used token.")
	ActivationResponse activate(@RequestBody ActivationRequest request) {
		return new ActivationResponse(this.invitations.accept(request.token(), request.password()));
	}

}
