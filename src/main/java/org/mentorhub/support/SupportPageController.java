package org.mentorhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.mentorhub.attachment.AttachmentFiles;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.RateLimiter;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The support pages: {@code /support} (my issues), {@code /support/new} (report an issue; {@code ?from=}
 * carries the page the person was on, as the layout's "Report a problem" link sends it), {@code /support/queue}
 * (the administrators' queue with filters and the average response and resolution times) and
 * {@code /support/{id}} (the issue, its thread, its files, and the forms the reader may use). Every form
 * works without JavaScript: post, then redirect; errors inline with 400, a transition the status does not
 * allow with 409.
 */
@Controller
class SupportPageController {

	static final int PAGE_SIZE = 25;

	private final SupportDesk desk;

	private final FormBinding binding;

	private final AttachmentFiles files;

	private final RateLimiter rateLimiter;

	private final Tenancy tenancy;

	SupportPageController(SupportDesk desk, FormBinding binding, AttachmentFiles files, RateLimiter rateLimiter,
			Tenancy tenancy) {
		this.desk = desk;
		this.binding = binding;
		this.files = files;
		this.rateLimiter = rateLimiter;
		this.tenancy = tenancy;
	}

	@GetMapping("/support")
	String mine(@RequestParam(required = false) Integer page, Model model) {
		int p = page == null || page < 0 ? 0 : page;
		model.addAttribute("page", this.desk.mine(p, PAGE_SIZE));
		model.addAttribute("handles", this.desk.handlesIssues());
		model.addAttribute("reports", this.desk.reports());
		return "support/mine";
	}

	@GetMapping("/support/new")
	ModelAndView newIssue(@RequestParam(required = false) String from, Model model) {
		if (!this.desk.reports()) {
			throw new AccessDeniedException("Issues are reported within an institution.");
		}
		String page = from != null && SupportDesk.validPath(from.strip()) ? from.strip() : null;
		return reportForm(model, new SupportForms.ReportForm("", "", "TECHNICAL", page), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/support")
	ModelAndView report(SupportForms.ReportForm form, BindingResult problems,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		try {
			this.binding.requireValid(problems);
			SupportDesk.Screenshot screenshot = null;
			if (file != null && !file.isEmpty()) {
				// A screenshot counts against the one upload budget of the attachments (QUALITY S14).
				this.rateLimiter.acquire(AttachmentFiles.UPLOAD_LIMIT, "user:" + this.tenancy.actor().id(),
						AttachmentFiles.UPLOAD_CAPACITY, Duration.parse(AttachmentFiles.UPLOAD_PER));
				screenshot = new SupportDesk.Screenshot(file.getOriginalFilename(), file.getInputStream());
			}
			IssueView issue = this.desk.report(form.input(), screenshot);
			return new ModelAndView("redirect:/support/" + issue.id() + "?saved=reported");
		}
		catch (InvalidInputException ex) {
			return reportForm(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ModelAndView reportForm(Model model, SupportForms.ReportForm form, FieldErrors errors, HttpStatus status) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", IssueCategory.reportable());
		model.addAttribute("maxTitle", SupportDesk.MAX_TITLE);
		model.addAttribute("maxText", SupportDesk.MAX_TEXT);
		return new ModelAndView("support/new", model.asMap(), status);
	}

	@GetMapping("/support/queue")
	String queue(SupportForms.QueueForm form, BindingResult problems, Model model) {
		this.binding.requireValid(problems);
		SupportForms.QueueForm f = form == null ? new SupportForms.QueueForm(null, null, null, null, null, null) : form;
		model.addAttribute("page", this.desk.queue(f.filter(), f.pageOrFirst(), PAGE_SIZE));
		model.addAttribute("filter", f);
		model.addAttribute("assignees", this.desk.queueAssignees());
		model.addAttribute("categories", IssueCategory.values());
		model.addAttribute("statuses", IssueStatus.values());
		return "support/queue";
	}

	@GetMapping("/support/{id:\\d+}")
	ModelAndView view(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
		model.addAttribute("saved", saved == null ? null
				: switch (saved) {
					case "reported", "message", "note", "moved", "assigned", "escalated" -> saved;
					default -> null;
				});
		return render(id, model, null, FieldErrors.none(), null, HttpStatus.OK);
	}

	@PostMapping("/support/{id:\\d+}/messages")
	ModelAndView post(@PathVariable long id, SupportForms.MessageForm form, BindingResult problems, Model model) {
		boolean internal = Boolean.TRUE.equals(form.internal());
		try {
			this.binding.requireValid(problems);
			this.desk.post(id, form.message(), internal);
			return new ModelAndView("redirect:/support/" + id + "?saved=" + (internal ? "note" : "message") + "#thread");
		}
		catch (InvalidInputException ex) {
			return render(id, model, null, FieldErrors.of(ex), form, HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), form, HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/support/{id:\\d+}/transitions")
	ModelAndView transition(@PathVariable long id, SupportForms.TransitionForm form, BindingResult problems,
			Model model) {
		try {
			this.binding.requireValid(problems);
			this.desk.transition(id, form.action(), form.version());
			return new ModelAndView("redirect:/support/" + id + "?saved=moved");
		}
		catch (InvalidInputException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.of(ex), null, HttpStatus.BAD_REQUEST);
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), null, HttpStatus.CONFLICT);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, "stale", FieldErrors.none(), null, HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/support/{id:\\d+}/assign")
	ModelAndView assign(@PathVariable long id, SupportForms.AssignForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			this.desk.assign(id, form.assigneeId(), form.version());
			return new ModelAndView("redirect:/support/" + id + "?saved=assigned");
		}
		catch (InvalidInputException ex) {
			return render(id, model, null, FieldErrors.of(ex), null, HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			return render(id, model, "stale", FieldErrors.none(), null, HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/support/{id:\\d+}/escalate")
	ModelAndView escalate(@PathVariable long id, Model model) {
		try {
			this.desk.escalate(id);
			return new ModelAndView("redirect:/support/" + id + "?saved=escalated");
		}
		catch (StateTransitionException ex) {
			return render(id, model, ex.getMessage(), FieldErrors.none(), null, HttpStatus.CONFLICT);
		}
	}

	private ModelAndView render(long id, Model model, String problem, FieldErrors errors, SupportForms.MessageForm typed,
			HttpStatus status) {
		IssueDetails details = this.desk.get(id);
		IssueView issue = details.issue();
		model.addAttribute("details", details);
		model.addAttribute("issue", issue);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", typed == null || typed.message() == null ? "" : typed.message());
		model.addAttribute("assignees", issue.staff() ? this.desk.assigneeChoices(id) : java.util.List.of());
		model.addAttribute("attachments", this.files.section(RelatedType.ISSUE, id));
		model.addAttribute("maxText", SupportDesk.MAX_TEXT);
		if (!model.containsAttribute("saved")) {
			model.addAttribute("saved", null);
		}
		return new ModelAndView("support/view", model.asMap(), status);
	}

}
