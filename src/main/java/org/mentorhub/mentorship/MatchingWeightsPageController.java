package org.mentorhub.mentorship;

import java.util.List;

import org.mentorhub.mentorship.matching.MatchWeights;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's matching weights of their institution: six whole numbers 0..100 with labels
 * and help; 400 with the message beside each bad field (nothing saved), 409 with the current
 * weights when someone else saved meanwhile (the form's hidden version).
 */
@Controller
@RequestMapping("/admin/matching")
class MatchingWeightsPageController {

	private final MatchingSettings settings;

	private final Tenancy tenancy;

	private final MessageSource messages;

	MatchingWeightsPageController(MatchingSettings settings, Tenancy tenancy, MessageSource messages) {
		this.settings = settings;
		this.tenancy = tenancy;
		this.messages = messages;
	}

	@GetMapping
	ModelAndView form(Model model) {
		MatchingSettings.StoredWeights current = this.settings.settings(institution());
		return page(model, MatchingWeightsForm.rows(current.weights()), current.version(), FieldErrors.none(), false,
				HttpStatus.OK);
	}

	@PostMapping
	ModelAndView save(@RequestParam MultiValueMap<String, String> form,
			@RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
		long institution = institution();
		MatchingSettings.StoredWeights current = this.settings.settings(institution);
		List<MatchingWeightsForm.Field> rows = MatchingWeightsForm.rows(form::getFirst);
		try {
			MatchWeights weights = MatchingWeightsForm.parse(form::getFirst, this.messages
				.getMessage("matching.weights.number", null, LocaleContextHolder.getLocale()));
			this.settings.update(institution, weights, parseVersion(version));
			redirect.addFlashAttribute("saved", true);
			return new ModelAndView("redirect:/admin/matching");
		}
		catch (InvalidInputException ex) {
			return page(model, rows, version, FieldErrors.of(ex), false, HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			MatchingSettings.StoredWeights now = this.settings.settings(institution);
			return page(model, MatchingWeightsForm.rows(now.weights()), now.version(), FieldErrors.none(), true,
					HttpStatus.CONFLICT);
		}
	}

	private long institution() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null) {
			throw new AccessDeniedException("Only an institution's administrators change its matching weights");
		}
		return actor.institutionId();
	}

	private static Long parseVersion(String version) {
		if (version == null || version.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			// A tampered version cannot match the stored one: treat it as stale.
			return -1L;
		}
	}

	private ModelAndView page(Model model, List<MatchingWeightsForm.Field> rows, Object version, FieldErrors errors,
			boolean stale, HttpStatus status) {
		model.addAttribute("fields", rows);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("stale", stale);
		if (!model.containsAttribute("saved")) {
			model.addAttribute("saved", false);
		}
		return new ModelAndView("matching/weights", model.asMap(), status);
	}

}
