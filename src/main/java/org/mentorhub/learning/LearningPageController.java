package org.mentorhub.learning;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The learning pages: the catalogue {@code /learning} (search and category, and the drafts for
 * authors), a path {@code /learning/paths/{id}} (modules with complete and un-complete toggles, the
 * progress bar, the enrol button and, for a mentor, the recommendation form), my learning
 * {@code /learning/mine}, authoring ({@code /learning/paths/new}, {@code /learning/paths/{id}/edit}
 * with the modules editor) and the mentor's view {@code /learning/mentees}. Every form works without
 * JavaScript (post, then redirect; errors inline with 400, or the path page with 409); the
 * {@link HxRequest} twins of the toggles answer only the path's modules section, with 200.
 */
@Controller
class LearningPageController {

	static final int PAGE_SIZE = 20;

	private final LearningPaths learning;

	private final Tenancy tenancy;

	private final FormBinding binding;

	LearningPageController(LearningPaths learning, Tenancy tenancy, FormBinding binding) {
		this.learning = learning;
		this.tenancy = tenancy;
		this.binding = binding;
	}

	@GetMapping("/learning")
	String catalogue(CatalogueForm form, BindingResult problems, @RequestParam(required = false) String deleted,
			Model model) {
		this.binding.requireValid(problems);
		String q = form.q() == null ? "" : form.q();
		String category = form.category() == null ? "" : form.category();
		boolean author = this.learning.mayAuthor();
		model.addAttribute("paths", this.learning.catalogue(q, category, form.pageOrFirst(), PAGE_SIZE));
		model.addAttribute("drafts", author ? this.learning.drafts(0, LearningPaths.MAX_PAGE_SIZE) : null);
		model.addAttribute("categories", this.learning.categories());
		model.addAttribute("q", q);
		model.addAttribute("category", category);
		model.addAttribute("author", author);
		model.addAttribute("mentor", this.tenancy.hasRole("MENTOR"));
		model.addAttribute("deleted", deleted != null);
		return "learning/catalogue";
	}

	@GetMapping("/learning/mine")
	String mine(Model model) {
		model.addAttribute("progress", this.learning.mine());
		model.addAttribute("recommended", this.learning.recommendedToMe());
		return "learning/mine";
	}

	@GetMapping("/learning/mentees")
	String mentees(@RequestParam(required = false) String saved, Model model) {
		return menteesPage(model, saved != null, null, FieldErrors.none(), null);
	}

