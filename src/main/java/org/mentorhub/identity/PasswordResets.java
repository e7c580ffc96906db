package org.mentorhub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.organization.InstitutionAccountRules;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.Mailer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail (QUALITY S5). A request always gets the same answer, whether or not the
 * address belongs to an account (S4); for an active account it mails a link with a token of 256
 * random bits, of which only the SHA-256 is stored. The link works once, for 30 minutes, and is
 * built from the configured base URL. Using it ends every session of the user, withdraws their
 * other reset links and mails them a notice. Where the institution turns the security question on
 * and the user has set one, the answer is asked as well, after the token: never instead of it.
 */
@Service
public class PasswordResets {

	/** How long a reset link works. */
	public static final Duration VALIDITY = Duration.ofMinutes(30);

	/** The message for a reset link that has expired or has been used. */
	public static final String UNUSABLE = "This reset link has expired or has already been used. Request a new one.";

	private final UserRepository users;

	private final PasswordResetRepository resets;

	private final InstitutionAccountRules rules;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final UserSessions sessions;

	private final Mailer mailer;

	private final AccountAudit audit;

	private final Clock clock;

	private final LoginThrottle throttle;

	private final ApplicationEventPublisher events;

	PasswordResets(UserRepository users, PasswordResetRepository resets, InstitutionAccountRules rules,
			PasswordPolicy policy, PasswordEncoder passwords, UserSessions sessions, Mailer mailer, AccountAudit audit,
			Clock clock, LoginThrottle throttle, ApplicationEventPublisher events) {
		this.events = events;
		this.throttle = throttle;
		this.users = users;
		this.resets = resets;
		this.rules = rules;
		this.policy = policy;
		this.passwords = passwords;
		this.sessions = sessions;
		this.mailer = mailer;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A reset link that can still be used.
	 * @param securityQuestion the question to answer as well, or {@code null} when none is asked
	 */
	public record PendingReset(String securityQuestion) {

		/** Whether the answer to a security question is needed. */
		public boolean asksSecurityQuestion() {
			return this.securityQuestion != null;
		}

	}

	/**
	 * Handles one forgot-password request. It returns nothing, so that callers cannot tell known
	 * from unknown addresses; only a malformed address is refused. This is the one entry point of
	 * reset requests, so brute-force throttling wraps exactly this method.
	 * @param email the address typed by the person
	 * @param clientAddress the requesting client's IP address, stored with the request
	 */
	@Transactional
	public void requestReset(String email, String clientAddress) {
		String address = Invitations.normalizeEmail(email);
		if (!Invitations.EMAIL.matcher(address).matches() || address.length() > 320) {
			throw new InvalidInputException("email", "Enter a valid e-mail address.");
		}
		// Every request counts against the address and the client (QUALITY S3): past the limit the
		// answer stays the same, but no more mail goes out, so nobody can flood an inbox.
		LoginThrottle.Verdict verdict = this.throttle.check(LoginThrottle.Action.RESET, address, clientAddress);
		this.throttle.recordFailure(LoginThrottle.Action.RESET, address, clientAddress);
		if (!verdict.allowed()) {
			return;
		}
		Optional<User> found = this.users.findByEmail(address)
			.filter(user -> user.getStatus() == UserStatus.ACTIVE);
		if (found.isEmpty()) {
			return;
		}
		User user = found.get();
		Instant now = this.clock.instant();
		String token = TokenHashing.newToken();
		this.resets.save(PasswordReset.requested(user.getId(), TokenHashing.sha256Hex(token), now.plus(VALIDITY),
				clientAddress, now));
		this.mailer.send(user.getEmail(), "Reset your MentorHub password", "password-reset",
				Map.of("name", user.getFullName(), "token", token, "minutes", VALIDITY.toMinutes()));
		this.audit.recordFor(AuditRecord.of("PASSWORD_RESET_REQUESTED", "users", user.getId()), user);
	}

	/** The reset behind a link, if the link can still be used (for showing the new-password form). */
	@Transactional(readOnly = true)
	public Optional<PendingReset> pending(String token) {
		Instant now = this.clock.instant();
		return usableReset(token, now).flatMap(reset -> this.users.findById(reset.getUserId()))
			.filter(user -> user.getStatus() == UserStatus.ACTIVE)
			.map(user -> new PendingReset(asksSecurityQuestion(user) ? user.getSecurityQuestion() : null));
	}

	/**
	 * Sets a new password through a reset link. The password must pass the policy and, where asked,
	 * the security answer must match; a wrong answer uses up the link, so that answers cannot be
	 * guessed one after another. Exactly one of two concurrent redemptions succeeds.
	 * @param token the token from the e-mailed link
	 * @param newPassword the new password
	 * @param securityAnswer the answer to the security question, when one is asked
	 * @return the e-mail address to sign in with
	 */
	@Transactional(noRollbackFor = WrongSecurityAnswerException.class)
	public String reset(String token, String newPassword, String securityAnswer) {
		Instant now = this.clock.instant();
		PasswordReset reset = usableReset(token, now).orElseThrow(() -> new InvalidInputException("token", UNUSABLE));
		User user = this.users.findById(reset.getUserId())
			.filter(u -> u.getStatus() == UserStatus.ACTIVE)
			.orElseThrow(() -> new InvalidInputException("token", UNUSABLE));
		List<String> problems = this.policy.problems(newPassword, user.getEmail(), user.getUsername(),
				user.getFullName());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.stream().map(p -> new FieldProblem("password", p)).toList());
		}
		if (asksSecurityQuestion(user)) {
			String answer = SecurityAnswers.normalize(securityAnswer);
			if (answer.isEmpty()) {
				throw new InvalidInputException("securityAnswer",
						"Answer your security question: " + user.getSecurityQuestion());
			}
			if (!this.passwords.matches(answer, user.getSecurityAnswerHash())) {
				this.resets.redeem(reset.getTokenHash(), now);
				this.audit.recordFor(AuditRecord.of("PASSWORD_RESET_ANSWER_FAILED", "users", user.getId()), user);
				throw new WrongSecurityAnswerException();
			}
		}
		String hash = this.passwords.encode(newPassword);
		if (this.resets.redeem(reset.getTokenHash(), now) != 1) {
			throw new InvalidInputException("token", UNUSABLE);
		}
		this.resets.withdrawOpen(user.getId(), now);
		user.resetPassword(hash, now);
		this.users.saveAndFlush(user);
		this.sessions.endAll(user.getUsername(), null);
		this.mailer.send(user.getEmail(), "Your MentorHub password was changed", "password-changed",
				Map.of("name", user.getFullName(), "how", "reset"));
		this.audit.recordFor(AuditRecord.change("PASSWORD_RESET", "users", user.getId(), null,
				Map.of("signedOutEverywhere", true)), user);
		this.events.publishEvent(new AccountSecurityNotice(user.getId(), SecurityNoticeKind.PASSWORD_RESET, now));
		return user.getEmail();
	}

	private Optional<PasswordReset> usableReset(String token, Instant now) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.resets.findByTokenHash(TokenHashing.sha256Hex(token.strip())).filter(r -> r.usableAt(now));
	}

	private boolean asksSecurityQuestion(User user) {
		return user.hasSecurityQuestion() && user.getInstitutionId() != null && this.rules
			.forInstitution(user.getInstitutionId())
			.map(InstitutionAccountRules.Rules::securityQuestionEnabled)
			.orElse(false);
	}

	/** A wrong security answer: the link is used up, and that must stay so. */
	public static final class WrongSecurityAnswerException extends InvalidInputException {

		WrongSecurityAnswerException() {
			super("securityAnswer",
					"That answer does not match. For your safety this link no longer works; request a new one.");
		}

	}

	/** Security answers: compared without regard to case and surrounding or repeated spaces. */
	static final class SecurityAnswers {

		private SecurityAnswers() {
		}

		static String normalize(String answer) {
			return answer == null ? "" : answer.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		}

	}

}
