package org.mentorhub.mentorship;

import java.util.Arrays;
import java.util.List;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The bulk-assignment pages: the run form with recent drafts, and one draft (a progress bar that htmx
 * polls every second while it runs; then the pairs with scores and explanations, the unassigned
 * mentees with the reason, pin / remove per pair, "pin a pair", re-run, commit, discard). Errors show
 * on the page: 400 for bad input, 409 for a stale or finished draft.
 */
@Controller
@RequestMapping("/mentorships/bulk")
class BulkAssignmentPageController {

	private final BulkAssignments bulk;

	BulkAssignmentPageController(BulkAssignments bulk) {
		this.bulk = bulk;
	}

	@GetMapping
	ModelAndView form(Model model) {
		return formPage(model, "", "", false, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView run(BulkRunForm form, Model model) {
		String departmentId = form.departmentId();
		String cohort = form.cohort();
		String maximiseAssignments = form.maximiseAssignments();
		try {
			Long department = departmentId == null || departmentId.isBlank() ? null : parseId("departmentId", departmentId);
			List<String> entries = cohort == null ? List.of()
					: Arrays.stream(cohort.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
			long id = this.bulk.start(department, entries, maximiseAssignments != null);
			return new ModelAndView("redirect:/mentorships/bulk/" + id);
		}
		catch (InvalidInputException ex) {
			return formPage(model, departmentId, cohort, maximiseAssignments != null, FieldErrors.of(ex),
					HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	ModelAndView draft(@PathVariable long id, Model model) {
		return draftPage(model, id, null, FieldErrors.none(), HttpStatus.OK);
	}

	@GetMapping("/{id:\\d+}/progress")
	String progress(@PathVariable long id, Model model, HttpServletResponse response) {
		BulkAssignments.DraftSummary summary = this.bulk.summary(id);
		if (!summary.running()) {
			// The run is over: htmx reloads the whole page, which shows the result.
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("summary", summary);
		return "mentorship/bulk-progress :: bulkProgress";
	}

	@PostMapping("/{id:\\d+}/pins")
	ModelAndView pin(@PathVariable long id, BulkPairForm pair, Model model) {
		return act(model, id,
				() -> this.bulk.pin(id, parseOptional("menteeId", pair.menteeId()), parseOptional("mentorId", pair.mentorId())));
	}

	@PostMapping("/{id:\\d+}/removals")
	ModelAndView remove(@PathVariable long id, BulkPairForm pair, Model model) {
		return act(model, id, () -> this.bulk.remove(id, parseOptional("menteeId", pair.menteeId()),
				parseOptional("mentorId", pair.mentorId())));
	}

	@PostMapping("/{id:\\d+}/rerun")
	ModelAndView rerun(@PathVariable long id, Model model) {
		return act(model, id, () -> this.bulk.rerun(id));
	}

	@PostMapping("/{id:\\d+}/commit")
	ModelAndView commit(@PathVariable long id, BulkCommitForm form, Model model) {
		return act(model, id, () -> this.bulk.commit(id, parseOptional("version", form.version())));
	}

	@PostMapping("/{id:\\d+}/discard")
	ModelAndView discard(@PathVariable long id, Model model) {
		return act(model, id, () -> this.bulk.discard(id));
	}

	private ModelAndView act(Model model, long id, Runnable action) {
		try {
			action.run();
			return new ModelAndView("redirect:/mentorships/bulk/" + id);
		}
		catch (InvalidInputException ex) {
			return draftPage(model, id, null, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return draftPage(model, id, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	private ModelAndView draftPage(Model model, long id, String problem, FieldErrors errors, HttpStatus status) {
		BulkAssignments.Draft draft = this.bulk.get(id);
		model.addAttribute("draft", draft);
		model.addAttribute("summary", draft.summary());
		model.addAttribute("mentors", this.bulk.mentorChoices(id));
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		return new ModelAndView("mentorship/bulk-draft", model.asMap(), status);
	}

	private ModelAndView formPage(Model model, String departmentId, String cohort, boolean maximise, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("departments", this.bulk.departments());
		model.addAttribute("drafts", this.bulk.recent());
		model.addAttribute("departmentId", departmentId == null ? "" : departmentId);
		model.addAttribute("cohort", cohort == null ? "" : cohort);
		model.addAttribute("maximise", maximise);
		model.addAttribute("errors", errors);
		return new ModelAndView("mentorship/bulk", model.asMap(), status);
	}

	private static Long parseOptional(String field, String value) {
		return value == null || value.isBlank() ? null : parseId(field, value);
	}

	private static long parseId(String field, String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "Choose a valid entry.");
		}
	}

}
