package org.mentorhub.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The identity module's API for administering the people of an institution. An administrator
 * ({@code USER_MANAGE}) searches, reads and changes the accounts of their own institution; a
 * coordinator may search and read (never change) the accounts of their own department. An account
 * outside the caller's scope is "not found". Every change is audited with the state before and
 * after, and ends the person's sessions so that it takes effect at once.
 */
@Service
public class UserAdministration {

	/** The page size of the people list. */
	public static final int PAGE_SIZE = 25;

	/** The largest page the API serves. */
	public static final int MAX_PAGE_SIZE = 100;

	/** The roles an administrator may give (never the platform administrator's). */
	public static final List<RoleName> ASSIGNABLE_ROLES = List.of(RoleName.ADMIN, RoleName.COORDINATOR,
			RoleName.MENTOR, RoleName.MENTEE, RoleName.NEW_MOTHER);

	private final UserRepository users;

	private final RoleRepository roles;

	private final AccountSearch directory;

	private final UserSessions sessions;

	private final Organizations organizations;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	UserAdministration(UserRepository users, RoleRepository roles, AccountSearch directory, UserSessions sessions,
			Organizations organizations, Tenancy tenancy, AuditTrail audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.roles = roles;
		this.directory = directory;
		this.sessions = sessions;
		this.organizations = organizations;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What to look for; every part is optional.
	 * @param query part of a name, e-mail address or username
	 */
	public record UserSearch(String query, RoleName role, Long departmentId, UserStatus status) {
	}

	/** One person in a result list. */
	public record UserListItem(long id, String fullName, String email, String username, UserStatus status,
			RoleName primaryRole, Set<RoleName> roles, Long departmentId, String departmentName, Instant lastLoginAt,
			Instant createdAt) {
	}

	/** One person's account as their administrator sees it. */
	public record UserAccount(long id, String username, String email, String fullName, long institutionId,
			Long departmentId, String departmentName, RoleName primaryRole, Set<RoleName> roles, UserStatus status,
			String timeZone, Instant lastLoginAt, Instant createdAt, long version) {
	}

	/**
	 * Changes to an account; null parts stay as they are.
	 * @param roles the complete new set of roles
	 * @param primaryRole the role that decides the home page; one of the roles
	 * @param departmentId the new department, of the same institution
	 * @param noDepartment true to take the person out of any department
	 * @param version the version the editor loaded, or null to skip the stale-edit check
	 */
	public record UserChange(List<RoleName> roles, RoleName primaryRole, Long departmentId, boolean noDepartment,
			Long version) {
	}

	/**
	 * The people of the caller's scope matching the search, a page at a time. Sortable by
	 * {@code name}, {@code email}, {@code status}, {@code lastLogin} and {@code created}.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAuthority('USER_MANAGE') or hasRole('COORDINATOR')")
	public Page<UserListItem> search(UserSearch search, Pageable pageable) {
		Tenancy.Scope scope = this.tenancy.scope();
		if (coordinatorWithoutDepartment(scope)) {
			return Page.empty(pageable);
		}
		Long department = scope.wholeInstitution() ? search.departmentId() : scope.departmentId();
		if (!scope.wholeInstitution() && search.departmentId() != null
				&& !search.departmentId().equals(scope.departmentId())) {
			return Page.empty(pageable);
		}
		Sort sort = checkedSort(pageable.getSort());
		int size = Math.min(Math.max(pageable.getPageSize(), 1), MAX_PAGE_SIZE);
		Pageable page = PageRequest.of(Math.max(pageable.getPageNumber(), 0), size, sort);
		AccountSearch.Criteria criteria = new AccountSearch.Criteria(scope.institutionId(), department,
				trimmed(search.query(), 200), search.role(), search.status());
		long total = this.directory.count(criteria);
		if (total == 0 || page.getOffset() >= total) {
			return new PageImpl<>(List.of(), page, total);
		}
		List<AccountSearch.Row> rows = this.directory.page(criteria, sort, size, page.getOffset());
		Map<Long, Set<RoleName>> rolesById = this.directory.rolesOf(rows.stream().map(AccountSearch.Row::id).toList());
		Map<Long, String> departmentNames = departmentNames(scope.institutionId());
		List<UserListItem> items = rows.stream()
			.map(row -> new UserListItem(row.id(), row.fullName(), row.email(), row.username(),
					UserStatus.valueOf(row.status()), RoleName.valueOf(row.primaryRole()),
					rolesById.getOrDefault(row.id(), Set.of(RoleName.valueOf(row.primaryRole()))), row.departmentId(),
					row.departmentId() == null ? null : departmentNames.get(row.departmentId()),
					row.lastLoginAt() == null ? null : row.lastLoginAt().toInstant(ZoneOffset.UTC),
					row.createdAt() == null ? null : row.createdAt().toInstant(ZoneOffset.UTC)))
			.toList();
		return new PageImpl<>(items, page, total);
	}

	/** One account of the caller's scope. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAuthority('USER_MANAGE') or hasRole('COORDINATOR')")
	public UserAccount get(long id) {
		User user = this.users.findById(id).orElseThrow(() -> new NotFoundException("User not found"));
		if (coordinatorWithoutDepartment(this.tenancy.scope())) {
			throw new NotFoundException("User not found");
		}
		this.tenancy.requireInScope(user.getInstitutionId(), user.getDepartmentId(), "User");
		return toAccount(user);
	}

	/** Changes roles, primary role and department of an account of the caller's institution. */
	@Transactional
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	public UserAccount update(long id, UserChange change) {
		User user = findInInstitution(id);
		if (change.version() != null && change.version() != user.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(User.class, id);
		}
		Set<RoleName> currentRoles = roleNames(user);
		Set<RoleName> newRoles = change.roles() == null ? currentRoles
				: change.roles().isEmpty() ? EnumSet.noneOf(RoleName.class) : EnumSet.copyOf(change.roles());
		RoleName newPrimary = change.primaryRole() != null ? change.primaryRole()
				: newRoles.contains(user.getPrimaryRole().getName()) ? user.getPrimaryRole().getName()
						: newRoles.stream().findFirst().orElse(null);
		Long newDepartment = change.noDepartment() ? null
				: change.departmentId() != null ? change.departmentId() : user.getDepartmentId();
		List<FieldProblem> problems = new ArrayList<>();
		if (newRoles.isEmpty()) {
			problems.add(new FieldProblem("roles", "Choose at least one role."));
		}
		else if (newRoles.contains(RoleName.PLATFORM_ADMIN)) {
			problems.add(new FieldProblem("roles", "The platform administrator role cannot be given to a member of an "
					+ "institution."));
		}
		else if (newPrimary != null && !newRoles.contains(newPrimary)) {
			problems.add(new FieldProblem("primaryRole", "The primary role must be one of the chosen roles."));
		}
		if (id == this.tenancy.actor().id() && !newRoles.contains(RoleName.ADMIN)) {
			problems.add(new FieldProblem("roles", "You cannot remove your own administrator role."));
		}
		if (newDepartment != null && !newDepartment.equals(user.getDepartmentId())
				&& this.organizations.findDepartment(newDepartment)
					.map(DepartmentSummary::institutionId)
					.filter(institution -> institution.equals(user.getInstitutionId()))
					.isEmpty()) {
			problems.add(new FieldProblem("departmentId", "Choose a department of your institution."));
		}
		if (newDepartment == null && newRoles.contains(RoleName.COORDINATOR) && !newRoles.contains(RoleName.ADMIN)) {
			problems.add(new FieldProblem("departmentId", "A coordinator needs a department to coordinate."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, Object> before = auditState(user);
		Instant now = this.clock.instant();
		if (!newRoles.equals(currentRoles) || newPrimary != user.getPrimaryRole().getName()) {
			Set<Role> granted = new LinkedHashSet<>();
			newRoles.forEach(name -> granted.add(role(name)));
			user.changeRoles(role(newPrimary), granted, now);
			this.events.publishEvent(new AccountSecurityNotice(id, SecurityNoticeKind.ROLES_CHANGED, now));
		}
		if (!java.util.Objects.equals(newDepartment, user.getDepartmentId())) {
			user.moveToDepartment(newDepartment, now);
		}
		this.users.saveAndFlush(user);
		Map<String, Object> after = auditState(user);
		if (!after.equals(before)) {
			this.audit.record(AuditRecord.change("USER_UPDATED", "users", id, before, after));
			endSessionsAfterCommit(user.getUsername(), id == this.tenancy.actor().id() ? currentSessionId() : null);
		}
		return toAccount(user);
	}

	/**
	 * Disables an account of the caller's institution and ends all its sessions at once. An
	 * administrator cannot disable themselves; an account that is already disabled answers 409.
	 */
	@Transactional
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	public UserAccount disable(long id) {
		User user = findInInstitution(id);
		if (id == this.tenancy.actor().id()) {
			throw new StateTransitionException("You cannot disable your own account.");
		}
		UserStatus before = user.getStatus();
		user.disable(this.clock.instant());
		this.users.saveAndFlush(user);
		this.audit.record(AuditRecord.change("USER_DISABLED", "users", id, Map.of("status", before.name()),
				Map.of("status", user.getStatus().name())));
		this.events.publishEvent(new AccountSecurityNotice(id, SecurityNoticeKind.ACCOUNT_DISABLED, this.clock.instant()));
		endSessionsAfterCommit(user.getUsername(), null);
		return toAccount(user);
	}

	/** Enables a disabled account of the caller's institution again (active, or invited if never activated). */
	@Transactional
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	public UserAccount enable(long id) {
		User user = findInInstitution(id);
		UserStatus before = user.getStatus();
		user.enable(this.clock.instant());
		this.users.saveAndFlush(user);
		this.audit.record(AuditRecord.change("USER_ENABLED", "users", id, Map.of("status", before.name()),
				Map.of("status", user.getStatus().name())));
		this.events.publishEvent(new AccountSecurityNotice(id, SecurityNoticeKind.ACCOUNT_ENABLED, this.clock.instant()));
		return toAccount(user);
	}

	/**
	 * Reads a role name as typed in a form, a query or a CSV file ({@code mentor}, {@code New mother},
	 * {@code NEW_MOTHER}); fails with a clear message for the field when it is no role.
	 */
	public static RoleName parseRole(String field, String text) {
		RoleName role = roleOrNull(text);
		if (role == null) {
			throw new InvalidInputException(field, unknownRoleMessage(text));
		}
		return role;
	}

	/** Reads an account status ({@code active}, {@code DISABLED}, {@code invited}) for a filter. */
	public static UserStatus parseStatus(String field, String text) {
		String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(UserStatus.values())
			.filter(status -> status.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "Unknown status '" + shorten(text)
					+ "'. Use ACTIVE, INVITED or DISABLED."));
	}

	/** The role a text names (its name or label, any case; "student" for mentee), or null when none. */
	public static RoleName roleOrNull(String text) {
		if (text == null) {
			return null;
		}
		String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (name.equals("STUDENT")) {
			return RoleName.MENTEE;
		}
		for (RoleName role : RoleName.values()) {
			if (role.name().equals(name) || role.label().toUpperCase(Locale.ROOT).replace(' ', '_').equals(name)) {
				return role;
			}
		}
		return null;
	}

	/** The message for a text that names no role, listing the roles there are. */
	public static String unknownRoleMessage(String text) {
		return "Unknown role '" + shorten(text) + "'. Use ADMIN, COORDINATOR, MENTOR, MENTEE or NEW_MOTHER.";
	}

	/** A value as a message quotes it: stripped, at most 40 characters. */
	public static String shorten(String text) {
		String value = text == null ? "" : text.strip();
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	/** Whether the account list can be sorted by the property ({@code name}, {@code email}, ...). */
	public static boolean sortable(String property) {
		return AccountSearch.SORTABLE.containsKey(property);
	}

	private static Sort checkedSort(Sort sort) {
		if (sort.isUnsorted()) {
			return Sort.by("name");
		}
		for (Sort.Order order : sort) {
			if (!sortable(order.getProperty())) {
				throw new InvalidInputException("sort", "Cannot sort by '" + shorten(order.getProperty())
						+ "'. Sort by name, email, status, lastLogin or created.");
			}
		}
		return sort;
	}

	private static String trimmed(String text, int max) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.length() > max ? stripped.substring(0, max) : stripped;
	}

	/**
	 * A coordinator without a department gets the whole institution from {@link Tenancy#scope()};
	 * here they see nobody instead, as nobody is in their department.
	 */
	private static boolean coordinatorWithoutDepartment(Tenancy.Scope scope) {
		return scope.wholeInstitution() && SecurityContextHolder.getContext()
			.getAuthentication()
			.getAuthorities()
			.stream()
			.noneMatch(authority -> "USER_MANAGE".equals(authority.getAuthority()));
	}

	private User findInInstitution(long id) {
		User user = this.users.findById(id).orElseThrow(() -> new NotFoundException("User not found"));
		this.tenancy.requireInstitution(user.getInstitutionId(), "User");
		return user;
	}

	private Role role(RoleName name) {
		return this.roles.findByName(name).orElseThrow();
	}

	private Map<Long, String> departmentNames(long institutionId) {
		return this.organizations.departmentsOf(institutionId)
			.stream()
			.collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
	}

	private static Set<RoleName> roleNames(User user) {
		Set<RoleName> names = EnumSet.noneOf(RoleName.class);
		user.getRoles().forEach(role -> names.add(role.getName()));
		names.add(user.getPrimaryRole().getName());
		return names;
	}

	private static Map<String, Object> auditState(User user) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("primaryRole", user.getPrimaryRole().getName().name());
		state.put("roles", new TreeSet<>(roleNames(user).stream().map(Enum::name).toList()).toString());
		state.put("departmentId", user.getDepartmentId());
		state.put("status", user.getStatus().name());
		return state;
	}

	private UserAccount toAccount(User user) {
		String departmentName = user.getDepartmentId() == null ? null
				: this.organizations.findDepartment(user.getDepartmentId()).map(DepartmentSummary::name).orElse(null);
		return new UserAccount(user.getId(), user.getUsername(), user.getEmail(), user.getFullName(),
				user.getInstitutionId(), user.getDepartmentId(), departmentName, user.getPrimaryRole().getName(),
				Set.copyOf(roleNames(user)), user.getStatus(), user.getTimeZone(), user.getLastLoginAt(),
				user.getCreatedAt(), user.getVersion());
	}

	/**
	 * Ends the person's sessions once the change is committed: earlier, a sign-in in between could
	 * still load the old state; never, and an open session would keep the old roles or status. The
	 * request travels as an identity-internal event to an after-commit listener ({@link #on}), kept in
	 * the event publication registry until the sessions are ended.
	 */
	private void endSessionsAfterCommit(String username, String keepSessionId) {
		this.events.publishEvent(new AccessChanged(username, keepSessionId));
	}

	/** A person's roles or status changed: their open sessions end (all but {@code keepSessionId}). */
	record AccessChanged(String username, String keepSessionId) {
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccessChanged change) {
		this.sessions.endAll(change.username(), change.keepSessionId());
	}

	private static String currentSessionId() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getSession(false) != null
						? attributes.getRequest().getSession(false).getId() : null;
	}

}
