package org.mentorhub.mentorship;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mentorship pages (plain forms, no JavaScript needed): my mentorships with the mentor's inbox,
 * the ranked request form, one mentorship with the actions the caller may take
 * ({@link MentorshipView#actions()}, one form each, bound to a {@link MentorshipDecisionForm}), the managed list
 * with status filter, pages and CSV, and the proposal form. Errors show on the page: 400 for bad
 * input, 409 for an illegal transition, a full mentor or a stale form.
 */
@Controller
@RequestMapping("/mentorships")
class MentorshipPageController {

	static final int PAGE_SIZE = 25;

	/** The transitions of one mentorship, named in the URL as in {@link MentorshipAction}. */
	static final String ACTION = "/{id:\\d+}/{action:accept|decline|approve|reject|withdraw|pause|resume|end|rematch}";

	private final Mentorships mentorships;

	private final Tenancy tenancy;

	private final FormBinding binding;

	private final ObjectProvider<MentorshipHealthSource> health;

	MentorshipPageController(Mentorships mentorships, Tenancy tenancy, FormBinding binding,
			ObjectProvider<MentorshipHealthSource> health) {
		this.mentorships = mentorships;
		this.tenancy = tenancy;
		this.binding = binding;
		this.health = health;
	}

	/** The health of these mentorships (the caller sees them already), in one lookup; empty without a source. */
	private Map<Long, MentorshipHealthSource.MentorshipHealth> healthOf(List<MentorshipView> shown) {
		MentorshipHealthSource source = this.health.getIfAvailable();
		return source == null || shown.isEmpty() ? Map.of()
				: source.healthOf(shown.stream().map(MentorshipView::id).toList());
	}

	@GetMapping
	String mine(Model model) {
		long me = this.tenancy.actor().id();
		List<MentorshipView> all = this.mentorships.mine();
		model.addAttribute("me", me);
		model.addAttribute("asMentor", all.stream().filter(m -> m.mentorId() == me).toList());
		model.addAttribute("asMentee", all.stream().filter(m -> m.menteeId() == me).toList());
		model.addAttribute("waiting", this.mentorships.myWaitingChoices());
		model.addAttribute("canRequest", this.tenancy.hasRole("MENTEE") || this.tenancy.hasRole("NEW_MOTHER"));
		model.addAttribute("isMentor", this.tenancy.hasRole("MENTOR"));
		return "mentorship/mine";
	}

	@GetMapping("/request")
	ModelAndView requestForm(@RequestParam(required = false) Long mentor, Model model) {
		List<String> mentors = new ArrayList<>(List.of(mentor == null ? "" : String.valueOf(mentor), "", ""));
		return requestPage(model, mentors, new ArrayList<>(List.of("", "", "")), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/request")
	ModelAndView request(@RequestParam(required = false) List<String> mentorId,
			@RequestParam(required = false) List<String> goal, Model model, RedirectAttributes redirect) {
		// Two repeated fields bound as @RequestParam lists: a form record would split a lone goal at its commas.
		List<String> mentors = pad(mentorId);
		List<String> goals = pad(goal);
		try {
			List<Mentorships.Choice> choices = new ArrayList<>();
			for (int i = 0; i < Math.max(mentors.size(), goals.size()); i++) {
				String m = i < mentors.size() ? mentors.get(i) : "";
				String g = i < goals.size() ? goals.get(i) : "";
				if (m.isBlank() && g.isBlank()) {
					continue;
				}
				choices.add(new Mentorships.Choice(parseId("choices[" + choices.size() + "].mentorId", m), g));
			}
			MentorshipView created = this.mentorships.request(choices);
			redirect.addFlashAttribute("saved", "requested");
			return new ModelAndView("redirect:/mentorships/" + created.id());
		}
		catch (InvalidInputException ex) {
			return requestPage(model, mentors, goals, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	ModelAndView view(@PathVariable long id, Model model) {
		return detail(model, id, null, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping(ACTION)
	ModelAndView act(@PathVariable long id, @PathVariable String action, MentorshipDecisionForm form,
			BindingResult problems, Model model, RedirectAttributes redirect) {
		MentorshipAction step = MentorshipAction.valueOf(action.toUpperCase(Locale.ROOT));
		try {
			this.binding.requireValid(problems);
			MentorshipView result = apply(id, step, form);
			redirect.addFlashAttribute("saved", done(step));
			return new ModelAndView("redirect:/mentorships/" + result.id());
		}
		catch (InvalidInputException ex) {
			// The refused action's form opens again with its message beside the field.
			model.addAttribute("failed", action);
			return detail(model, id, ex.getMessage(), FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return detail(model, id, ex.getMessage(), FieldErrors.none(), HttpStatus.CONFLICT);
		}
		catch (OptimisticLockingFailureException ex) {
			return detail(model, id, "stale", FieldErrors.none(), HttpStatus.CONFLICT);
		}
	}

	private MentorshipView apply(long id, MentorshipAction action, MentorshipDecisionForm f) {
		return switch (action) {
			case ACCEPT -> this.mentorships.accept(id, f.version());
			case DECLINE -> this.mentorships.decline(id, f.reason(), f.version());
			case APPROVE -> this.mentorships.approve(id, f.reason(), f.version());
			case REJECT -> this.mentorships.reject(id, f.reason(), f.version());
			case WITHDRAW -> this.mentorships.withdraw(id, f.version());
			case PAUSE -> this.mentorships.pause(id, f.reason(), f.version());
			case RESUME -> this.mentorships.resume(id, f.version());
			case END -> this.mentorships.end(id, f.reason(), f.version());
			case REMATCH -> this.mentorships.rematch(id, parseId("mentorId", f.mentorId()), f.reason(), f.goal(),
					f.version());
		};
	}

	/** The key of the flash message ({@code mentorship.done.*}). */
	private static String done(MentorshipAction action) {
		return switch (action) {
			case ACCEPT -> "accepted";
			case DECLINE -> "declined";
			case APPROVE -> "approved";
			case REJECT -> "rejected";
			case WITHDRAW -> "withdrawn";
			case PAUSE -> "paused";
			case RESUME -> "resumed";
			case END -> "ended";
			case REMATCH -> "rematched";
		};
	}

	@GetMapping("/manage")
	String manage(MentorshipFilterForm form, BindingResult ignored, Model model) {
		int page = form.page() == null ? 0 : form.page();
		MentorshipStatus filter;
		try {
			filter = parseStatus(form.status());
		}
		catch (InvalidInputException ex) {
			filter = null;
		}
		Mentorships.Page result = this.mentorships.managed(filter, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("health", healthOf(result.items()));
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("statuses", MentorshipStatus.values());
		return "mentorship/manage";
	}

	@GetMapping(value = "/manage/export", produces = "text/csv")
	@RateLimited(name = "mentorship-export", capacity = 10, per = "PT10M")
	ResponseEntity<byte[]> export(MentorshipFilterForm form, BindingResult ignored) {
		return csv(this.mentorships.export(parseStatus(form.status())));
	}

	@GetMapping("/propose")
	ModelAndView proposeForm(@RequestParam(required = false) Long mentee, @RequestParam(required = false) Long mentor,
			Model model) {
		return proposePage(model, mentee == null ? "" : String.valueOf(mentee), mentor == null ? "" : String.valueOf(mentor),
				"", "", FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/propose")
	ModelAndView propose(MentorshipProposalForm form, Model model, RedirectAttributes redirect) {
		try {
			MentorshipView created = this.mentorships.propose(parseId("menteeId", form.menteeId()),
					parseId("mentorId", form.mentorId()), form.goal(), form.notes());
			redirect.addFlashAttribute("saved", "proposed");
			return new ModelAndView("redirect:/mentorships/" + created.id());
		}
		catch (InvalidInputException ex) {
			return proposePage(model, form.menteeId(), form.mentorId(), form.goal(), form.notes(), FieldErrors.of(ex),
					HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView detail(Model model, long id, String problem, FieldErrors errors, HttpStatus status) {
		MentorshipView m = this.mentorships.get(id);
		model.addAttribute("m", m);
		model.addAttribute("health", healthOf(List.of(m)).get(m.id()));
		long me = this.tenancy.actor().id();
		model.addAttribute("participant", me == m.mentorId() || me == m.menteeId());
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		if (m.can(MentorshipAction.REMATCH.name())) {
			model.addAttribute("mentors", this.mentorships.mentorOptions());
		}
		return new ModelAndView("mentorship/view", model.asMap(), status);
	}

	private ModelAndView requestPage(Model model, List<String> mentors, List<String> goals, FieldErrors errors,
			HttpStatus status) {
		long me = this.tenancy.actor().id();
		// A mentor who is a mentee too is not offered herself.
		model.addAttribute("mentors", this.mentorships.mentorOptions().stream().filter(o -> o.id() != me).toList());
		// A second mentor is possible, but the mentee should know she already has one.
		model.addAttribute("current", this.mentorships.mine()
			.stream()
			.filter(m -> m.menteeId() == me && MentorshipStatus.HOLDING_PLACE.contains(m.status()))
			.toList());
		model.addAttribute("chosen", pad(mentors));
		model.addAttribute("goals", pad(goals));
		model.addAttribute("errors", errors);
		model.addAttribute("ranks", List.of(0, 1, 2));
		return new ModelAndView("mentorship/request", model.asMap(), status);
	}

	private ModelAndView proposePage(Model model, String menteeId, String mentorId, String goal, String notes,
			FieldErrors errors, HttpStatus status) {
		model.addAttribute("mentees", this.mentorships.menteeOptions());
		model.addAttribute("mentors", this.mentorships.mentorOptions());
		model.addAttribute("menteeId", menteeId == null ? "" : menteeId);
		model.addAttribute("mentorId", mentorId == null ? "" : mentorId);
		model.addAttribute("goal", goal == null ? "" : goal);
		model.addAttribute("notes", notes == null ? "" : notes);
		model.addAttribute("errors", errors);
		return new ModelAndView("mentorship/propose", model.asMap(), status);
	}

	private static List<String> pad(List<String> values) {
		List<String> padded = new ArrayList<>(values == null ? List.of() : values);
		while (padded.size() < Mentorships.MAX_CHOICES) {
			padded.add("");
		}
		return padded;
	}

	static Long parseId(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "Choose a person from the list.");
		}
	}

	static MentorshipStatus parseStatus(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return MentorshipStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "Choose one of the statuses: "
					+ String.join(", ", java.util.Arrays.stream(MentorshipStatus.values()).map(Enum::name).toList()) + ".");
		}
	}

	static ResponseEntity<byte[]> csv(List<MentorshipView> rows) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mentorships.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(MentorshipCsv.of(rows).getBytes(StandardCharsets.UTF_8));
	}

}
