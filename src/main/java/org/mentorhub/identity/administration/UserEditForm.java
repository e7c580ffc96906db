package org.mentorhub.identity.administration;

import java.util.ArrayList;
import java.util.List;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;

/**
 * The edit form of an account as the browser posts it: the ticked roles, the primary role and the
 * department ("" for none). The form always sends the whole state, so an empty department means
 * "no department".
 */
record UserEditForm(List<String> roles, String primaryRole, Long departmentId, Long version) {

	static UserEditForm of(UserAdministration.UserAccount account) {
		return new UserEditForm(account.roles().stream().map(Enum::name).toList(), account.primaryRole().name(),
				account.departmentId(), account.version());
	}

	UserAdministration.UserChange toChange() {
		List<FieldProblem> problems = new ArrayList<>();
		List<RoleName> roleNames = new ArrayList<>();
		for (String role : this.roles == null ? List.<String>of() : this.roles) {
			RoleName parsed = UserAdministration.roleOrNull(role);
			if (parsed == null) {
				problems.add(new FieldProblem("roles", UserAdministration.unknownRoleMessage(role)));
			}
			else {
				roleNames.add(parsed);
			}
		}
		RoleName primary = null;
		if (this.primaryRole != null && !this.primaryRole.isBlank()) {
			primary = UserAdministration.roleOrNull(this.primaryRole);
			if (primary == null) {
				problems.add(new FieldProblem("primaryRole", UserAdministration.unknownRoleMessage(this.primaryRole)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new UserAdministration.UserChange(roleNames, primary, this.departmentId, this.departmentId == null,
				this.version);
	}

	public boolean hasRole(RoleName role) {
		return this.roles != null && this.roles.contains(role.name());
	}

}
