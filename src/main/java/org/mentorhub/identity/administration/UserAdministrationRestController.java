package org.mentorhub.identity.administration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.identity.UserStatus;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the people pages. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The people of your institution: search, read, change roles and department, "
		+ "disable and enable (administrator, USER_MANAGE). Coordinators may search and read their own department. "
		+ "Another institution's people answer 404.")
class UserAdministrationRestController {

	private final UserAdministration administration;

	UserAdministrationRestController(UserAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "Search people",
			description = "Filters are optional. Pages start at 0 and hold 25 people by default (at most 100). "
					+ "Sort by name, email, status, lastLogin or created, e.g. sort=lastLogin,desc.")
	UserPageResponse search(@Parameter(description = "Part of a name, e-mail address or username")
	@RequestParam(required = false) String query,
			@Parameter(description = "ADMIN, COORDINATOR, MENTOR, MENTEE or NEW_MOTHER") @RequestParam(required = false) String role,
			@Parameter(description = "A department id") @RequestParam(required = false) Long department,
			@Parameter(description = "ACTIVE, INVITED or DISABLED") @RequestParam(required = false) String status,
			@ParameterObject @PageableDefault(size = UserAdministration.PAGE_SIZE, sort = "name") Pageable pageable) {
		RoleName roleName = role == null || role.isBlank() ? null : UserAdministration.parseRole("role", role);
		UserStatus userStatus = status == null || status.isBlank() ? null
				: UserAdministration.parseStatus("status", status);
		Page<UserAdministration.UserListItem> page = this.administration
			.search(new UserAdministration.UserSearch(query, roleName, department, userStatus), pageable);
		return new UserPageResponse(page.getContent().stream().map(UserSummaryResponse::of).toList(), page.getNumber(),
				page.getSize(), page.getTotalElements(), page.getTotalPages());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a person's account")
	UserResponse get(@PathVariable long id) {
		return UserResponse.of(this.administration.get(id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change roles, primary role or department",
			description = "Absent fields stay as they are; noDepartment=true takes the person out of any department. "
					+ "The person's sessions end, so that the change takes effect at once. Send the version you read "
					+ "to get 409 instead of overwriting a concurrent change.")
	UserResponse update(@PathVariable long id, @RequestBody UserUpdateRequest request) {
		return UserResponse.of(this.administration.update(id, request.toChange()));
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable an account",
			description = "The person can no longer sign in and every session of theirs ends at once. 409 when the "
					+ "account is already disabled or is your own.")
	UserResponse disable(@PathVariable long id) {
		return UserResponse.of(this.administration.disable(id));
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable a disabled account",
			description = "It becomes active again, or invited if its owner never set a password. 409 unless it is "
					+ "disabled.")
	UserResponse enable(@PathVariable long id) {
		return UserResponse.of(this.administration.enable(id));
	}

	/** Changes to an account; absent fields stay as they are. */
	record UserUpdateRequest(List<String> roles, String primaryRole, Long departmentId, Boolean noDepartment,
			Long version) {

		UserAdministration.UserChange toChange() {
			List<FieldProblem> problems = new ArrayList<>();
			List<RoleName> roleNames = null;
			if (this.roles != null) {
				roleNames = new ArrayList<>();
				for (String role : this.roles) {
					RoleName parsed = UserAdministration.roleOrNull(role);
					if (parsed == null) {
						problems.add(new FieldProblem("roles", UserAdministration.unknownRoleMessage(role)));
					}
					else {
						roleNames.add(parsed);
					}
				}
			}
			RoleName primary = null;
			if (this.primaryRole != null) {
				primary = UserAdministration.roleOrNull(this.primaryRole);
				if (primary == null) {
					problems.add(new FieldProblem("primaryRole", UserAdministration.unknownRoleMessage(this.primaryRole)));
				}
			}
			if (Boolean.TRUE.equals(this.noDepartment) && this.departmentId != null) {
				problems.add(new FieldProblem("departmentId", "Send either a department or noDepartment, not both."));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new UserAdministration.UserChange(roleNames, primary, this.departmentId,
					Boolean.TRUE.equals(this.noDepartment), this.version);
		}

	}

	/** One page of people. */
	record UserPageResponse(List<UserSummaryResponse> content, int page, int size, long totalElements,
			int totalPages) {
	}

	/** A person in a result list. */
	record UserSummaryResponse(long id, String fullName, String email, String username, UserStatus status,
			RoleName primaryRole, Set<RoleName> roles, Long departmentId, String departmentName, Instant lastLoginAt) {

		static UserSummaryResponse of(UserAdministration.UserListItem item) {
			return new UserSummaryResponse(item.id(), item.fullName(), item.email(), item.username(), item.status(),
					item.primaryRole(), item.roles(), item.departmentId(), item.departmentName(), item.lastLoginAt());
		}

	}

	/** A person's account. */
	record UserResponse(long id, String username, String email, String fullName, Long departmentId,
			String departmentName, RoleName primaryRole, Set<RoleName> roles, UserStatus status, String timeZone,
			Instant lastLoginAt, Instant createdAt, long version) {

		static UserResponse of(UserAdministration.UserAccount a) {
			return new UserResponse(a.id(), a.username(), a.email(), a.fullName(), a.departmentId(), a.departmentName(),
					a.primaryRole(), a.roles(), a.status(), a.timeZone(), a.lastLoginAt(), a.createdAt(), a.version());
		}

	}

}
