package org.mentorhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.InstitutionAccountRules;
import org.mentorhub.organization.InstitutionSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.Mailer;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own account: an overview, and the changes that need the current password
 * again (re-authentication): the password, the e-mail address and the security question. Every
 * method acts on the caller's own account only; no id is ever taken from the request.
 * <p>
 * A new password ends the user's other sessions and is notified by mail. A new e-mail address takes
 * effect only once its owner opens the link mailed to it; the old address is told of the request,
 * and both addresses are told of the change.
 */
@Service
public class MyAccount {

	/** How long an e-mail change link works. */
	public static final Duration EMAIL_CHANGE_VALIDITY = Duration.ofHours(24);

	static final String WRONG_PASSWORD = "That is not your current password.";

	static final String EMAIL_LINK_UNUSABLE = "This confirmation link has expired or has already been used. "
			+ "Ask for the change again.";

	private final UserRepository users;

	private final AccountTokenRepository tokens;

	private final Organizations organizations;

	private final InstitutionAccountRules rules;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final UserSessions sessions;

	private final Tenancy tenancy;

	private final Mailer mailer;

	private final AuditTrail audit;

	private final AccountAudit accountAudit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MyAccount(UserRepository users, AccountTokenRepository tokens, Organizations organizations,
			InstitutionAccountRules rules, PasswordPolicy policy, PasswordEncoder passwords, UserSessions sessions,
			Tenancy tenancy, Mailer mailer, AuditTrail audit, AccountAudit accountAudit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.tokens = tokens;
		this.organizations = organizations;
		this.rules = rules;
		this.policy = policy;
		this.passwords = passwords;
		this.sessions = sessions;
		this.tenancy = tenancy;
		this.mailer = mailer;
		this.audit = audit;
		this.accountAudit = accountAudit;
		this.clock = clock;
	}

	/**
	 * The caller's account as they see it.
	 * @param securityQuestionAvailable whether their institution uses the security question
	 * @param securityQuestion their question, or {@code null} when none is set
	 */
	public record Overview(long id, String username, String email, String fullName, String institution,
			RoleName primaryRole, List<RoleName> roles, boolean securityQuestionAvailable, String securityQuestion) {
	}

	/** The caller's own account. */
	@Transactional(readOnly = true)
	public Overview overview() {
		User user = me();
		String institution = user.getInstitutionId() == null ? null
				: this.organizations.findInstitution(user.getInstitutionId()).map(InstitutionSummary::name).orElse(null);
		List<RoleName> roles = user.getRoles().stream().map(Role::getName).sorted().toList();
		return new Overview(user.getId(), user.getUsername(), user.getEmail(), user.getFullName(), institution,
				user.getPrimaryRole().getName(), roles, securityQuestionAvailable(user), user.getSecurityQuestion());
	}

