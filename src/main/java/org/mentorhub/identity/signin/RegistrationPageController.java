package org.mentorhub.identity.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.identity.AccountPages;
import org.mentorhub.identity.FormProblems;
import org.mentorhub.identity.SelfRegistrations.Registration;
import org.mentorhub.identity.SelfRegistrations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public self-registration pages: the form, the same check-your-mail answer for every
 * well-formed request, and the confirmation through the mailed link.
 */
@Controller
class RegistrationPageController {

	static final String VIEW = "identity/account/register";

	static final String CONFIRM_VIEW = "identity/account/register-confirm";

	private final SelfRegistrations registrations;

	RegistrationPageController(SelfRegistrations registrations) {
		this.registrations = registrations;
	}

	/** The registration form. */
	record RegistrationForm(String institutionCode, String fullName, String email, String password,
			String passwordConfirmation) {
	}

	/** The confirmation form: the password chosen when registering, again. */
	record RegistrationConfirmationForm(String token, String password) {
	}

	@GetMapping("/account/register")
	ModelAndView form(@RequestParam(required = false) String sent) {
		return new ModelAndView(VIEW).addObject("form", new RegistrationForm("", "", "", null, null))
			.addObject("sent", sent != null);
	}

	@PostMapping("/account/register")
	ModelAndView register(@ModelAttribute RegistrationForm form, HttpServletRequest request) {
		ModelAndView view = new ModelAndView(VIEW).addObject("form", form).addObject("sent", false);
		var mismatch = FormProblems.confirmation("password", form.password(), form.passwordConfirmation());
		if (!mismatch.isEmpty()) {
			return FormProblems.refused(view, mismatch);
		}
		try {
			this.registrations.register(new Registration(form.institutionCode(), form.fullName(), form.email(),
					form.password()), request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			return FormProblems.refused(view, ex);
		}
		return new ModelAndView("redirect:/account/register?sent");
	}

	@GetMapping("/account/register/confirm")
	ModelAndView confirmForm(@RequestParam(required = false) String token) {
		if (!this.registrations.isUsable(token)) {
			return AccountPages.linkUnusable("registration");
		}
		return new ModelAndView(CONFIRM_VIEW).addObject("token", token);
	}

	@PostMapping("/account/register/confirm")
	ModelAndView confirm(@ModelAttribute RegistrationConfirmationForm form) {
		try {
			this.registrations.confirm(form.token(), form.password());
		}
		catch (InvalidInputException ex) {
			if (FormProblems.aboutTheLink(ex)) {
				return AccountPages.linkUnusable("registration");
			}
			return FormProblems.refused(new ModelAndView(CONFIRM_VIEW).addObject("token", form.token()), ex);
		}
		catch (StateTransitionException ex) {
			return AccountPages.linkUnusable("registration");
		}
		return AccountPages.done("registered", true);
	}

}
