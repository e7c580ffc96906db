package org.mentorhub.privacy.retention;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The retention page: every rule, its period and what the purge last removed; platform administrators edit. */
@Controller
class RetentionPageController {

	private final RetentionSettings settings;

	RetentionPageController(RetentionSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/admin/privacy/retention")
	ModelAndView page() {
		return render(FieldErrors.none(), null, HttpStatus.OK);
	}

	/** Sets one rule's period; an empty field keeps the data for ever. */
	@PostMapping("/admin/privacy/retention/{key}")
	ModelAndView change(@PathVariable String key, @RequestParam(required = false) String days) {
		try {
			this.settings.change(key, parse(days));
			return new ModelAndView("redirect:/admin/privacy/retention?saved=" + key);
		}
		catch (InvalidInputException ex) {
			return render(FieldErrors.of(ex), key, HttpStatus.BAD_REQUEST);
		}
	}

	static Integer parse(String days) {
		if (days == null || days.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(days.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("days", "The period is a whole number of days, or empty to keep the data for ever.");
		}
	}

	private ModelAndView render(FieldErrors errors, String failedKey, HttpStatus status) {
		ModelAndView view = new ModelAndView("privacy/admin-retention", status);
		view.addObject("settings", this.settings.settings());
		view.addObject("errors", errors);
		view.addObject("failedKey", failedKey);
		return view;
	}

}
