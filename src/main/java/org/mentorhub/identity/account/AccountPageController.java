package org.mentorhub.identity.account;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.mentorhub.identity.AccountPages;
import org.mentorhub.identity.FormProblems;
import org.mentorhub.identity.MyAccount;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's account pages: the overview, changing the password, the e-mail address
 * and the security question (each with the current password), and the public page behind the
 * e-mail change link.
 */
@Controller
class AccountPageController {

	static final String OVERVIEW_VIEW = "identity/account/overview";

	static final String PASSWORD_VIEW = "identity/account/password";

	static final String EMAIL_VIEW = "identity/account/email";

	static final String EMAIL_CONFIRM_VIEW = "identity/account/email-confirm";

	static final String QUESTION_VIEW = "identity/account/security-question";

	private final MyAccount account;

	AccountPageController(MyAccount account) {
		this.account = account;
	}

	/** Changing the password. */
	record PasswordChangeForm(String currentPassword, String newPassword, String newPasswordConfirmation) {
	}

	/** Changing the e-mail address. */
	record EmailChangeForm(String newEmail, String currentPassword) {
	}

	/** Confirming an e-mail change through the mailed link. */
	record EmailChangeConfirmationForm(String token) {
	}

	/** Setting the security question. */
	record SecurityQuestionForm(String question, String answer, String currentPassword) {
	}

	@GetMapping("/account")
	ModelAndView overview() {
		return new ModelAndView(OVERVIEW_VIEW).addObject("account", this.account.overview());
	}

	@GetMapping("/account/password")
	ModelAndView passwordForm() {
		return new ModelAndView(PASSWORD_VIEW);
	}

	@PostMapping("/account/password")
	ModelAndView changePassword(@ModelAttribute PasswordChangeForm form, HttpServletRequest request,
			RedirectAttributes redirect) {
		var mismatch = FormProblems.confirmation("newPassword", form.newPassword(), form.newPasswordConfirmation());
		if (!mismatch.isEmpty()) {
			return FormProblems.refused(new ModelAndView(PASSWORD_VIEW), mismatch);
		}
		try {
			this.account.changePassword(form.currentPassword(), form.newPassword(), sessionId(request));
		}
		catch (InvalidInputException ex) {
			return FormProblems.refused(new ModelAndView(PASSWORD_VIEW), ex);
		}
		redirect.addFlashAttribute("notice", "password-changed");
		return new ModelAndView("redirect:/account");
	}

	@GetMapping("/account/email")
	ModelAndView emailForm(@RequestParam(required = false) String sent) {
		return new ModelAndView(EMAIL_VIEW).addObject("newEmail", "")
			.addObject("sent", sent != null)
			.addObject("account", this.account.overview());
	}

	@PostMapping("/account/email")
	ModelAndView requestEmailChange(@ModelAttribute EmailChangeForm form) {
		try {
			this.account.requestEmailChange(form.newEmail(), form.currentPassword());
		}
		catch (InvalidInputException ex) {
			return FormProblems.refused(new ModelAndView(EMAIL_VIEW).addObject("newEmail", form.newEmail())
				.addObject("sent", false)
				.addObject("account", this.account.overview()), ex);
		}
		return new ModelAndView("redirect:/account/email?sent");
	}

	@GetMapping("/account/email/confirm")
	ModelAndView emailConfirmForm(@RequestParam(required = false) String token) {
		Optional<String> newEmail = this.account.pendingEmailChange(token);
		if (newEmail.isEmpty()) {
			return AccountPages.linkUnusable("email");
		}
		return new ModelAndView(EMAIL_CONFIRM_VIEW).addObject("token", token).addObject("newEmail", newEmail.get());
	}

	@PostMapping("/account/email/confirm")
	ModelAndView confirmEmailChange(@ModelAttribute EmailChangeConfirmationForm form) {
		try {
			this.account.confirmEmailChange(form.token());
		}
		catch (InvalidInputException ex) {
			return AccountPages.linkUnusable("email");
		}
		catch (StateTransitionException ex) {
			return FormProblems.refused(AccountPages.linkUnusable("email-taken"),
					List.of(new InvalidInputException.FieldProblem("newEmail", ex.getMessage())));
		}
		return AccountPages.done("email-changed", false);
	}

	@GetMapping("/account/security-question")
	ModelAndView questionForm() {
		MyAccount.Overview overview = this.account.overview();
		return new ModelAndView(QUESTION_VIEW).addObject("account", overview)
			.addObject("question", overview.securityQuestion() == null ? "" : overview.securityQuestion());
	}

	@PostMapping("/account/security-question")
	ModelAndView chooseQuestion(@ModelAttribute SecurityQuestionForm form, RedirectAttributes redirect) {
		try {
			this.account.chooseSecurityQuestion(form.question(), form.answer(), form.currentPassword());
		}
		catch (InvalidInputException ex) {
			return FormProblems.refused(new ModelAndView(QUESTION_VIEW).addObject("account", this.account.overview())
				.addObject("question", form.question()), ex);
		}
		catch (StateTransitionException ex) {
			return FormProblems.refused(new ModelAndView(QUESTION_VIEW).addObject("account", this.account.overview())
				.addObject("question", ""), List.of(new InvalidInputException.FieldProblem("question", ex.getMessage())))
				.addObject("unavailable", true);
		}
		redirect.addFlashAttribute("notice", "security-question-set");
		return new ModelAndView("redirect:/account");
	}

	static String sessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}

}
