package org.mentorhub.identity.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.identity.PasswordPolicy;
import org.mentorhub.identity.PasswordResets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account life cycle")
class PasswordResetRestController {

	static final String ANSWER = "If an active account uses this address, we have sent it a link to choose a new "
			+ "password. The link works once, for 30 minutes.";

	private final PasswordResets resets;

	PasswordResetRestController(PasswordResets resets) {
		this.resets = resets;
	}

	/** The address to send a reset link to. */
	record PasswordResetRequestRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 320) String email) {
	}

	/**
	 * A new password through a reset link.
	 * @param securityAnswer needed only when the reset asks the security question
	 */
	record PasswordResetRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = PasswordPolicy.MIN_LENGTH, maxLength = PasswordPolicy.MAX_LENGTH) String password,
			String securityAnswer) {
	}

	/** The same answer for every well-formed address. */
	record PasswordResetRequestResponse(String message) {
	}

	/** The login of the account whose password was reset. */
	record PasswordResetResponse(String email) {
	}

	@PostMapping("/api/v1/account/password-reset-requests")
	@SecurityRequirements
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Request a password reset link",
			description = "Public. Mails a single-use link (valid 30 minutes) if an active account uses the address. "
					+ "The answer is the same for every well-formed address; only an invalid e-mail gets 400.")
	PasswordResetRequestResponse request(@RequestBody PasswordResetRequestRequest request, HttpServletRequest http) {
		this.resets.requestReset(request.email(), http.getRemoteAddr());
		return new PasswordResetRequestResponse(ANSWER);
	}

	@PostMapping("/api/v1/account/password-resets")
	@SecurityRequirements
	@Operation(summary = "Set a new password with a reset link",
			description = "Public. Uses the token of a reset link once, sets the new password and signs the account "
					+ "out everywhere. Where the institution uses the security question and the user has set one, "
					+ "securityAnswer is needed too (400 with field securityAnswer when missing; a wrong answer uses "
					+ "up the link). 400 for a weak password or an expired or used token.")
	PasswordResetResponse reset(@RequestBody PasswordResetRequest request) {
		return new PasswordResetResponse(
				this.resets.reset(request.token(), request.password(), request.securityAnswer()));
	}

}
