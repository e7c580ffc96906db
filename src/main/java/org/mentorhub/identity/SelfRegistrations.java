package org.mentorhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.organization.InstitutionAccountRules;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.Mailer;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-registration, where an institution allows it and only for addresses in its e-mail domains.
 * The person chooses a name and a password; the account is created INVITED with the role MENTEE,
 * and a link valid for 24 hours is mailed to the address. Opening the link and typing the password
 * again activates the account: so a link only works for whoever both reads the mailbox and chose
 * the password. Registering again before confirming replaces the pending name and password and
 * withdraws the older links.
 * <p>
 * Whether the address may register, or already has an account, never shows in the answer (QUALITY
 * S4): every well-formed request gets the same answer and costs one password hash.
 */
@Service
public class SelfRegistrations {

	/** How long a verification link works. */
	public static final Duration VALIDITY = Duration.ofHours(24);

	/** The role a self-registered person gets. */
	public static final RoleName DEFAULT_ROLE = RoleName.MENTEE;

	static final String UNUSABLE = "This confirmation link has expired or has already been used. Register again to get a new one.";

	private final UserRepository users;

	private final RoleRepository roles;

	private final AccountTokenRepository tokens;

	private final InstitutionAccountRules rules;

	private final Invitations invitations;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final Mailer mailer;

	private final AccountAudit audit;

	private final Clock clock;

	private final LoginThrottle throttle;

