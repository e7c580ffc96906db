package org.mentorhub.session;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The action items of a session ({@code /sessions/{id}/action-items}, also as a section alone for
 * htmx or {@code ?fragment=true}) and the caller's own list ({@code /action-items}) with overdue
 * items highlighted. Same error handling as the notes section.
 */
@Controller
class ActionItemPageController {

	static final String VIEW = "session/notes/action-items";

	private final ActionItems items;

	private final SessionParticipants participants;

	ActionItemPageController(ActionItems items, SessionParticipants participants) {
		this.items = items;
		this.participants = participants;
	}

	@GetMapping("/action-items")
	ModelAndView mine(@RequestParam(defaultValue = "false") boolean fragment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("items", this.items.mine());
		String view = "session/notes/my-action-items";
		return new ModelAndView(fragment || htmx != null ? view + " :: section" : view, model.asMap(), HttpStatus.OK);
	}

	@GetMapping("/sessions/{id:\\d+}/action-items")
	ModelAndView list(@PathVariable long id, @RequestParam(defaultValue = "false") boolean fragment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		return render(id, model, fragment || htmx != null, null, FieldErrors.none(), HttpStatus.OK, Map.of());
	}

	@PostMapping("/sessions/{id:\\d+}/action-items")
	ModelAndView create(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String assigneeId,
			@RequestParam(required = false) String dueDate, @RequestParam(required = false) String status,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Map<String, Object> draft = new HashMap<>();
		draft.put("draft", new Draft(title, description, assigneeId, dueDate, status));
		return act(id, model, htmx != null, "created", draft,
				() -> this.items.create(id, new ActionItemInput(title, description, parseId(assigneeId), dueDate, status)));
	}

	@PostMapping("/sessions/{id:\\d+}/action-items/{itemId:\\d+}")
	ModelAndView update(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String assigneeId,
			@RequestParam(required = false) String dueDate, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		return act(id, model, htmx != null, "updated", Map.of("editing", itemId), () -> this.items.update(id, itemId,
				new ActionItemInput(title, description, parseId(assigneeId), dueDate, status), version));
	}

	@PostMapping("/sessions/{id:\\d+}/action-items/{itemId:\\d+}/delete")
	ModelAndView delete(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) Long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		return act(id, model, htmx != null, "deleted", Map.of(), () -> {
			this.items.delete(id, itemId, version);
			return null;
		});
	}

	/** The new-item form as typed. */
	record Draft(String title, String description, String assigneeId, String dueDate, String status) {

		static final Draft EMPTY = new Draft("", "", "", "", "PENDING");

	}

	private ModelAndView act(long id, Model model, boolean htmx, String done, Map<String, ?> draft, Supplier<?> action) {
		try {
			action.get();
		}
		catch (InvalidInputException ex) {
			return render(id, model, htmx, ex.getMessage(), FieldErrors.of(ex), htmx ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
					draft);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, htmx, "stale", FieldErrors.none(), htmx ? HttpStatus.OK : HttpStatus.CONFLICT, draft);
		}
		if (htmx) {
			model.addAttribute("saved", done);
			return render(id, model, true, null, FieldErrors.none(), HttpStatus.OK, Map.of());
		}
		return new ModelAndView("redirect:/sessions/" + id + "/action-items?saved=" + done);
	}

	private ModelAndView render(long id, Model model, boolean fragment, String problem, FieldErrors errors,
			HttpStatus status, Map<String, ?> draft) {
		SessionParticipants.Session session = this.participants.asParticipant(id);
		model.addAttribute("sessionId", id);
		model.addAttribute("sessionTitle", session.title());
		model.addAttribute("mentorId", session.mentorId());
		model.addAttribute("mentorName", session.mentorName());
		model.addAttribute("menteeId", session.menteeId());
		model.addAttribute("menteeName", session.menteeName());
		model.addAttribute("items", this.items.forSession(id));
		model.addAttribute("statuses", ActionItemStatus.values());
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", Draft.EMPTY);
		model.addAttribute("editing", -1L);
		model.addAllAttributes(draft);
		return new ModelAndView(fragment ? VIEW + " :: section" : VIEW, model.asMap(), status);
	}

	static Long parseId(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("assigneeId", "Assign it to the mentor or the mentee of this session.");
		}
	}

}
