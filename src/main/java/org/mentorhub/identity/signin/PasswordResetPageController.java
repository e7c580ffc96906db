package org.mentorhub.identity.signin;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.identity.AccountPages;
import org.mentorhub.identity.FormProblems;
import org.mentorhub.identity.PasswordResets.PendingReset;
import org.mentorhub.identity.PasswordResets;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public password-reset pages: forgot password (the same answer for every address) and the
 * new-password form behind the mailed link, which also asks the security question where it is on.
 */
@Controller
class PasswordResetPageController {

	static final String REQUEST_VIEW = "identity/account/forgot-password";

	static final String RESET_VIEW = "identity/account/reset-password";

	private final PasswordResets resets;

	PasswordResetPageController(PasswordResets resets) {
		this.resets = resets;
	}

	/** The forgot-password form. */
	record ResetRequestForm(String email) {
	}

	/** The new-password form. */
	record PasswordResetForm(String token, String password, String passwordConfirmation, String securityAnswer) {
	}

	@GetMapping("/account/forgot-password")
	ModelAndView requestForm(@RequestParam(required = false) String sent) {
		return new ModelAndView(REQUEST_VIEW).addObject("email", "").addObject("sent", sent != null);
	}

	@PostMapping("/account/forgot-password")
	ModelAndView request(@ModelAttribute ResetRequestForm form, HttpServletRequest request) {
		try {
			this.resets.requestReset(form.email(), request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			return FormProblems.refused(
					new ModelAndView(REQUEST_VIEW).addObject("email", form.email()).addObject("sent", false), ex);
		}
		return new ModelAndView("redirect:/account/forgot-password?sent");
	}

	@GetMapping("/account/reset-password")
	ModelAndView resetForm(@RequestParam(required = false) String token) {
		Optional<PendingReset> pending = this.resets.pending(token);
		if (pending.isEmpty()) {
			return AccountPages.linkUnusable("reset");
		}
		return resetView(token, pending.get());
	}

	@PostMapping("/account/reset-password")
	ModelAndView reset(@ModelAttribute PasswordResetForm form) {
		Optional<PendingReset> pending = this.resets.pending(form.token());
		if (pending.isEmpty()) {
			return AccountPages.linkUnusable("reset");
		}
		var mismatch = FormProblems.confirmation("password", form.password(), form.passwordConfirmation());
		if (!mismatch.isEmpty()) {
			return FormProblems.refused(resetView(form.token(), pending.get()), mismatch);
		}
		try {
			this.resets.reset(form.token(), form.password(), form.securityAnswer());
		}
		catch (PasswordResets.WrongSecurityAnswerException ex) {
			return FormProblems.refused(AccountPages.linkUnusable("reset-answer"), ex);
		}
		catch (InvalidInputException ex) {
			if (FormProblems.aboutTheLink(ex)) {
				return AccountPages.linkUnusable("reset");
			}
			return FormProblems.refused(resetView(form.token(), pending.get()), ex);
		}
		return AccountPages.done("reset", true);
	}

	private static ModelAndView resetView(String token, PendingReset pending) {
		return new ModelAndView(RESET_VIEW).addObject("token", token).addObject("question", pending.securityQuestion());
	}

}
