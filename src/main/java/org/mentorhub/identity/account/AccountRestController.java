package org.mentorhub.identity.account;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.identity.MyAccount;
import org.mentorhub.identity.RoleName;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account life cycle")
class AccountRestController {

	static final String EMAIL_ANSWER = "We have sent a confirmation link to the new address, unless it already "
			+ "belongs to an account. The change takes effect when the link is opened (within 24 hours).";

	private final MyAccount account;

	AccountRestController(MyAccount account) {
		this.account = account;
	}

	/** The caller's own account. */
	record AccountResponse(long id, String username, String email, String fullName, String institution,
			RoleName primaryRole, List<RoleName> roles, boolean securityQuestionAvailable, String securityQuestion) {
	}

	/** A password change: the current password, then the new one. */
	record PasswordChangeRequest(String currentPassword, String newPassword) {
	}

	/** An e-mail change: the new address and the current password. */
	record EmailChangeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 320) String newEmail,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currentPassword) {
	}

	/** The answer to an e-mail change request. */
	record EmailChangeRequestResponse(String message) {
	}

	/** Confirming an e-mail change with the token of the link mailed to the new address. */
	record EmailChangeConfirmationRequest(String token) {
	}

	/** The account's new address. */
	record EmailChangeResponse(String email) {
	}

	/** The security question, its answer and the current password. */
	record SecurityQuestionRequest(String question, String answer, String currentPassword) {
	}

	@GetMapping("/api/v1/account")
	@Operation(summary = "My account", description = "The caller's account, roles and security-question state.")
	AccountResponse account() {
		MyAccount.Overview o = this.account.overview();
		return new AccountResponse(o.id(), o.username(), o.email(), o.fullName(), o.institution(), o.primaryRole(),
				o.roles(), o.securityQuestionAvailable(), o.securityQuestion());
	}

	@PutMapping("/api/v1/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change my password",
			description = "Needs the current password. Ends every other session of the caller and mails a notice. "
					+ "400 for a wrong current password or a weak new one.")
	void changePassword(@RequestBody PasswordChangeRequest request, HttpServletRequest http) {
		this.account.changePassword(request.currentPassword(), request.newPassword(),
				AccountPageController.sessionId(http));
	}

	@PostMapping("/api/v1/account/email-change-requests")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ask to change my e-mail address",
			description = "Needs the current password. Mails a confirmation link (valid 24 hours) to the new address "
					+ "and a notice to the current one. 400 for a wrong password or an invalid address.")
	EmailChangeRequestResponse requestEmailChange(@RequestBody EmailChangeRequest request) {
		this.account.requestEmailChange(request.newEmail(), request.currentPassword());
		return new EmailChangeRequestResponse(EMAIL_ANSWER);
	}

	@PostMapping("/api/v1/account/email-changes")
	@SecurityRequirements
	@Operation(summary = "Confirm an e-mail change",
			description = "Public: the token of the link mailed to the new address is the proof. The address changes "
					+ "and both addresses get a notice. 400 for an expired or used token, 409 if the address has "
					+ "been taken meanwhile.")
	EmailChangeResponse confirmEmailChange(@RequestBody EmailChangeConfirmationRequest request) {
		return new EmailChangeResponse(this.account.confirmEmailChange(request.token()));
	}

	@PutMapping("/api/v1/account/security-question")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set my security question",
			description = "Needs the current password, and an institution that uses the security question (else "
					+ "409). The answer is stored hashed and is only ever asked in addition to a reset link.")
	void chooseSecurityQuestion(@RequestBody SecurityQuestionRequest request) {
		this.account.chooseSecurityQuestion(request.question(), request.answer(), request.currentPassword());
	}

}
