package org.mentorhub.identity.administration;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.identity.SignedInUser;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.identity.UserStatus;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people pages: the searchable, filterable, sortable list (with an htmx partial for its
 * results, so that the page works with and without JavaScript) and one person's page, where an
 * administrator changes roles and department and disables or enables the account. A coordinator
 * sees both pages read-only, for their own department.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdministrationPageController {

	private final UserAdministration administration;

	private final Organizations organizations;

	private final Tenancy tenancy;

	UserAdministrationPageController(UserAdministration administration, Organizations organizations, Tenancy tenancy) {
		this.administration = administration;
		this.organizations = organizations;
		this.tenancy = tenancy;
	}

	@GetMapping
	String list(UserFilterForm form, @AuthenticationPrincipal SignedInUser user, Model model) {
		results(form.filters(), user, model);
		Tenancy.Scope scope = this.tenancy.scope();
		model.addAttribute("departments", scope.wholeInstitution() ? this.organizations.departmentsOf(scope.institutionId())
				: this.organizations.findDepartment(scope.departmentId()).stream().toList());
		model.addAttribute("roles", UserAdministration.ASSIGNABLE_ROLES);
		model.addAttribute("statuses", UserStatus.values());
		return "identity/admin-users";
	}

	@HxRequest
	@GetMapping
	String results(UserFilterForm form, @AuthenticationPrincipal SignedInUser user, Model model) {
		results(form.filters(), user, model);
		return "identity/partials/admin-user-results :: results";
	}

	private void results(UserFilters filters, SignedInUser user, Model model) {
		Page<UserAdministration.UserListItem> result = this.administration.search(filters.search(),
				PageRequest.of(filters.page(), UserAdministration.PAGE_SIZE, filters.sort()));
		model.addAttribute("filters", filters);
		model.addAttribute("result", result);
		model.addAttribute("canManage", canManage(user));
	}

	@GetMapping("/{id:\\d+}")
	ModelAndView show(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		UserAdministration.UserAccount account = this.administration.get(id);
		return page(model, account, UserEditForm.of(account), FieldErrors.none(), user, HttpStatus.OK);
	}

	@PostMapping("/{id:\\d+}")
	ModelAndView update(@PathVariable long id, @ModelAttribute UserEditForm form,
			@AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
		try {
			UserAdministration.UserAccount saved = this.administration.update(id, form.toChange());
			redirect.addFlashAttribute("saved", saved.fullName());
			return new ModelAndView("redirect:/admin/users/" + id);
		}
		catch (InvalidInputException ex) {
			return page(model, this.administration.get(id), form, FieldErrors.of(ex), user, HttpStatus.BAD_REQUEST);
		}
		catch (OptimisticLockingFailureException ex) {
			UserAdministration.UserAccount current = this.administration.get(id);
			model.addAttribute("stale", true);
			return page(model, current, UserEditForm.of(current), FieldErrors.none(), user, HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/{id:\\d+}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.administration.disable(id);
			redirect.addFlashAttribute("statusChanged", "identity.user.disabled");
		}
		catch (StateTransitionException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id:\\d+}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.administration.enable(id);
			redirect.addFlashAttribute("statusChanged", "identity.user.enabled");
		}
		catch (StateTransitionException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		return "redirect:/admin/users/" + id;
	}

	private ModelAndView page(Model model, UserAdministration.UserAccount account, UserEditForm form,
			FieldErrors errors, SignedInUser user, HttpStatus status) {
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("canManage", canManage(user));
		model.addAttribute("self", account.id() == user.id());
		model.addAttribute("roles", UserAdministration.ASSIGNABLE_ROLES);
		model.addAttribute("departments", this.organizations.departmentsOf(account.institutionId()));
		return new ModelAndView("identity/admin-user", model.asMap(), status);
	}

	private static boolean canManage(SignedInUser user) {
		return user.permissions().contains("USER_MANAGE");
	}

}