	SelfRegistrations(UserRepository users, RoleRepository roles, AccountTokenRepository tokens,
			InstitutionAccountRules rules, Invitations invitations, PasswordPolicy policy, PasswordEncoder passwords,
			Mailer mailer, AccountAudit audit, Clock clock, LoginThrottle throttle) {
		this.throttle = throttle;
		this.users = users;
		this.roles = roles;
		this.tokens = tokens;
		this.rules = rules;
		this.invitations = invitations;
		this.policy = policy;
		this.passwords = passwords;
		this.mailer = mailer;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What a person types to register.
	 * @param institutionCode the code of the institution (e.g. NBU), any case
	 * @param fullName the name shown to people
	 * @param email the address, which becomes the login and receives the link
	 * @param password the chosen password (QUALITY S2)
	 */
	public record Registration(String institutionCode, String fullName, String email, String password) {
	}

	/**
	 * Handles one registration request. Malformed input (an invalid address, a missing name, a weak
	 * password) is refused field by field; otherwise it returns nothing, so that callers cannot tell
	 * whether the address could register or already has an account. This is the one entry point of
	 * registration requests, so brute-force throttling wraps exactly this method.
	 * @param registration what the person typed
	 * @param clientAddress the requesting client's IP address (the audit row records it too), for
	 * per-address limits
	 */
	@Transactional
	public void register(Registration registration, String clientAddress) {
		String email = Invitations.normalizeEmail(registration.email());
		String fullName = registration.fullName() == null ? "" : registration.fullName().strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (registration.institutionCode() == null || registration.institutionCode().isBlank()) {
			problems.add(new FieldProblem("institutionCode", "Enter the code of your institution."));
		}
		if (fullName.isEmpty() || fullName.length() > 200) {
			problems.add(new FieldProblem("fullName", "Enter your name (at most 200 characters)."));
		}
		if (!Invitations.EMAIL.matcher(email).matches() || email.length() > 320) {
			problems.add(new FieldProblem("email", "Enter a valid e-mail address."));
		}
		this.policy.problems(registration.password(), email, fullName)
			.forEach(problem -> problems.add(new FieldProblem("password", problem)));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// Hashed whatever happens next, so that every well-formed request costs the same.
		String passwordHash = this.passwords.encode(registration.password());
		// Every request counts against the address and the client (QUALITY S3); past the limit the
		// answer stays the same but nothing is created or mailed.
		LoginThrottle.Verdict verdict = this.throttle.check(LoginThrottle.Action.REGISTER, email, clientAddress);
		this.throttle.recordFailure(LoginThrottle.Action.REGISTER, email, clientAddress);
		if (!verdict.allowed()) {
			return;
		}
		Optional<InstitutionAccountRules.Rules> admitting = this.rules.forCode(registration.institutionCode())
			.filter(rules -> rules.admitsRegistrationOf(email));
		if (admitting.isEmpty()) {
			return;
		}
		InstitutionAccountRules.Rules institution = admitting.get();
		Instant now = this.clock.instant();
		Optional<User> existing = this.users.findByEmail(email);
		if (existing.isPresent() && !awaitsConfirmation(existing.get())) {
			this.mailer.send(existing.get().getEmail(), "Someone tried to register with your address",
					"registration-exists", Map.of("name", existing.get().getFullName(), "institution",
							institution.name(), "status", existing.get().getStatus().name()));
			return;
		}
		User user;
		String action;
		if (existing.isPresent()) {
			user = existing.get();
			this.tokens.withdrawOpen(user.getId(), AccountToken.Purpose.REGISTRATION, now);
			user.renewRegistration(institution.institutionId(), fullName, passwordHash, institution.timeZone(), now);
			action = "USER_REGISTRATION_RENEWED";
		}
		else {
			Role mentee = this.roles.findByName(DEFAULT_ROLE).orElseThrow();
			user = this.users.save(User.registered(institution.institutionId(), this.invitations.uniqueUsername(email),
					email, fullName, mentee, passwordHash, institution.timeZone(), now));
			action = "USER_REGISTERED";
		}
		String token = TokenHashing.newToken();
		this.tokens.save(AccountToken.issue(user.getId(), AccountToken.Purpose.REGISTRATION,
				TokenHashing.sha256Hex(token), null, now.plus(VALIDITY), null, now));
		this.mailer.send(email, "Confirm your MentorHub account", "registration-verify",
				Map.of("name", fullName, "institution", institution.name(), "token", token, "hours",
						VALIDITY.toHours()));
		this.audit.recordFor(AuditRecord.change(action, "users", user.getId(), null,
				Map.of("email", email, "fullName", fullName, "institutionId", institution.institutionId(), "roles",
						List.of(DEFAULT_ROLE.name()), "status", "INVITED")), user);
	}

	/** Whether a confirmation link can still be used (for showing the confirmation form). */
	@Transactional(readOnly = true)
	public boolean isUsable(String token) {
		return usableToken(token, this.clock.instant()).isPresent();
	}

	/**
	 * Confirms a registration: the link must be usable and the password the one chosen when
	 * registering. Activates the account and returns the e-mail address to sign in with.
	 */
	@Transactional
	public String confirm(String token, String password) {
		Instant now = this.clock.instant();
		AccountToken found = usableToken(token, now).orElseThrow(() -> new InvalidInputException("token", UNUSABLE));
		User user = this.users.findById(found.getUserId()).orElseThrow(() -> new InvalidInputException("token", UNUSABLE));
		if (user.getStatus() != UserStatus.INVITED) {
			throw new StateTransitionException("This account has already been activated. Sign in instead.");
		}
		if (password == null || !this.passwords.matches(password, user.getPasswordHash())) {
			throw new InvalidInputException("password", "That is not the password you chose when you registered.");
		}
		if (this.tokens.redeem(TokenHashing.sha256Hex(token.strip()), now) != 1) {
			throw new InvalidInputException("token", UNUSABLE);
		}
		user.confirmRegistration(now);
		this.audit.recordFor(AuditRecord.change("USER_ACTIVATED", "users", user.getId(), Map.of("status", "INVITED"),
				Map.of("status", "ACTIVE", "via", "self-registration")), user);
		return user.getEmail();
	}

	private Optional<AccountToken> usableToken(String token, Instant now) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHashAndPurpose(TokenHashing.sha256Hex(token.strip()),
				AccountToken.Purpose.REGISTRATION).filter(t -> t.usableAt(now));
	}

	/** An INVITED account that started as a self-registration (not an administrator's invitation). */
	private boolean awaitsConfirmation(User user) {
		return user.getStatus() == UserStatus.INVITED
				&& this.tokens.existsByUserIdAndPurpose(user.getId(), AccountToken.Purpose.REGISTRATION);
	}

}
