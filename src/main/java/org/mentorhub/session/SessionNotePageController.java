package org.mentorhub.session;

import java.util.Map;
import java.util.function.Supplier;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
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
 * The notes of a session: a page at {@code /sessions/{id}/notes}, and the same section alone for
 * htmx ({@code HX-Request}) or inclusion in the session page ({@code ?fragment=true}). Forms work
 * without JavaScript (post, then redirect); errors show inline with 400 (bad input) or 409 (stale
 * edit). For htmx the section comes back with 200 and the error inline, since htmx does not swap
 * error answers.
 */
@Controller
class SessionNotePageController {

	static final String VIEW = "session/notes/notes";

	private final SessionNotes notes;

	private final SessionParticipants participants;

	SessionNotePageController(SessionNotes notes, SessionParticipants participants) {
		this.notes = notes;
		this.participants = participants;
	}

	@GetMapping("/sessions/{id:\\d+}/notes")
	ModelAndView notes(@PathVariable long id, @RequestParam(defaultValue = "false") boolean fragment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		return render(id, model, fragment || htmx != null, null, FieldErrors.none(), HttpStatus.OK, Map.of());
	}

	@PostMapping("/sessions/{id:\\d+}/notes")
	ModelAndView create(@PathVariable long id, @RequestParam(required = false) String content,
			@RequestParam(name = "private", required = false) String privateNote,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		boolean isPrivate = "true".equals(privateNote) || "on".equals(privateNote);
		return act(id, model, htmx != null, "created", Map.of("draft", content == null ? "" : content, "draftPrivate", isPrivate),
				() -> this.notes.create(id, content, isPrivate));
	}

	@PostMapping("/sessions/{id:\\d+}/notes/{noteId:\\d+}")
	ModelAndView update(@PathVariable long id, @PathVariable long noteId, @RequestParam(required = false) String content,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		return act(id, model, htmx != null, "updated", Map.of("editing", noteId, "editDraft", content == null ? "" : content),
				() -> this.notes.update(id, noteId, content, version));
	}

	@PostMapping("/sessions/{id:\\d+}/notes/{noteId:\\d+}/delete")
	ModelAndView delete(@PathVariable long id, @PathVariable long noteId, @RequestParam(required = false) Long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		return act(id, model, htmx != null, "deleted", Map.of(), () -> {
			this.notes.delete(id, noteId, version);
			return null;
		});
	}

	private ModelAndView act(long id, Model model, boolean htmx, String done, Map<String, ?> draft, Supplier<?> action) {
		try {
			action.get();
		}
		catch (InvalidInputException ex) {
			return render(id, model, htmx, ex.getMessage(), FieldErrors.of(ex), htmx ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
					draft);
		}
		catch (StateTransitionException ex) {
			return render(id, model, htmx, ex.getMessage(), FieldErrors.none(), htmx ? HttpStatus.OK : HttpStatus.CONFLICT,
					draft);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, htmx, "stale", FieldErrors.none(), htmx ? HttpStatus.OK : HttpStatus.CONFLICT, draft);
		}
		if (htmx) {
			model.addAttribute("saved", done);
			return render(id, model, true, null, FieldErrors.none(), HttpStatus.OK, Map.of());
		}
		return new ModelAndView("redirect:/sessions/" + id + "/notes?saved=" + done);
	}

	private ModelAndView render(long id, Model model, boolean fragment, String problem, FieldErrors errors,
			HttpStatus status, Map<String, ?> draft) {
		SessionParticipants.Session session = this.participants.asParticipant(id);
		model.addAttribute("sessionId", id);
		model.addAttribute("sessionTitle", session.title());
		model.addAttribute("notes", this.notes.list(id));
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("maxLength", SessionNotes.MAX_LENGTH);
		model.addAttribute("draft", "");
		model.addAttribute("draftPrivate", false);
		model.addAttribute("editing", -1L);
		model.addAttribute("editDraft", "");
		model.addAllAttributes(draft);
		return new ModelAndView(fragment ? VIEW + " :: section" : VIEW, model.asMap(), status);
	}

}
