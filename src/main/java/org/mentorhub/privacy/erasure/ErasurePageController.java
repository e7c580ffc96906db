package org.mentorhub.privacy.erasure;

import java.util.Locale;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The person's erasure page (/account/privacy/erasure, linked from /account/privacy): what erasure keeps
 * and why, the form to ask (password, or a reason), and their requests with a cancel button while pending.
 */
@Controller
class ErasurePageController {

	static final String VIEW = "privacy/erasure";

	private final ErasureRequests requests;

	ErasurePageController(ErasureRequests requests) {
		this.requests = requests;
	}

	/** The form as typed. */
	record ErasureForm(String password, String reason) {
	}

	@GetMapping("/account/privacy/erasure")
	ModelAndView page(Locale locale) {
		return render(new ErasureForm(null, null), FieldErrors.none(), HttpStatus.OK, locale);
	}

	@PostMapping("/account/privacy/erasure")
	ModelAndView request(ErasureForm form, Locale locale) {
		try {
			this.requests.request(form.password(), form.reason());
			return new ModelAndView("redirect:/account/privacy/erasure?requested=true");
		}
		catch (InvalidInputException ex) {
			return render(new ErasureForm(null, form.reason()), FieldErrors.of(ex), HttpStatus.BAD_REQUEST, locale);
		}
	}

	@PostMapping("/account/privacy/erasure/{id}/cancel")
	ModelAndView cancel(@PathVariable long id) {
		this.requests.cancel(id);
		return new ModelAndView("redirect:/account/privacy/erasure?cancelled=true");
	}

	private ModelAndView render(ErasureForm form, FieldErrors errors, HttpStatus status, Locale locale) {
		ModelAndView view = new ModelAndView(VIEW, status);
		view.addObject("form", form);
		view.addObject("errors", errors);
		view.addObject("requests", this.requests.mine());
		view.addObject("kept", this.requests.keptForMe(locale));
		view.addObject("withPassword", this.requests.confirmsWithPassword());
		return view;
	}

}
