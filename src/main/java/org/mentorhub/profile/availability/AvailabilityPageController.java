package org.mentorhub.profile.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.profile.Availabilities;
import org.mentorhub.profile.WeeklyAvailability;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The availability page: a weekly grid of checkboxes (ticking them works without JavaScript;
 * {@code availability.js} adds click-and-drag) and the list of absences with a form for a new one.
 */
@Controller
@RequestMapping("/profile/availability")
class AvailabilityPageController {

	private final Availabilities availabilities;

	AvailabilityPageController(Availabilities availabilities) {
		this.availabilities = availabilities;
	}

	@GetMapping
	ModelAndView page(Model model) {
		WeeklyAvailability week = this.availabilities.mine();
		return page(model, week.zone().getId(), AvailabilityGrid.ticked(week), AvailabilityAbsenceForm.blank(),
				FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView save(@ModelAttribute AvailabilityForm form, Model model, RedirectAttributes redirect) {
		try {
			WeeklyAvailability current = this.availabilities.mine();
			this.availabilities.replaceMine(
					WeeklyAvailability.parse(form.zone(), AvailabilityGrid.slots(form.cells(), current)), form.version());
			redirect.addFlashAttribute("saved", true);
			return new ModelAndView("redirect:/profile/availability");
		}
		catch (InvalidInputException ex) {
			return page(model, form.zone() == null ? "" : form.zone(),
					new TreeSet<>(form.cells() == null ? List.of() : form.cells()), AvailabilityAbsenceForm.blank(),
					FieldErrors.of(ex), HttpStatus.BAD_REQUEST, form.version());
		}
		catch (OptimisticLockingFailureException ex) {
			// Saved elsewhere in between: show the week as it is now, and say so.
			WeeklyAvailability week = this.availabilities.mine();
			model.addAttribute("stale", true);
			return page(model, week.zone().getId(), AvailabilityGrid.ticked(week), AvailabilityAbsenceForm.blank(),
					FieldErrors.none(), HttpStatus.CONFLICT, week.version());
		}
	}

	@PostMapping("/exceptions")
	ModelAndView addAbsence(@ModelAttribute AvailabilityAbsenceForm form, Model model, RedirectAttributes redirect) {
		try {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate startsOn = date(form.startsOn(), "startsOn", problems);
			LocalDate endsOn = date(form.endsOn(), "endsOn", problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			this.availabilities.addMyAbsence(startsOn, endsOn, form.reason());
			redirect.addFlashAttribute("absenceSaved", true);
			return new ModelAndView("redirect:/profile/availability");
		}
		catch (InvalidInputException ex) {
			WeeklyAvailability week = this.availabilities.mine();
			return page(model, week.zone().getId(), AvailabilityGrid.ticked(week), form, FieldErrors.of(ex),
					HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/exceptions/{id}/delete")
	String removeAbsence(@PathVariable long id, RedirectAttributes redirect) {
		this.availabilities.removeMyAbsence(id);
		redirect.addFlashAttribute("absenceRemoved", true);
		return "redirect:/profile/availability";
	}

	private ModelAndView page(Model model, String zone, java.util.Set<String> ticked, AvailabilityAbsenceForm absence,
			FieldErrors errors, HttpStatus status) {
		return page(model, zone, ticked, absence, errors, status, this.availabilities.mine().version());
	}

	private ModelAndView page(Model model, String zone, java.util.Set<String> ticked, AvailabilityAbsenceForm absence,
			FieldErrors errors, HttpStatus status, String version) {
		model.addAttribute("version", version);
		model.addAttribute("zone", zone);
		model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
		model.addAttribute("ticked", ticked);
		model.addAttribute("rows", AvailabilityGrid.rows().stream().map(java.time.LocalTime::toString).toList());
		model.addAttribute("days", AvailabilityGrid.days());
		model.addAttribute("absences", this.availabilities.myAbsences());
		model.addAttribute("absence", absence);
		model.addAttribute("errors", errors);
		return new ModelAndView("profile/availability", model.asMap(), status);
	}

	private static LocalDate date(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "Give the date as YYYY-MM-DD."));
			return null;
		}
	}

}
