package org.mentorhub.resource;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.core.io.InputStreamResource;

/**
 * The library pages: {@code /resources} (search, filters, cards, newest or most discussed first,
 * paged; the {@link HxRequest} twin answers only the results), {@code /resources/new} (a link or an
 * uploaded file), {@code /resources/{id}} (the content inline where it is safe, the comments and their
 * forms) and {@code /resources/{id}/file} (the file itself, for the page's frame or player). Every
 * form posts and redirects, with errors inline (400, or 409 for a state that does not allow it).
 */
@Controller
class ResourcePageController {

	static final int PAGE_SIZE = 12;

	private final Resources resources;

	private final FormBinding binding;

	ResourcePageController(Resources resources, FormBinding binding) {
		this.resources = resources;
		this.binding = binding;
	}

	@GetMapping("/resources")
	String library(LibraryForm form, BindingResult problems, @RequestParam(required = false) String saved, Model model) {
		libraryModel(form, problems, model);
		model.addAttribute("saved", "deleted".equals(saved) ? saved : null);
		return "resource/list";
	}

	@HxRequest
	@GetMapping("/resources")
	String libraryResults(LibraryForm form, BindingResult problems, Model model) {
		libraryModel(form, problems, model);
		return "resource/list :: results";
	}

	private void libraryModel(LibraryForm form, BindingResult problems, Model model) {
		this.binding.requireValid(problems);
		model.addAttribute("library", this.resources.list(form.filter(), form.pageOrFirst(), PAGE_SIZE));
		model.addAttribute("form", form);
		model.addAttribute("types", ResourceType.values());
		model.addAttribute("mayAdd", this.resources.mayAdd());
	}

