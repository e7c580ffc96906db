package org.mentorhub.wellbeing.groups;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
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
 * The support group pages: {@code /groups} (the institution's groups, and the new-group form for
 * administrators) and {@code /groups/{id}} (the discussion, members and pending requests). Every action
 * posts and redirects back; problems come back inline with 400.
 */
@Controller
class GroupPageController {

	private final SupportGroups groups;

	private final FormBinding binding;

	GroupPageController(SupportGroups groups, FormBinding binding) {
		this.groups = groups;
		this.binding = binding;
	}

	@GetMapping("/groups")
	ModelAndView list(Model model) {
		return list(model, new GroupForms.GroupForm("", "", false), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/groups")
	ModelAndView create(GroupForms.GroupForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			GroupSummary group = this.groups.create(form.name(), form.description(), form.isPrivate());
			return new ModelAndView("redirect:/groups/" + group.id());
		}
		catch (InvalidInputException ex) {
			return list(model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/groups/{id:\\d+}")
	ModelAndView view(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
		model.addAttribute("done", done == null ? null : done.replaceAll("[^a-z]", ""));
		return view(id, model, new GroupForms.PostForm("", null), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/groups/{id:\\d+}/join")
	String join(@PathVariable long id) {
		GroupSummary group = this.groups.join(id);
		return "redirect:/groups/" + id + "?done=" + (group.pending() ? "requested" : "joined");
	}

	@PostMapping("/groups/{id:\\d+}/leave")
	String leave(@PathVariable long id) {
		this.groups.leave(id);
		return "redirect:/groups/" + id + "?done=left";
	}

	@PostMapping("/groups/{id:\\d+}/notify")
	String notifyPosts(@PathVariable long id, @RequestParam(defaultValue = "false") boolean notify) {
		this.groups.notifyPosts(id, notify);
		return "redirect:/groups/" + id + "?done=saved";
	}

	@PostMapping("/groups/{id:\\d+}/posts")
	ModelAndView post(@PathVariable long id, GroupForms.PostForm form, BindingResult problems, Model model) {
		try {
			this.binding.requireValid(problems);
			PostView post = this.groups.post(id, form.body(), form.parentId());
			return new ModelAndView("redirect:/groups/" + id + "#post-" + post.id());
		}
		catch (InvalidInputException ex) {
			return view(id, model, form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@PostMapping("/groups/{id:\\d+}/posts/{postId:\\d+}/remove")
	String remove(@PathVariable long id, @PathVariable long postId) {
		this.groups.remove(id, postId);
		return "redirect:/groups/" + id + "?done=removed";
	}

	@PostMapping("/groups/{id:\\d+}/posts/{postId:\\d+}/report")
	String report(@PathVariable long id, @PathVariable long postId, GroupForms.ReportForm form) {
		this.groups.report(id, postId, form.reason());
		return "redirect:/groups/" + id + "?done=reported";
	}

	@PostMapping("/groups/{id:\\d+}/members/{userId:\\d+}/approve")
	String approve(@PathVariable long id, @PathVariable long userId) {
		this.groups.approve(id, userId);
		return "redirect:/groups/" + id + "?done=approved";
	}

	@PostMapping("/groups/{id:\\d+}/members/{userId:\\d+}/decline")
	String decline(@PathVariable long id, @PathVariable long userId) {
		this.groups.decline(id, userId);
		return "redirect:/groups/" + id + "?done=declined";
	}

	@PostMapping("/groups/{id:\\d+}/members/{userId:\\d+}/moderator")
	String appoint(@PathVariable long id, @PathVariable long userId,
			@RequestParam(defaultValue = "true") boolean moderator) {
		this.groups.appoint(id, userId, moderator);
		return "redirect:/groups/" + id + "?done=appointed";
	}

	private ModelAndView list(Model model, GroupForms.GroupForm form, FieldErrors errors, HttpStatus status) {
		model.addAttribute("groups", this.groups.list());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		ModelAndView view = new ModelAndView("wellbeing/groups", model.asMap());
		view.setStatus(status);
		return view;
	}

	private ModelAndView view(long id, Model model, GroupForms.PostForm form, FieldErrors errors, HttpStatus status) {
		model.addAttribute("details", this.groups.get(id));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		ModelAndView view = new ModelAndView("wellbeing/group", model.asMap());
		view.setStatus(status);
		return view;
	}

}
