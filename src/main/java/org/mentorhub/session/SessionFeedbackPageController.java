package org.mentorhub.session;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The feedback of a session ({@code /sessions/{id}/feedback}; its {@link HxRequest} twins answer the
 * section alone; the form binds to {@link SessionFeedbackForm}) and a
 * mentor's rating summary ({@code /sessions/feedback/summary?mentor=ID}).
 */
@Controller
class SessionFeedbackPageController {

	static final String VIEW = "session/notes/feedback";

	static final String FEEDBACK = "/sessions/{id:\\d+}/feedback";

	private final SessionFeedbacks feedbacks;

	SessionFeedbackPageController(SessionFeedbacks feedbacks) {
		this.feedbacks = feedbacks;
	}

	@GetMapping(FEEDBACK)
	ModelAndView page(@PathVariable long id, Model model) {
		return render(id, model, false, PageOutcome.NONE);
	}

	@HxRequest
	@GetMapping(FEEDBACK)
	ModelAndView section(@PathVariable long id, Model model) {
		return render(id, model, true, PageOutcome.NONE);
	}

	@PostMapping(FEEDBACK)
	ModelAndView give(@PathVariable long id, SessionFeedbackForm form, Model model) {
		PageOutcome outcome = given(id, form);
		if (outcome.succeeded()) {
			return new ModelAndView("redirect:/sessions/" + id + "/feedback?saved=given");
		}
		return render(id, model, false, outcome);
	}

	@HxRequest
	@PostMapping(FEEDBACK)
	ModelAndView giveInPlace(@PathVariable long id, SessionFeedbackForm form, Model model) {
		return render(id, model, true, given(id, form));
	}

	private PageOutcome given(long id, SessionFeedbackForm form) {
		SessionFeedbackInput input = form.input();
		return PageOutcome.attempt("given", Map.of("draft", input), () -> {
			this.feedbacks.give(id, input);
			return null;
		});
	}

	@GetMapping("/sessions/feedback/summary")
	ModelAndView summary(@RequestParam(required = false) String mentor, Model model) {
		Long mentorId;
		try {
			mentorId = mentor == null || mentor.isBlank() ? null : Long.valueOf(mentor.strip());
		}
		catch (NumberFormatException ex) {
			mentorId = null;
		}
		// A manager chooses the mentor from those in scope; anyone else reads their own rating.
		boolean chooses = this.feedbacks.choosesMentor();
		model.addAttribute("mentors", this.feedbacks.mentorsToChoose());
		model.addAttribute("chosen", mentorId);
		if (mentorId == null && chooses) {
			model.addAttribute("summary", null);
			return new ModelAndView("session/notes/feedback-summary", model.asMap(), HttpStatus.OK);
		}
		try {
			model.addAttribute("summary", this.feedbacks.summary(mentorId));
			return new ModelAndView("session/notes/feedback-summary", model.asMap(), HttpStatus.OK);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("summary", null);
			model.addAttribute("problem", ex.getMessage());
			return new ModelAndView("session/notes/feedback-summary", model.asMap(), HttpStatus.BAD_REQUEST);
		}
	}

	/** The page or its section alone; a section always answers 200 (htmx swaps only successful answers). */
	private ModelAndView render(long id, Model model, boolean fragment, PageOutcome outcome) {
		model.addAttribute("f", this.feedbacks.section(id));
		if (outcome.succeeded()) {
			model.addAttribute("saved", outcome.done());
		}
		model.addAttribute("problem", outcome.problem());
		model.addAttribute("errors", outcome.errors());
		model.addAttribute("draft", new SessionFeedbackInput(null, "", "", "SHARED"));
		model.addAllAttributes(outcome.typed());
		return new ModelAndView(fragment ? VIEW + " :: section" : VIEW, model.asMap(),
				fragment ? HttpStatus.OK : outcome.status());
	}

}
