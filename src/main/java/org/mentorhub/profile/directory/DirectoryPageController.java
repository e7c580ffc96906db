package org.mentorhub.profile.directory;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * The people directory page. The search form is a plain GET form, so it works without JavaScript;
 * htmx swaps only the results (search as you type, sort and page links).
 */
@Controller
class DirectoryPageController {

	private final Directory directory;

	DirectoryPageController(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/directory")
	ModelAndView directory(@ModelAttribute("filters") DirectoryForm filters, Model model) {
		HttpStatus status = search(filters, model);
		model.addAttribute("tags", this.directory.tags());
		model.addAttribute("departments", this.directory.departments());
		return new ModelAndView("profile/directory", model.asMap(), status);
	}

	@HxRequest
	@GetMapping("/directory")
	ModelAndView results(@ModelAttribute("filters") DirectoryForm filters, Model model) {
		HttpStatus status = search(filters, model);
		return new ModelAndView("profile/partials/directory-results :: results", model.asMap(), status);
	}

	/** Puts the result (or an empty one with the filters' problems) in the model; 400 for bad filters. */
	private HttpStatus search(DirectoryForm filters, Model model) {
		HttpStatus status = HttpStatus.OK;
		FieldErrors errors = FieldErrors.none();
		Directory.Result result;
		try {
			result = this.directory.search(filters.toQuery());
		}
		catch (InvalidInputException ex) {
			errors = FieldErrors.of(ex);
			status = HttpStatus.BAD_REQUEST;
			result = new Directory.Result(java.util.List.of(), 0, 1, Directory.PAGE_SIZE, false);
		}
		model.addAttribute("result", result);
		model.addAttribute("errors", errors);
		model.addAttribute("mayRequest", this.directory.callerMayRequest());
		return status;
	}

}
