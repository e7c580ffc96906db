package org.mentorhub.goal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.attachment.AttachmentFiles;
import org.mentorhub.attachment.AttachmentSection;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.RateLimiter;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * The goal pages: {@code /goals} (my goals, my mentees' goals for a mentor, and the department's or
 * institution's for a coordinator or administrator, filtered), {@code /goals/new} (with the mentee
 * chooser), {@code /goals/{id}} (the history as a timeline and a chart, and the update form) and the
 * pair's open goals at {@code /goals/pair/{mentorshipId}}, which the session page loads in place. Every
 * form works without JavaScript (post, then redirect; errors inline with 400, or 409 for a stale
 * update); the {@link HxRequest} twins answer only their section, with 200, since htmx swaps only
 * successful answers.
 */
@Controller
class GoalPageController {

	static final int PAGE_SIZE = 25;

	static final int SECTION_SIZE = 100;

	private static final DateTimeFormatter CHART_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final Goals goals;

	private final Tenancy tenancy;

	private final FormBinding binding;

	private final JsonMapper json;

	private final Clock clock;

	private final AttachmentFiles files;

	private final RateLimiter rateLimiter;

	GoalPageController(Goals goals, Tenancy tenancy, FormBinding binding, JsonMapper json,
			Clock clock, AttachmentFiles files, RateLimiter rateLimiter) {
		this.files = files;
		this.rateLimiter = rateLimiter;
		this.goals = goals;
		this.tenancy = tenancy;
		this.binding = binding;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/goals")
	String list(GoalFilterForm filter, BindingResult problems, @RequestParam(required = false) String deleted,
			Model model) {
		this.binding.requireValid(problems);
		model.addAttribute("deleted", deleted != null);
		boolean mentor = this.tenancy.hasRole("MENTOR");
		boolean manager = this.tenancy.hasRole("ADMIN") || this.tenancy.hasRole("COORDINATOR");
		model.addAttribute("mine", this.goals.list(new Goals.Filter("mine", null, null, null), 0, SECTION_SIZE));
		model.addAttribute("mentees",
				mentor ? this.goals.list(new Goals.Filter("mentees", null, null, null), 0, SECTION_SIZE) : null);
		model.addAttribute("managed", manager ? this.goals.list(
				new Goals.Filter("managed", null, filter.status(), filter.category()), filter.pageOrFirst(), PAGE_SIZE)
				: null);
		model.addAttribute("keepsGoals", this.tenancy.hasRole("MENTEE") || this.tenancy.hasRole("NEW_MOTHER"));
		model.addAttribute("status", filter.status() == null ? "" : filter.status());
		model.addAttribute("category", filter.category() == null ? "" : filter.category());
		model.addAttribute("statuses", GoalStatus.values());
		model.addAttribute("categories", GoalCategory.values());
		model.addAttribute("today", today());
		return "goal/list";
	}

	@GetMapping("/goals/new")
	ModelAndView newGoal(@RequestParam(required = false) Long student, Model model) {
		GoalForm form = new GoalForm(student, "", "OTHER", "", "", "", null, null);
		return form(model, form, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/goals")
	ModelAndView create(GoalForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			GoalView created = this.goals.create(form.input());
			return new ModelAndView("redirect:/goals/" + created.id() + "?saved=created");
		}
		catch (InvalidInputException ex) {
			return form(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/goals/{id:\\d+}")
	ModelAndView view(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
		model.addAttribute("saved", saved == null ? null
				: "updated".equals(saved) || "edited".equals(saved) ? saved : "created");
		return render(id, model, false, null, FieldErrors.none(), HttpStatus.OK, null);
	}

	@PostMapping("/goals/{id:\\d+}/updates")
	ModelAndView update(@PathVariable long id, GoalUpdateForm form, BindingResult problems,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		return posted(id, form, problems, file, model, false);
	}

	@HxRequest
	@PostMapping("/goals/{id:\\d+}/updates")
	ModelAndView updateInPlace(@PathVariable long id, GoalUpdateForm form, BindingResult problems,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		return posted(id, form, problems, file, model, true);
	}

	@PostMapping("/goals/{id:\\d+}/edit")
	ModelAndView edit(@PathVariable long id, GoalEditForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.goals.edit(id, form.input(), form.version());
			return new ModelAndView("redirect:/goals/" + id + "?saved=edited");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("editErrors", FieldErrors.of(ex));
			model.addAttribute("editDraft", form);
			return render(id, model, false, null, FieldErrors.none(), HttpStatus.BAD_REQUEST, null);
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("editDraft", form);
			return render(id, model, false, "stale", FieldErrors.none(), HttpStatus.CONFLICT, null);
		}
	}

	@PostMapping("/goals/{id:\\d+}/delete")
	ModelAndView delete(@PathVariable long id, GoalUpdateForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.goals.delete(id, form.version());
			return new ModelAndView("redirect:/goals?deleted=true");
		}
		catch (InvalidInputException ex) {
			return render(id, model, false, ex.getMessage(), FieldErrors.none(), HttpStatus.BAD_REQUEST, null);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, false, "stale", FieldErrors.none(), HttpStatus.CONFLICT, null);
		}
	}

	@GetMapping("/goals/pair/{mentorshipId:\\d+}")
	String pair(@PathVariable long mentorshipId, Model model) {
		pairModel(mentorshipId, model);
		return "goal/pair";
	}

	@HxRequest
	@GetMapping("/goals/pair/{mentorshipId:\\d+}")
	String pairSection(@PathVariable long mentorshipId, Model model) {
		pairModel(mentorshipId, model);
		return "goal/pair :: section";
	}

	private void pairModel(long mentorshipId, Model model) {
		model.addAttribute("goals", this.goals.ofPair(mentorshipId));
		model.addAttribute("mentorshipId", mentorshipId);
		model.addAttribute("today", today());
	}

	private ModelAndView posted(long id, GoalUpdateForm form, BindingResult problems, MultipartFile file, Model model,
			boolean fragment) {
		try {
			this.binding.requireValid(problems);
			Goals.UpdateFile attached = null;
			if (file != null && !file.isEmpty()) {
				// A file counts against the one upload budget of the attachments (QUALITY S14).
				this.rateLimiter.acquire(AttachmentFiles.UPLOAD_LIMIT, "user:" + this.tenancy.actor().id(),
						AttachmentFiles.UPLOAD_CAPACITY, Duration.parse(AttachmentFiles.UPLOAD_PER));
				attached = new Goals.UpdateFile(file.getOriginalFilename(), file.getInputStream());
			}
			this.goals.addUpdate(id, form.progressPct(), form.status(), form.note(), form.version(), attached);
			if (!fragment) {
				return new ModelAndView("redirect:/goals/" + id + "?saved=updated");
			}
			model.addAttribute("saved", "updated");
			return render(id, model, true, null, FieldErrors.none(), HttpStatus.OK, null);
		}
		catch (InvalidInputException ex) {
			return render(id, model, fragment, ex.getMessage(), FieldErrors.of(ex), HttpStatus.BAD_REQUEST, form);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, fragment, "stale", FieldErrors.none(), HttpStatus.CONFLICT, form);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ModelAndView render(long id, Model model, boolean fragment, String problem, FieldErrors errors,
			HttpStatus status, GoalUpdateForm typed) {
		GoalDetails details = this.goals.get(id);
		model.addAttribute("details", details);
		AttachmentSection attachments = this.files.section(RelatedType.GOAL, id);
		model.addAttribute("attachments", attachments);
		model.addAttribute("updateFiles", this.files.filesOf(RelatedType.GOAL_UPDATE,
				details.updates().stream().map(GoalUpdateView::id).toList(), attachments.managesFiles()));
		model.addAttribute("goal", details.goal());
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", typed == null
				? new GoalUpdateForm(details.goal().progressPct(), details.goal().status().name(), "", details.goal().version())
				: new GoalUpdateForm(typed.progressPct(), typed.status(), typed.note(), details.goal().version()));
		model.addAttribute("statuses", GoalStatus.values());
		model.addAttribute("maxNote", Goals.MAX_NOTE);
		model.addAttribute("today", today());
		model.addAttribute("chartLabels", this.json.writeValueAsString(details.updates().stream()
			.map(u -> CHART_DAY.format(u.createdAt().atZone(ZoneOffset.UTC))).toList()));
		model.addAttribute("chartValues", this.json.writeValueAsString(details.updates().stream()
			.map(GoalUpdateView::progressPct).toList()));
		if (!model.containsAttribute("editErrors")) {
			model.addAttribute("editErrors", FieldErrors.none());
		}
		if (!model.containsAttribute("editDraft")) {
			GoalView g = details.goal();
			model.addAttribute("editDraft", new GoalEditForm(g.title(), g.category().name(), g.description(),
					g.targetDate() == null ? "" : g.targetDate().toString(), g.version()));
		}
		model.addAttribute("categories", GoalCategory.values());
		model.addAttribute("maxTitle", Goals.MAX_TITLE);
		model.addAttribute("maxDescription", Goals.MAX_DESCRIPTION);
		if (!model.containsAttribute("saved")) {
			model.addAttribute("saved", null);
		}
		return new ModelAndView(fragment ? "goal/view :: progress" : "goal/view", model.asMap(),
				fragment ? HttpStatus.OK : status);
	}

	private ModelAndView form(Model model, GoalForm form, FieldErrors errors, HttpStatus status) {
		List<Goals.StudentChoice> students = this.goals.studentChoices();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("students", students);
		model.addAttribute("statuses", GoalStatus.values());
		model.addAttribute("categories", GoalCategory.values());
		model.addAttribute("maxTitle", Goals.MAX_TITLE);
		model.addAttribute("maxDescription", Goals.MAX_DESCRIPTION);
		model.addAttribute("today", today());
		return new ModelAndView("goal/new", model.asMap(), status);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
