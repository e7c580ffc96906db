package org.mentorhub.identity.administration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mentorhub.identity.FormProblems;
import org.mentorhub.identity.Invitations.Invitation;
import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.RoleName;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.Tenancy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator invites a person into their institution (roles and department of it). */
@Controller
@PreAuthorize("hasAuthority('USER_MANAGE')")
class InvitationPageController {

	static final String VIEW = "identity/account/invite";

	/** The roles an administrator may give; the platform administrator is not one of them. */
	static final List<RoleName> INVITABLE_ROLES = Arrays.stream(RoleName.values())
		.filter(role -> role != RoleName.PLATFORM_ADMIN)
		.toList();

	private final Invitations invitations;

	private final Organizations organizations;

	private final Tenancy tenancy;

	InvitationPageController(Invitations invitations, Organizations organizations, Tenancy tenancy) {
		this.invitations = invitations;
		this.organizations = organizations;
		this.tenancy = tenancy;
	}

	/** The invitation form; the first chosen role becomes the primary one. */
	record InvitationForm(String email, String fullName, List<String> roles, String departmentId) {
	}

	@GetMapping("/admin/users/invite")
	ModelAndView form() {
		return view(new InvitationForm("", "", List.of(RoleName.MENTEE.name()), ""));
	}

	@PostMapping("/admin/users/invite")
	ModelAndView invite(@ModelAttribute InvitationForm form, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>();
		List<RoleName> roles = new ArrayList<>();
		for (String name : form.roles() == null ? List.<String>of() : form.roles()) {
			INVITABLE_ROLES.stream().filter(role -> role.name().equals(name)).findFirst().ifPresentOrElse(roles::add,
					() -> problems.add(new FieldProblem("roles", "Choose roles from the list.")));
		}
		Long departmentId = null;
		if (form.departmentId() != null && !form.departmentId().isBlank()) {
			try {
				departmentId = Long.valueOf(form.departmentId().strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("departmentId", "Choose a department of your institution."));
			}
		}
		if (!problems.isEmpty()) {
			return FormProblems.refused(view(form), problems);
		}
		try {
			this.invitations.invite(new Invitation(form.email(), form.fullName(), roles, departmentId));
		}
		catch (InvalidInputException ex) {
			return FormProblems.refused(view(form), ex);
		}
		redirect.addFlashAttribute("invited", Invitations.normalizeEmail(form.email()));
		return new ModelAndView("redirect:/admin/users/invite");
	}

	private ModelAndView view(InvitationForm form) {
		ModelAndView view = new ModelAndView(VIEW);
		view.addObject("form", form);
		view.addObject("roles", INVITABLE_ROLES);
		view.addObject("departments", this.organizations.departmentsOf(this.tenancy.institutionId()));
		return view;
	}

}