	/**
	 * Changes the caller's password after checking the current one, and ends their other sessions.
	 * @param keepSessionId the session the change was made in, which stays signed in (null: none)
	 */
	@Transactional
	public void changePassword(String currentPassword, String newPassword, String keepSessionId) {
		User user = me();
		requireCurrentPassword(user, currentPassword);
		List<FieldProblem> problems = new ArrayList<>();
		this.policy.problems(newPassword, user.getEmail(), user.getUsername(), user.getFullName())
			.forEach(problem -> problems.add(new FieldProblem("newPassword", problem)));
		if (problems.isEmpty() && this.passwords.matches(newPassword, user.getPasswordHash())) {
			problems.add(new FieldProblem("newPassword", "Choose a password different from your current one."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		user.changePasswordHash(this.passwords.encode(newPassword), this.clock.instant());
		int ended = this.sessions.endAll(user.getUsername(), keepSessionId);
		this.mailer.send(user.getEmail(), "Your MentorHub password was changed", "password-changed",
				Map.of("name", user.getFullName(), "how", "change"));
		this.audit.record(AuditRecord.change("PASSWORD_CHANGED", "users", user.getId(), null,
				Map.of("otherSignInsEnded", ended)));
		this.events.publishEvent(
				new AccountSecurityNotice(user.getId(), SecurityNoticeKind.PASSWORD_CHANGED, this.clock.instant()));
	}

	/**
	 * Asks to change the caller's e-mail address after checking their password: mails a link to the
	 * new address and a notice to the current one. If the new address already belongs to an
	 * account, nothing is sent and the answer is the same, so that addresses cannot be probed.
	 */
	@Transactional
	public void requestEmailChange(String newEmail, String currentPassword) {
		User user = me();
		requireCurrentPassword(user, currentPassword);
		String email = Invitations.normalizeEmail(newEmail);
		if (!Invitations.EMAIL.matcher(email).matches() || email.length() > 320) {
			throw new InvalidInputException("newEmail", "Enter a valid e-mail address.");
		}
		if (email.equalsIgnoreCase(user.getEmail())) {
			throw new InvalidInputException("newEmail", "This is already your e-mail address.");
		}
		Instant now = this.clock.instant();
		if (this.users.existsByEmail(email)) {
			return;
		}
		this.tokens.withdrawOpen(user.getId(), AccountToken.Purpose.EMAIL_CHANGE, now);
		String token = TokenHashing.newToken();
		this.tokens.save(AccountToken.issue(user.getId(), AccountToken.Purpose.EMAIL_CHANGE,
				TokenHashing.sha256Hex(token), email, now.plus(EMAIL_CHANGE_VALIDITY), user.getId(), now));
		this.mailer.send(email, "Confirm your new MentorHub e-mail address", "email-change-confirm",
				Map.of("name", user.getFullName(), "token", token, "hours", EMAIL_CHANGE_VALIDITY.toHours()));
		this.mailer.send(user.getEmail(), "A change of your MentorHub e-mail address was requested",
				"email-change-notice", Map.of("name", user.getFullName(), "newEmail", email, "stage", "requested"));
		this.audit.record(AuditRecord.change("EMAIL_CHANGE_REQUESTED", "users", user.getId(),
				Map.of("email", user.getEmail()), Map.of("requestedEmail", email)));
		this.events.publishEvent(new AccountSecurityNotice(user.getId(), SecurityNoticeKind.EMAIL_CHANGE_REQUESTED, now));
	}

	/**
	 * The new address, if this e-mail change link can still be used (for showing the confirmation
	 * form).
	 */
	@Transactional(readOnly = true)
	public Optional<String> pendingEmailChange(String token) {
		return usableEmailToken(token, this.clock.instant()).map(AccountToken::getNewEmail);
	}

	/**
	 * Confirms an e-mail change through the link mailed to the new address: the address changes and
	 * both addresses get a notice. Works without signing in; the link itself is the proof.
	 * @return the new address
	 */
	@Transactional
	public String confirmEmailChange(String token) {
		Instant now = this.clock.instant();
		AccountToken found = usableEmailToken(token, now)
			.orElseThrow(() -> new InvalidInputException("token", EMAIL_LINK_UNUSABLE));
		User user = this.users.findById(found.getUserId())
			.orElseThrow(() -> new InvalidInputException("token", EMAIL_LINK_UNUSABLE));
		String newEmail = found.getNewEmail();
		if (this.users.existsByEmail(Invitations.normalizeEmail(newEmail))) {
			throw new StateTransitionException("This address now belongs to another account; it cannot be yours too.");
		}
		if (this.tokens.redeem(TokenHashing.sha256Hex(token.strip()), now) != 1) {
			throw new InvalidInputException("token", EMAIL_LINK_UNUSABLE);
		}
		String oldEmail = user.getEmail();
		user.changeEmail(newEmail, now);
		Map<String, Object> model = Map.of("name", user.getFullName(), "oldEmail", oldEmail, "newEmail", newEmail,
				"stage", "changed");
		this.mailer.send(oldEmail, "Your MentorHub e-mail address was changed", "email-change-notice", model);
		this.mailer.send(newEmail, "Your MentorHub e-mail address was changed", "email-change-notice", model);
		this.accountAudit.recordFor(AuditRecord.change("EMAIL_CHANGED", "users", user.getId(),
				Map.of("email", oldEmail), Map.of("email", newEmail)), user);
		this.events.publishEvent(new AccountSecurityNotice(user.getId(), SecurityNoticeKind.EMAIL_CHANGED, now));
		return newEmail;
	}

	/**
	 * Sets the caller's security question and answer, after checking their password. Only where the
	 * institution uses the security question; the answer is stored hashed.
	 */
	@Transactional
	public void chooseSecurityQuestion(String question, String answer, String currentPassword) {
		User user = me();
		if (!securityQuestionAvailable(user)) {
			throw new StateTransitionException("Your institution does not use a security question.");
		}
		requireCurrentPassword(user, currentPassword);
		String cleanQuestion = question == null ? "" : question.strip();
		String cleanAnswer = PasswordResets.SecurityAnswers.normalize(answer);
		List<FieldProblem> problems = new ArrayList<>();
		if (cleanQuestion.length() < 5 || cleanQuestion.length() > 300) {
			problems.add(new FieldProblem("question", "Write a question of 5 to 300 characters."));
		}
		if (cleanAnswer.length() < 3 || cleanAnswer.length() > 200) {
			problems.add(new FieldProblem("answer", "Write an answer of 3 to 200 characters."));
		}
		else if (cleanQuestion.toLowerCase(java.util.Locale.ROOT).contains(cleanAnswer)) {
			problems.add(new FieldProblem("answer", "The answer must not be part of the question."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean hadOne = user.hasSecurityQuestion();
		user.chooseSecurityQuestion(cleanQuestion, this.passwords.encode(cleanAnswer), this.clock.instant());
		this.audit.record(AuditRecord.change("SECURITY_QUESTION_CHANGED", "users", user.getId(),
				Map.of("securityQuestionSet", hadOne), Map.of("securityQuestionSet", true)));
		this.events.publishEvent(new AccountSecurityNotice(user.getId(), SecurityNoticeKind.SECURITY_QUESTION_CHANGED,
				this.clock.instant()));
	}

	private boolean securityQuestionAvailable(User user) {
		return user.getInstitutionId() != null && this.rules.forInstitution(user.getInstitutionId())
			.map(InstitutionAccountRules.Rules::securityQuestionEnabled)
			.orElse(false);
	}

	/**
	 * Whether the signed-in account signs in with a password (an account made by single sign-on may
	 * have none): a step that asks to confirm with the password asks for something else then.
	 */
	public boolean hasPassword() {
		return me().getPasswordHash() != null;
	}

	/**
	 * Checks the signed-in person's password before a step that cannot be undone (an erasure request);
	 * a wrong or missing one is a 400 on the field {@code password}.
	 */
	public void confirmPassword(String password) {
		User user = me();
		if (password == null || password.isEmpty() || user.getPasswordHash() == null
				|| !this.passwords.matches(password, user.getPasswordHash())) {
			throw new InvalidInputException("password", WRONG_PASSWORD);
		}
	}

	private void requireCurrentPassword(User user, String currentPassword) {
		if (currentPassword == null || currentPassword.isEmpty()
				|| !this.passwords.matches(currentPassword, user.getPasswordHash())) {
			throw new InvalidInputException("currentPassword", WRONG_PASSWORD);
		}
	}

	private Optional<AccountToken> usableEmailToken(String token, Instant now) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHashAndPurpose(TokenHashing.sha256Hex(token.strip()),
				AccountToken.Purpose.EMAIL_CHANGE).filter(t -> t.usableAt(now));
	}

	private User me() {
		long id = this.tenancy.actor().id();
		return this.users.findById(id).orElseThrow(() -> new org.mentorhub.platform.NotFoundException("Account not found"));
	}

}
