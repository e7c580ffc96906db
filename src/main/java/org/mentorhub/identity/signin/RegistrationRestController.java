package org.mentorhub.identity.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.identity.PasswordPolicy;
import org.mentorhub.identity.SelfRegistrations.Registration;
import org.mentorhub.identity.SelfRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account life cycle")
class RegistrationRestController {

	static final String ANSWER = "If this address can register, we have sent you a link. Open it within 24 hours "
			+ "to confirm your account.";

	private final SelfRegistrations registrations;

	RegistrationRestController(SelfRegistrations registrations) {
		this.registrations = registrations;
	}

	/** What a person types to register. */
	record RegistrationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String institutionCode,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200) String fullName,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 320) String email,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = PasswordPolicy.MIN_LENGTH, maxLength = PasswordPolicy.MAX_LENGTH) String password) {
	}

	/** Confirming a registration: the link's token and the password chosen when registering. */
	record RegistrationConfirmationRequest(String token, String password) {
	}

	/** The same answer for every well-formed registration. */
	record RegistrationResponse(String message) {
	}

	/** The activated account's login. */
	record RegistrationConfirmationResponse(String email) {
	}

	@PostMapping("/api/v1/account/registrations")
	@SecurityRequirements
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Register an account",
			description = "Public. Where the institution allows self-registration for the address's domain, creates "
					+ "an INVITED account with the role MENTEE and mails a confirmation link (valid 24 hours). The "
					+ "answer is the same whether or not the address may register or already has an account; only "
					+ "malformed input (invalid e-mail, missing name or code, weak password) gets 400.")
	RegistrationResponse register(@RequestBody RegistrationRequest request, HttpServletRequest http) {
		this.registrations.register(new Registration(request.institutionCode(), request.fullName(), request.email(),
				request.password()), http.getRemoteAddr());
		return new RegistrationResponse(ANSWER);
	}

	@PostMapping("/api/v1/account/registration-confirmations")
	@SecurityRequirements
	@Operation(summary = "Confirm a registration",
			description = "Public. Activates a self-registered account with the token of its confirmation link and "
					+ "the password chosen when registering. 400 for a wrong password or an expired or used token.")
	RegistrationConfirmationResponse confirm(@RequestBody RegistrationConfirmationRequest request) {
		return new RegistrationConfirmationResponse(this.registrations.confirm(request.token(), request.password()));
	}

}
