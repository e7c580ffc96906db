package org.mentorhub.session;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The action items of a session ({@code /sessions/{id}/action-items}; beside each handler its
 * {@link HxRequest} twin answers only the section) and the caller's own list ({@code /action-items})
 * with overdue items highlighted. Forms bind to {@link ActionItemForm}. Same error handling as the
 * notes section.
 */
@Controller
class ActionItemPageController {

	static final String VIEW = "session/notes/action-items";

	static final String MINE = "session/notes/my-action-items";

	static final String ITEMS = "/sessions/{id:\\d+}/action-items";

	static final String ITEM = ITEMS + "/{itemId:\\d+}";

	private final ActionItems items;

	private final SessionParticipants participants;

	private final FormBinding binding;

	ActionItemPageController(ActionItems items, SessionParticipants participants, FormBinding binding) {
		this.items = items;
		this.participants = participants;
		this.binding = binding;
	}

	@GetMapping("/action-items")
	ModelAndView mine(Model model) {
		model.addAttribute("items", this.items.mine());
		return new ModelAndView(MINE, model.asMap(), HttpStatus.OK);
	}

	@HxRequest
	@GetMapping("/action-items")
	ModelAndView mineSection(Model model) {
		model.addAttribute("items", this.items.mine());
		return new ModelAndView(MINE + " :: section", model.asMap(), HttpStatus.OK);
	}

	@GetMapping(ITEMS)
	ModelAndView list(@PathVariable long id, Model model) {
		return render(id, model, false, PageOutcome.NONE);
	}

	@HxRequest
	@GetMapping(ITEMS)
	ModelAndView listSection(@PathVariable long id, Model model) {
		return render(id, model, true, PageOutcome.NONE);
	}

	@PostMapping(ITEMS)
	ModelAndView create(@PathVariable long id, ActionItemForm form, BindingResult problems, Model model) {
		return page(id, model, created(id, form, problems));
	}

	@HxRequest
	@PostMapping(ITEMS)
	ModelAndView createInPlace(@PathVariable long id, ActionItemForm form, BindingResult problems, Model model) {
		return render(id, model, true, created(id, form, problems));
	}

	@PostMapping(ITEM)
	ModelAndView update(@PathVariable long id, @PathVariable long itemId, ActionItemForm form, BindingResult problems,
			Model model) {
		return page(id, model, updated(id, itemId, form, problems));
	}

	@HxRequest
	@PostMapping(ITEM)
	ModelAndView updateInPlace(@PathVariable long id, @PathVariable long itemId, ActionItemForm form,
			BindingResult problems, Model model) {
		return render(id, model, true, updated(id, itemId, form, problems));
	}

	@PostMapping(ITEM + "/delete")
	ModelAndView delete(@PathVariable long id, @PathVariable long itemId, ActionItemForm form, BindingResult problems,
			Model model) {
		return page(id, model, deleted(id, itemId, form, problems));
	}

	@HxRequest
	@PostMapping(ITEM + "/delete")
	ModelAndView deleteInPlace(@PathVariable long id, @PathVariable long itemId, ActionItemForm form,
			BindingResult problems, Model model) {
		return render(id, model, true, deleted(id, itemId, form, problems));
	}

	private PageOutcome created(long id, ActionItemForm form, BindingResult problems) {
		return PageOutcome.attempt("created", Map.of("draft", form), () -> {
			this.binding.requireValid(problems);
			return this.items.create(id, form.input(parseId(form.assigneeId())));
		});
	}

	private PageOutcome updated(long id, long itemId, ActionItemForm form, BindingResult problems) {
		return PageOutcome.attempt("updated", Map.of("editing", itemId), () -> {
			this.binding.requireValid(problems);
			return this.items.update(id, itemId, form.input(parseId(form.assigneeId())), form.version());
		});
	}

	private PageOutcome deleted(long id, long itemId, ActionItemForm form, BindingResult problems) {
		return PageOutcome.attempt("deleted", Map.of(), () -> {
			this.binding.requireValid(problems);
			this.items.delete(id, itemId, form.version());
			return null;
		});
	}

	/** The plain page's answer: a redirect when done, else the page again with the problem and its status. */
	private ModelAndView page(long id, Model model, PageOutcome outcome) {
		if (outcome.succeeded()) {
			return new ModelAndView("redirect:/sessions/" + id + "/action-items?saved=" + outcome.done());
		}
		return render(id, model, false, outcome);
	}

	/** The page or its section alone; a section always answers 200 (htmx swaps only successful answers). */
	private ModelAndView render(long id, Model model, boolean fragment, PageOutcome outcome) {
		SessionParticipants.Session session = this.participants.asParticipant(id);
		model.addAttribute("sessionId", id);
		model.addAttribute("sessionTitle", session.title());
		model.addAttribute("mentorId", session.mentorId());
		model.addAttribute("mentorName", session.mentorName());
		model.addAttribute("menteeId", session.menteeId());
		model.addAttribute("menteeName", session.menteeName());
		model.addAttribute("items", this.items.forSession(id));
		model.addAttribute("statuses", ActionItemStatus.values());
		if (outcome.succeeded()) {
			model.addAttribute("saved", outcome.done());
		}
		model.addAttribute("problem", outcome.problem());
		model.addAttribute("errors", outcome.errors());
		model.addAttribute("draft", ActionItemForm.EMPTY);
		model.addAttribute("editing", -1L);
		model.addAllAttributes(outcome.typed());
		return new ModelAndView(fragment ? VIEW + " :: section" : VIEW, model.asMap(),
				fragment ? HttpStatus.OK : outcome.status());
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
