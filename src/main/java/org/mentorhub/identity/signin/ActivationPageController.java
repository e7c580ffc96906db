package org.mentorhub.identity.signin;

import org.mentorhub.identity.AccountPages;
import org.mentorhub.identity.FormProblems;
import org.mentorhub.identity.Invitations;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The public page where an invited person chooses a password through their invitation link. */
@Controller
class ActivationPageController {

	static final String VIEW = "identity/account/activate";

	private final Invitations invitations;

	ActivationPageController(Invitations invitations) {
		this.invitations = invitations;
	}

	/** The set-password form. */
	record ActivationForm(String token, String password, String passwordConfirmation) {
	}

	@GetMapping("/account/activate")
	ModelAndView form(@RequestParam(required = false) String token) {
		if (!this.invitations.isUsable(token)) {
			return AccountPages.linkUnusable("invitation");
		}
		return new ModelAndView(VIEW).addObject("token", token);
	}

	@PostMapping("/account/activate")
	ModelAndView activate(@ModelAttribute ActivationForm form) {
		ModelAndView view = new ModelAndView(VIEW).addObject("token", form.token());
		var mismatch = FormProblems.confirmation("password", form.password(), form.passwordConfirmation());
		if (!mismatch.isEmpty()) {
			return FormProblems.refused(view, mismatch);
		}
		try {
			this.invitations.accept(form.token(), form.password());
		}
		catch (InvalidInputException ex) {
			if (FormProblems.aboutTheLink(ex)) {
				return AccountPages.linkUnusable("invitation");
			}
			return FormProblems.refused(view, ex);
		}
		return AccountPages.done("activated", true);
	}

}
