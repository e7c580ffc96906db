package org.mentorhub.session;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.FormBinding;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The notes of a session: a page at {@code /sessions/{id}/notes}, and beside each handler its
 * {@link HxRequest} twin that answers only the section (the session page loads it in place). Forms
 * bind to {@link SessionNoteForm} and work without JavaScript (post, then redirect); errors show
 * inline with 400 (bad input) or 409 (stale edit). For htmx the section comes back with 200 and the
 * error inline, since htmx does not swap error answers.
 */
@Controller
class SessionNotePageController {

	static final String VIEW = "session/notes/notes";

	static final String NOTES = "/sessions/{id:\\d+}/notes";

	static final String NOTE = NOTES + "/{noteId:\\d+}";

	private final SessionNotes notes;

	private final SessionParticipants participants;

	private final FormBinding binding;

	SessionNotePageController(SessionNotes notes, SessionParticipants participants, FormBinding binding) {
		this.notes = notes;
		this.participants = participants;
		this.binding = binding;
	}

	@GetMapping(NOTES)
	ModelAndView notes(@PathVariable long id, Model model) {
		return render(id, model, false, PageOutcome.NONE);
	}

	@HxRequest
	@GetMapping(NOTES)
	ModelAndView notesSection(@PathVariable long id, Model model) {
		return render(id, model, true, PageOutcome.NONE);
	}

	@PostMapping(NOTES)
	ModelAndView create(@PathVariable long id, SessionNoteForm form, BindingResult problems, Model model) {
		return page(id, model, created(id, form, problems));
	}

	@HxRequest
	@PostMapping(NOTES)
	ModelAndView createInPlace(@PathVariable long id, SessionNoteForm form, BindingResult problems, Model model) {
		return render(id, model, true, created(id, form, problems));
	}

	@PostMapping(NOTE)
	ModelAndView update(@PathVariable long id, @PathVariable long noteId, SessionNoteForm form, BindingResult problems,
			Model model) {
		return page(id, model, updated(id, noteId, form, problems));
	}

	@HxRequest
	@PostMapping(NOTE)
	ModelAndView updateInPlace(@PathVariable long id, @PathVariable long noteId, SessionNoteForm form,
			BindingResult problems, Model model) {
		return render(id, model, true, updated(id, noteId, form, problems));
	}

	@PostMapping(NOTE + "/delete")
	ModelAndView delete(@PathVariable long id, @PathVariable long noteId, SessionNoteForm form, BindingResult problems,
			Model model) {
		return page(id, model, deleted(id, noteId, form, problems));
	}

	@HxRequest
	@PostMapping(NOTE + "/delete")
	ModelAndView deleteInPlace(@PathVariable long id, @PathVariable long noteId, SessionNoteForm form,
			BindingResult problems, Model model) {
		return render(id, model, true, deleted(id, noteId, form, problems));
	}

	private PageOutcome created(long id, SessionNoteForm form, BindingResult problems) {
		return PageOutcome.attempt("created", Map.of("draft", form.text(), "draftPrivate", form.isPrivate()), () -> {
			this.binding.requireValid(problems);
			return this.notes.create(id, form.content(), form.isPrivate());
		});
	}

	private PageOutcome updated(long id, long noteId, SessionNoteForm form, BindingResult problems) {
		return PageOutcome.attempt("updated", Map.of("editing", noteId, "editDraft", form.text()), () -> {
			this.binding.requireValid(problems);
			return this.notes.update(id, noteId, form.content(), form.version());
		});
	}

	private PageOutcome deleted(long id, long noteId, SessionNoteForm form, BindingResult problems) {
		return PageOutcome.attempt("deleted", Map.of(), () -> {
			this.binding.requireValid(problems);
			this.notes.delete(id, noteId, form.version());
			return null;
		});
	}

	/** The plain page's answer: a redirect when done, else the page again with the problem and its status. */
	private ModelAndView page(long id, Model model, PageOutcome outcome) {
		if (outcome.succeeded()) {
			return new ModelAndView("redirect:/sessions/" + id + "/notes?saved=" + outcome.done());
		}
		return render(id, model, false, outcome);
	}

	/** The page or its section alone; a section always answers 200 (htmx swaps only successful answers). */
	private ModelAndView render(long id, Model model, boolean fragment, PageOutcome outcome) {
		SessionParticipants.Session session = this.participants.asParticipant(id);
		model.addAttribute("sessionId", id);
		model.addAttribute("sessionTitle", session.title());
		model.addAttribute("notes", this.notes.list(id));
		if (outcome.succeeded()) {
			model.addAttribute("saved", outcome.done());
		}
		model.addAttribute("problem", outcome.problem());
		model.addAttribute("errors", outcome.errors());
		model.addAttribute("maxLength", SessionNotes.MAX_LENGTH);
		model.addAttribute("draft", "");
		model.addAttribute("draftPrivate", false);
		model.addAttribute("editing", -1L);
		model.addAttribute("editDraft", "");
		model.addAllAttributes(outcome.typed());
		return new ModelAndView(fragment ? VIEW + " :: section" : VIEW, model.asMap(),
				fragment ? HttpStatus.OK : outcome.status());
	}

}
