package org.mentorhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.InstitutionSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.Mailer;
import org.mentorhub.platform.Tenancy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: an administrator invites a person by e-mail into their institution; the account
 * stays INVITED until the person opens the single-use link (valid 7 days) and sets a password.
 */
@Service
public class Invitations {

	/** How long an invitation link works. */
	public static final Duration VALIDITY = Duration.ofDays(7);

	/** What an e-mail address must look like (after {@link #normalizeEmail}). */
	public static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private final UserRepository users;

	private final AccountSearch search;

	private final RoleRepository roles;

	private final AccountTokenRepository tokens;

	private final Organizations organizations;

	private final Tenancy tenancy;

	private final Mailer mailer;

	private final AuditTrail audit;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Invitations(UserRepository users, AccountSearch search, RoleRepository roles, AccountTokenRepository tokens,
			Organizations organizations, Tenancy tenancy, Mailer mailer, AuditTrail audit, PasswordPolicy policy,
			PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.search = search;
		this.roles = roles;
		this.tokens = tokens;
		this.organizations = organizations;
		this.tenancy = tenancy;
		this.mailer = mailer;
		this.audit = audit;
		this.policy = policy;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Whom to invite. The first role is the primary one (it decides the home page).
	 * @param email the address the link goes to, which becomes the login
	 * @param fullName the name shown to people
	 * @param roles one or more of ADMIN, COORDINATOR, MENTOR, MENTEE, NEW_MOTHER
	 * @param departmentId a department of the inviting administrator's institution, or null
	 */
	public record Invitation(String email, String fullName, List<RoleName> roles, Long departmentId) {
	}

	/** Whether an account has this e-mail address, in any case (an import's row checks it again at commit). */
	@Transactional(readOnly = true)
	public boolean emailTaken(String email) {
		return this.users.existsByEmail(normalizeEmail(email));
	}

	/** The addresses (lower case) among these that already belong to an account (an import's preview). */
	@Transactional(readOnly = true)
	public Set<String> takenEmails(List<String> lowerCaseEmails) {
		return this.search.existingEmails(lowerCaseEmails);
	}

	/** Invites a person into the caller's institution and mails the link; returns the new user's id. */
	@Transactional
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	public long invite(Invitation invitation) {
		long institutionId = this.tenancy.institutionId();
		String email = normalizeEmail(invitation.email());
		String fullName = invitation.fullName() == null ? "" : invitation.fullName().strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (!EMAIL.matcher(email).matches() || email.length() > 320) {
			problems.add(new FieldProblem("email", "Enter a valid e-mail address."));
		}
		else if (this.users.existsByEmail(email)) {
			problems.add(new FieldProblem("email", "An account with this e-mail address already exists."));
		}
		if (fullName.isEmpty() || fullName.length() > 200) {
			problems.add(new FieldProblem("fullName", "Enter the person's name (at most 200 characters)."));
		}
		List<RoleName> roleNames = invitation.roles() == null ? List.of() : invitation.roles();
		if (roleNames.isEmpty()) {
			problems.add(new FieldProblem("roles", "Choose at least one role."));
		}
		else if (roleNames.contains(RoleName.PLATFORM_ADMIN)) {
			problems.add(new FieldProblem("roles", "Platform administrators cannot be invited into an institution."));
		}
		if (roleNames.contains(RoleName.COORDINATOR) && invitation.departmentId() == null) {
			problems.add(new FieldProblem("departmentId", "A coordinator needs a department."));
		}
		if (invitation.departmentId() != null && this.organizations.findDepartment(invitation.departmentId())
			.map(DepartmentSummary::institutionId)
			.filter(id -> id == institutionId)
			.isEmpty()) {
			problems.add(new FieldProblem("departmentId", "Choose a department of your institution."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		Set<Role> granted = new LinkedHashSet<>();
		for (RoleName name : EnumSet.copyOf(roleNames)) {
			granted.add(this.roles.findByName(name).orElseThrow());
		}
		Role primary = this.roles.findByName(roleNames.get(0)).orElseThrow();
		String timeZone = this.organizations.findInstitution(institutionId)
			.map(InstitutionSummary::timeZone)
			.orElse("UTC");
		User user = this.users.save(User.invited(institutionId, invitation.departmentId(), uniqueUsername(email), email,
				fullName, primary, granted, timeZone, now));
		sendInvitation(user, now);
		this.audit.record(AuditRecord.change("USER_INVITED", "users", user.getId(), null,
				Map.of("email", email, "fullName", fullName, "roles", roleNames.toString(), "departmentId",
						String.valueOf(invitation.departmentId()), "status", "INVITED")));
		return user.getId();
	}

	/** Sends a fresh link to an account that is still INVITED (the old links keep working until used). */
	@Transactional
	@PreAuthorize("hasAuthority('USER_MANAGE')")
	public void resend(long userId) {
		User user = this.users.findById(userId).orElseThrow(() -> new org.mentorhub.platform.NotFoundException("User not found"));
		this.tenancy.requireInstitution(user.getInstitutionId(), "User");
		if (user.getStatus() != UserStatus.INVITED) {
			throw new org.mentorhub.platform.StateTransitionException("This account has already been activated.");
		}
		sendInvitation(user, this.clock.instant());
		this.audit.record(AuditRecord.of("USER_INVITATION_RESENT", "users", user.getId()));
	}

	/** Whether the link is one that can still be used (for showing the set-password form). */
	@Transactional(readOnly = true)
	public boolean isUsable(String token) {
		return token != null && this.tokens.findByTokenHashAndPurpose(TokenHashing.sha256Hex(token),
				AccountToken.Purpose.INVITATION)
			.filter(t -> t.usableAt(this.clock.instant()))
			.isPresent();
	}

	/**
	 * Accepts an invitation: checks the password against the policy, redeems the single-use token
	 * and activates the account. Returns the e-mail address to sign in with.
	 */
	@Transactional
	public String accept(String token, String password) {
		AccountToken found = token == null ? null : this.tokens
			.findByTokenHashAndPurpose(TokenHashing.sha256Hex(token), AccountToken.Purpose.INVITATION)
			.orElse(null);
		Instant now = this.clock.instant();
		if (found == null || !found.usableAt(now)) {
			throw new InvalidInputException("token", "This invitation link has expired or has already been used. "
					+ "Ask your administrator for a new one.");
		}
		User user = this.users.findById(found.getUserId()).orElseThrow();
		List<String> problems = this.policy.problems(password, user.getEmail(), user.getUsername(), user.getFullName());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.stream().map(p -> new FieldProblem("password", p)).toList());
		}
		if (this.tokens.redeem(TokenHashing.sha256Hex(token), now) != 1) {
			throw new InvalidInputException("token", "This invitation link has already been used.");
		}
		user.activate(this.passwords.encode(password), now);
		this.audit.recordFor(AuditRecord.change("USER_ACTIVATED", "users", user.getId(), Map.of("status", "INVITED"),
				Map.of("status", "ACTIVE")), user.getId(), user.getInstitutionId(), null);
		return user.getEmail();
	}

	private void sendInvitation(User user, Instant now) {
		String token = TokenHashing.newToken();
		this.tokens.save(AccountToken.issue(user.getId(), AccountToken.Purpose.INVITATION, TokenHashing.sha256Hex(token),
				null, now.plus(VALIDITY), this.tenancy.currentActor().map(a -> a.id()).orElse(null), now));
		String institution = this.organizations.findInstitution(user.getInstitutionId())
			.map(InstitutionSummary::name)
			.orElse("MentorHub");
		this.mailer.send(user.getEmail(), "You are invited to MentorHub at " + institution, "invitation",
				Map.of("name", user.getFullName(), "institution", institution, "token", token, "days",
						VALIDITY.toDays()));
	}

	/** An e-mail address as accounts keep it: stripped and lower-cased ("" for null). */
	public static String normalizeEmail(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** A free username made from the e-mail's local part (ada, ada2, ...). */
	String uniqueUsername(String email) {
		String base = email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9._-]", "");
		base = base.isEmpty() ? "user" : base.substring(0, Math.min(base.length(), 48));
		String candidate = base;
		for (int i = 2; this.users.existsByUsername(candidate); i++) {
			candidate = base + i;
		}
		return candidate;
	}

}
