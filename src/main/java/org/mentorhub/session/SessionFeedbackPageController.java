package org.mentorhub.session;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The feedback of a session ({@code /sessions/{id}/feedback}, also as a section alone) and a
 * mentor's rating summary ({@code /sessions/feedback/summary?mentor=ID}).
 */
@Controller
class SessionFeedbackPageController {

	static final String VIEW = "session/notes/feedback";

	private final SessionFeedbacks feedbacks;

	SessionFeedbackPageController(SessionFeedbacks feedbacks) {
		this.feedbacks = feedbacks;
	}

	@GetMapping("/sessions/{id:\\d+}/feedback")
	ModelAndView section(@PathVariable long id, @RequestParam(defaultValue = "false") boolean fragment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		return render(id, model, fragment || htmx != null, null, FieldErrors.none(), HttpStatus.OK, null);
	}

	@PostMapping("/sessions/{id:\\d+}/feedback")
	ModelAndView give(@PathVariable long id, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comments, @RequestParam(required = false) String type,
			@RequestParam(required = false) String visibility,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		boolean fragment = htmx != null;
		SessionFeedbackInput input = new SessionFeedbackInput(parseRating(rating), comments, type, visibility);
		try {
			this.feedbacks.give(id, input);
		}
		catch (InvalidInputException ex) {
			return render(id, model, fragment, ex.getMessage(), FieldErrors.of(ex),
					fragment ? HttpStatus.OK : HttpStatus.BAD_REQUEST, input);
		}
		catch (StateTransitionException ex) {
			return render(id, model, fragment, ex.getMessage(), FieldErrors.none(),
					fragment ? HttpStatus.OK : HttpStatus.CONFLICT, input);
		}
		if (fragment) {
			model.addAttribute("saved", "given");
			return render(id, model, true, null, FieldErrors.none(), HttpStatus.OK, null);
		}
		return new ModelAndView("redirect:/sessions/" + id + "/feedback?saved=given");
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

	private ModelAndView render(long id, Model model, boolean fragment, String problem, FieldErrors errors,
			HttpStatus status, SessionFeedbackInput draft) {
		model.addAttribute("f", this.feedbacks.section(id));
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", draft == null ? new SessionFeedbackInput(null, "", "", "SHARED") : draft);
		return new ModelAndView(fragment ? VIEW + " :: section" : VIEW, model.asMap(), status);
	}

	private static Integer parseRating(String rating) {
		if (rating == null || rating.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(rating.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