	@PostMapping("/learning/recommendations")
	ModelAndView recommend(RecommendForm form, BindingResult problems, Model model) {
		boolean fromPath = "path".equals(form.from()) && form.pathId() != null;
		try {
			this.binding.requireValid(problems);
			this.learning.recommend(form.pathId(), form.menteeId(), form.note());
			return new ModelAndView(fromPath ? "redirect:/learning/paths/" + form.pathId() + "?saved=recommended"
					: "redirect:/learning/mentees?saved=recommended");
		}
		catch (InvalidInputException ex) {
			if (fromPath) {
				model.addAttribute("recommendErrors", FieldErrors.of(ex));
				return path(form.pathId(), model, null, null, HttpStatus.BAD_REQUEST, form);
			}
			return new ModelAndView(menteesPage(model, false, null, FieldErrors.of(ex), form), model.asMap(),
					HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			if (fromPath) {
				return path(form.pathId(), model, null, ex.getMessage(), HttpStatus.CONFLICT, form);
			}
			return new ModelAndView(menteesPage(model, false, ex.getMessage(), FieldErrors.none(), form), model.asMap(),
					HttpStatus.CONFLICT);
		}
	}

	@GetMapping("/learning/paths/new")
	ModelAndView newPath(Model model) {
		this.learning.requireAuthoring();
		return pathForm(model, new PathForm("", "", "", null), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/learning/paths")
	ModelAndView create(PathForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			PathView created = this.learning.create(form.input());
			return new ModelAndView("redirect:/learning/paths/" + created.id() + "/edit?saved=created");
		}
		catch (InvalidInputException ex) {
			return pathForm(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/learning/paths/{id:\\d+}")
	ModelAndView view(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
		return path(id, model, saved, null, HttpStatus.OK, null);
	}

	@PostMapping("/learning/paths/{id:\\d+}/enrol")
	ModelAndView enrol(@PathVariable long id, Model model) {
		try {
			this.learning.enrol(id);
			return new ModelAndView("redirect:/learning/paths/" + id + "?saved=enrolled");
		}
		catch (StateTransitionException ex) {
			return path(id, model, null, ex.getMessage(), HttpStatus.CONFLICT, null);
		}
	}

	@PostMapping("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/complete")
	ModelAndView complete(@PathVariable long id, @PathVariable long moduleId, Model model) {
		return toggle(id, moduleId, true, model, false);
	}

	@HxRequest
	@PostMapping("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/complete")
	ModelAndView completeInPlace(@PathVariable long id, @PathVariable long moduleId, Model model) {
		return toggle(id, moduleId, true, model, true);
	}

	@PostMapping("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/uncomplete")
	ModelAndView uncomplete(@PathVariable long id, @PathVariable long moduleId, Model model) {
		return toggle(id, moduleId, false, model, false);
	}

	@HxRequest
	@PostMapping("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/uncomplete")
	ModelAndView uncompleteInPlace(@PathVariable long id, @PathVariable long moduleId, Model model) {
		return toggle(id, moduleId, false, model, true);
	}

	@GetMapping("/learning/paths/{id:\\d+}/edit")
	ModelAndView edit(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
		return editor(id, model, saved, null, HttpStatus.OK);
	}

	@PostMapping("/learning/paths/{id:\\d+}/edit")
	ModelAndView update(@PathVariable long id, PathForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.learning.update(id, form.input(), form.version());
			return new ModelAndView("redirect:/learning/paths/" + id + "/edit?saved=path");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("pathErrors", FieldErrors.of(ex));
			model.addAttribute("pathDraft", form);
			return editor(id, model, null, null, HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("pathDraft", form);
			return editor(id, model, null, "stale", HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/learning/paths/{id:\\d+}/publish")
	ModelAndView publish(@PathVariable long id, Model model) {
		try {
			this.learning.publish(id);
			return new ModelAndView("redirect:/learning/paths/" + id + "/edit?saved=published");
		}
		catch (StateTransitionException ex) {
			return editor(id, model, null, ex.getMessage(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/learning/paths/{id:\\d+}/unpublish")
	ModelAndView unpublish(@PathVariable long id) {
		this.learning.unpublish(id);
		return new ModelAndView("redirect:/learning/paths/" + id + "/edit?saved=unpublished");
	}

	@PostMapping("/learning/paths/{id:\\d+}/delete")
	ModelAndView delete(@PathVariable long id, Model model) {
		try {
			this.learning.delete(id);
			return new ModelAndView("redirect:/learning?deleted=true");
		}
		catch (StateTransitionException ex) {
			return editor(id, model, null, ex.getMessage(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/learning/paths/{id:\\d+}/modules")
	ModelAndView addModule(@PathVariable long id, ModuleForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.learning.addModule(id, form.input());
			return new ModelAndView("redirect:/learning/paths/" + id + "/edit?saved=module");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("moduleErrors", FieldErrors.of(ex));
			model.addAttribute("newModule", form);
			return editor(id, model, null, null, HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}")
	ModelAndView updateModule(@PathVariable long id, @PathVariable long moduleId, ModuleForm form,
			BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.learning.updateModule(id, moduleId, form.input());
			return new ModelAndView("redirect:/learning/paths/" + id + "/edit?saved=module");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("moduleErrors", FieldErrors.of(ex));
			model.addAttribute("editedModule", moduleId);
			model.addAttribute("editedDraft", form);
			return editor(id, model, null, null, HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/move")
	ModelAndView moveModule(@PathVariable long id, @PathVariable long moduleId, MoveForm form, Model model) {
		try {
			this.learning.moveModule(id, moduleId, form.direction());
			return new ModelAndView("redirect:/learning/paths/" + id + "/edit#module-" + moduleId);
		}
		catch (InvalidInputException ex) {
			return editor(id, model, null, ex.getMessage(), HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/delete")
	ModelAndView removeModule(@PathVariable long id, @PathVariable long moduleId) {
		this.learning.removeModule(id, moduleId);
		return new ModelAndView("redirect:/learning/paths/" + id + "/edit?saved=removed");
	}

	private ModelAndView toggle(long id, long moduleId, boolean done, Model model, boolean fragment) {
		try {
			if (done) {
				this.learning.complete(id, moduleId);
			}
			else {
				this.learning.uncomplete(id, moduleId);
			}
			if (!fragment) {
				return new ModelAndView("redirect:/learning/paths/" + id + "#module-" + moduleId);
			}
			model.addAttribute("details", this.learning.get(id));
			model.addAttribute("problem", null);
			return new ModelAndView("learning/path :: modules", model.asMap(), HttpStatus.OK);
		}
		catch (StateTransitionException ex) {
			return path(id, model, null, ex.getMessage(), HttpStatus.CONFLICT, null);
		}
	}

	private ModelAndView path(long id, Model model, String saved, String problem, HttpStatus status,
			RecommendForm typed) {
		PathDetails details = this.learning.get(id);
		model.addAttribute("details", details);
		model.addAttribute("saved", saved == null ? null
				: List.of("enrolled", "recommended").contains(saved) ? saved : null);
		model.addAttribute("problem", problem);
		boolean mentor = this.tenancy.hasRole("MENTOR") && details.path().published();
		model.addAttribute("mentees", mentor ? this.learning.menteeChoices() : List.of());
		model.addAttribute("recommendDraft", typed == null ? new RecommendForm(id, null, "", "path") : typed);
		if (!model.containsAttribute("recommendErrors")) {
			model.addAttribute("recommendErrors", FieldErrors.none());
		}
		model.addAttribute("maxNote", LearningPaths.MAX_NOTE);
		return new ModelAndView("learning/path", model.asMap(), status);
	}

	private ModelAndView editor(long id, Model model, String saved, String problem, HttpStatus status) {
		this.learning.requireAuthoring(id);
		PathDetails details = this.learning.get(id);
		PathView path = details.path();
		model.addAttribute("details", details);
		model.addAttribute("path", path);
		model.addAttribute("saved", saved == null ? null
				: List.of("created", "path", "published", "unpublished", "module", "removed").contains(saved) ? saved
						: null);
		model.addAttribute("problem", problem);
		if (!model.containsAttribute("pathErrors")) {
			model.addAttribute("pathErrors", FieldErrors.none());
		}
		if (!model.containsAttribute("pathDraft")) {
			model.addAttribute("pathDraft", new PathForm(path.title(), path.category(), path.description(), path.version()));
		}
		if (!model.containsAttribute("moduleErrors")) {
			model.addAttribute("moduleErrors", FieldErrors.none());
		}
		if (!model.containsAttribute("newModule")) {
			model.addAttribute("newModule", ModuleForm.EMPTY);
		}
		if (!model.containsAttribute("editedModule")) {
			model.addAttribute("editedModule", -1L);
			model.addAttribute("editedDraft", null);
		}
		model.addAttribute("kinds", ModuleKind.values());
		model.addAttribute("libraryResources", this.learning.libraryChoices());
		model.addAttribute("noErrors", FieldErrors.none());
		model.addAttribute("moduleForms", details.modules().stream()
			.collect(java.util.stream.Collectors.toMap(ModuleView::id, ModuleForm::of)));
		limits(model);
		return new ModelAndView("learning/edit", model.asMap(), status);
	}

	private ModelAndView pathForm(Model model, PathForm form, FieldErrors errors, HttpStatus status) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		limits(model);
		return new ModelAndView("learning/new", model.asMap(), status);
	}

	private String menteesPage(Model model, boolean saved, String problem, FieldErrors errors, RecommendForm typed) {
		model.addAttribute("mentees", this.learning.mentees());
		model.addAttribute("paths", this.learning.pathChoices());
		model.addAttribute("saved", saved);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", typed == null ? new RecommendForm(null, null, "", "mentees") : typed);
		model.addAttribute("maxNote", LearningPaths.MAX_NOTE);
		return "learning/mentees";
	}

	private static void limits(Model model) {
		model.addAttribute("maxTitle", LearningPaths.MAX_TITLE);
		model.addAttribute("maxCategory", LearningPaths.MAX_CATEGORY);
		model.addAttribute("maxDescription", LearningPaths.MAX_DESCRIPTION);
		model.addAttribute("maxContent", LearningPaths.MAX_CONTENT);
		model.addAttribute("maxUrl", LearningPaths.MAX_URL);
		model.addAttribute("maxMinutes", LearningPaths.MAX_MINUTES);
	}

}