	@GetMapping("/resources/new")
	ModelAndView newResource(Model model) {
		return form(model, ResourceForm.EMPTY, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/resources")
	ModelAndView create(ResourceForm form, BindingResult problems,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		try {
			this.binding.requireValid(problems);
			Resources.UploadedFile upload = file == null || file.isEmpty() ? null
					: new Resources.UploadedFile(file.getOriginalFilename(), file.getInputStream());
			ResourceView created = this.resources.create(form.input(), upload);
			return new ModelAndView("redirect:/resources/" + created.id() + "?saved=created");
		}
		catch (InvalidInputException ex) {
			return form(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/resources/{id:\\d+}/edit")
	ModelAndView edit(@PathVariable long id, Model model) {
		ResourceDetails details = this.resources.get(id);
		ResourceView r = details.resource();
		if (!details.mayManage()) {
			throw new org.springframework.security.access.AccessDeniedException("You may not change this resource.");
		}
		ResourceForm form = new ResourceForm(r.title(), r.description(), r.type().name(), r.category(),
				String.join(", ", r.tags()), r.url(), r.published());
		return editForm(model, r, form, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/resources/{id:\\d+}/edit")
	ModelAndView update(@PathVariable long id, ResourceForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.resources.update(id, form.input());
			return new ModelAndView("redirect:/resources/" + id + "?saved=updated");
		}
		catch (InvalidInputException ex) {
			return editForm(model, this.resources.get(id).resource(), form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/resources/{id:\\d+}/delete")
	String delete(@PathVariable long id) {
		this.resources.delete(id);
		return "redirect:/resources?saved=deleted";
	}

	@GetMapping("/resources/{id:\\d+}")
	ModelAndView view(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
		model.addAttribute("saved", saved == null ? null : saved.replaceAll("[^a-z]", ""));
		return render(id, model, null, FieldErrors.none(), HttpStatus.OK);
	}

	@GetMapping("/resources/{id:\\d+}/file")
	ResponseEntity<InputStreamResource> file(@PathVariable long id) {
		return ResourceFiles.inline(this.resources.openFile(id));
	}

	@PostMapping("/resources/{id:\\d+}/publish")
	ModelAndView publish(@PathVariable long id, Model model) {
		try {
			this.resources.publish(id);
			return new ModelAndView("redirect:/resources/" + id + "?saved=published");
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/resources/{id:\\d+}/unpublish")
	ModelAndView unpublish(@PathVariable long id, Model model) {
		try {
			this.resources.unpublish(id);
			return new ModelAndView("redirect:/resources/" + id + "?saved=unpublished");
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/resources/{id:\\d+}/comments")
	ModelAndView comment(@PathVariable long id, CommentForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			CommentView comment = this.resources.comment(id, form.content());
			return new ModelAndView("redirect:/resources/" + id + "?saved=commented#comment-" + comment.id());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("draft", form.content());
			return render(id, model, null, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/resources/comments/{commentId:\\d+}/edit")
	ModelAndView editComment(@PathVariable long commentId, CommentForm form, BindingResult problems, Model model) {
		this.binding.requireValid(problems);
		CommentView before = this.resources.commentOf(commentId);
		try {
			this.resources.editComment(commentId, form.content());
			return new ModelAndView("redirect:/resources/" + before.resourceId() + "?saved=edited#comment-" + commentId);
		}
		catch (InvalidInputException ex) {
			return render(before.resourceId(), model, ex.getMessage(), FieldErrors.none(), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return render(before.resourceId(), model, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/resources/comments/{commentId:\\d+}/delete")
	String deleteComment(@PathVariable long commentId) {
		long resourceId = this.resources.deleteComment(commentId);
		return "redirect:/resources/" + resourceId + "?saved=deleted#comments";
	}

	@PostMapping("/resources/comments/{commentId:\\d+}/remove")
	ModelAndView removeComment(@PathVariable long commentId, Model model) {
		CommentView before = this.resources.commentOf(commentId);
		try {
			this.resources.removeComment(commentId);
			return new ModelAndView("redirect:/resources/" + before.resourceId() + "?saved=removed#comment-" + commentId);
		}
		catch (StateTransitionException ex) {
			return render(before.resourceId(), model, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/resources/comments/{commentId:\\d+}/report")
	ModelAndView reportComment(@PathVariable long commentId, CommentForm form, BindingResult problems, Model model) {
		this.binding.requireValid(problems);
		CommentView before = this.resources.commentOf(commentId);
		try {
			this.resources.reportComment(commentId, form.reason());
			return new ModelAndView("redirect:/resources/" + before.resourceId() + "?saved=reported#comment-" + commentId);
		}
		catch (InvalidInputException ex) {
			return render(before.resourceId(), model, ex.getMessage(), FieldErrors.none(), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return render(before.resourceId(), model, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/resources/{id:\\d+}/share")
	ModelAndView share(@PathVariable long id, CommentForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.resources.share(id, form.menteeId(), form.note());
			return new ModelAndView("redirect:/resources/" + id + "?saved=shared");
		}
		catch (InvalidInputException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	@GetMapping("/resources/settings")
	String settings(Model model) {
		model.addAttribute("mentorsMayAdd", this.resources.mentorsMayAdd());
		model.addAttribute("mayChange", this.resources.mayChangeSettings());
		return "resource/settings";
	}

	@PostMapping("/resources/settings")
	String saveSettings(@RequestParam(name = "mentorsMayAdd", defaultValue = "false") boolean mentorsMayAdd) {
		this.resources.setMentorsMayAdd(mentorsMayAdd);
		return "redirect:/resources/settings?saved=true";
	}

	private ModelAndView render(long id, Model model, String problem, FieldErrors errors, HttpStatus status) {
		ResourceDetails details = this.resources.get(id);
		model.addAttribute("details", details);
		model.addAttribute("r", details.resource());
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("mentees", details.mayShare() ? this.resources.shareChoices() : java.util.Map.of());
		model.addAttribute("maxComment", Resources.MAX_COMMENT);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", "");
		}
		if (!model.containsAttribute("saved")) {
			model.addAttribute("saved", null);
		}
		return new ModelAndView("resource/view", model.asMap(), status);
	}

	private ModelAndView editForm(Model model, ResourceView resource, ResourceForm form, FieldErrors errors,
			HttpStatus status) {
		return formPage(model, resource.id(), resource.url() != null, form, errors, status);
	}

	private ModelAndView form(Model model, ResourceForm form, FieldErrors errors, HttpStatus status) {
		if (!this.resources.mayAdd()) {
			throw new org.springframework.security.access.AccessDeniedException("You may not add resources.");
		}
		return formPage(model, null, false, form, errors, status);
	}

	/** The resource form: a new resource ({@code editing} null), or the changes to one. */
	private static ModelAndView formPage(Model model, Long editing, boolean editingLink, ResourceForm form,
			FieldErrors errors, HttpStatus status) {
		model.addAttribute("editing", editing);
		model.addAttribute("editingLink", editingLink);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", ResourceType.values());
		model.addAttribute("maxTitle", Resources.MAX_TITLE);
		model.addAttribute("maxDescription", Resources.MAX_DESCRIPTION);
		return new ModelAndView("resource/new", model.asMap(), status);
	}

}
