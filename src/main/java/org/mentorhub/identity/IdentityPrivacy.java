package org.mentorhub.identity;

import java.util.List;
import java.util.Map;

import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the identity module holds about a person (docs/privacy.md). Erasure pseudonymises the account
 * instead of deleting it: the row keeps its id (every shared record refers to it) and loses its name,
 * e-mail address, password and security answer, so that shared records show "former member". It runs last.
 */
@Component
class IdentityPrivacy extends TablePrivacyProvider {

	/** The name an erased account shows everywhere. */
	static final String FORMER_MEMBER = "Former member";

	private static final List<PersonalTable> TABLES = List.of(
			PersonalTable.of("users", Erasure.CUSTOM,
					"The account: username, e-mail address, full name, status, time zone, language and last sign-in (password and security answer hashes are never exported).",
					"id").hiding("security_answer_hash", "password_hash"),
			PersonalTable.of("user_roles", Erasure.KEEP, "The roles the account has.", "user_id"),
			PersonalTable.of("password_resets", Erasure.DELETE, "Pending password-reset links (hashed).", "user_id"),
			PersonalTable.of("account_tokens", Erasure.DELETE_OWN,
					"Invitation and e-mail-change links for the account (hashed), and who created them.", "user_id",
					"created_by_id"),
			PersonalTable.of("personal_access_tokens", Erasure.DELETE, "API tokens the person created (hashed).",
					"user_id"),
			PersonalTable.of("user_imports", Erasure.CLEAR, "User imports an administrator uploaded.",
					"uploaded_by_id"),
			PersonalTable.of("user_import_rows", Erasure.DELETE, "Rows of a user import that created the account.",
					"user_id"));

	private final UserSessions sessions;

	IdentityPrivacy(JdbcClient jdbc, UserSessions sessions) {
		super(jdbc);
		this.sessions = sessions;
	}

	/** The account, its tokens, and its signed-in browser sessions (times only, never their ids). */
	@Override
	public Map<String, List<Map<String, Object>>> export(long userId) {
		Map<String, List<Map<String, Object>>> export = super.export(userId);
		export.put("browser_sessions", username(userId).map(name -> this.sessions.activeSessions(name)
			.stream()
			.map(session -> Map.<String, Object>of("created_at", session.createdAt().toString(), "last_accessed_at",
					session.lastAccessedAt().toString()))
			.toList()).orElse(List.of()));
		return export;
	}

	/** Signs the person out everywhere (the Spring Session rows, see PlatformPrivacy), then erases. */
	@Override
	public Map<String, Integer> erase(long userId) {
		int ended = username(userId).map(name -> this.sessions.endAll(name, null)).orElse(0);
		Map<String, Integer> erased = super.erase(userId);
		erased.put("browser_sessions", ended);
		return erased;
	}

	private java.util.Optional<String> username(long userId) {
		return this.jdbc.sql("SELECT username FROM users WHERE id = ?").param(userId).query(String.class).optional();
	}

	@Override
	public String module() {
		return "identity";
	}

	@Override
	public String description() {
		return "The account of a person (name, e-mail address, username, roles, language, time zone, sign-in times) and their password-reset links, invitations and API tokens.";
	}

	@Override
	public String legalBasis() {
		return "Contract: the account is needed to use MentorHub (GDPR Art. 6(1)(b)).";
	}

	@Override
	public String retention() {
		return "While the account exists; on erasure the account is pseudonymised (\"" + FORMER_MEMBER
				+ "\") and its links and tokens deleted.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	@Override
	public int erasureOrder() {
		return Integer.MAX_VALUE;
	}

	@Override
	protected int eraseCustom(PersonalTable table, long userId) {
		String pseudonym = "erased-" + userId;
		return this.jdbc.sql("""
				UPDATE users SET username = :pseudonym, email = :email, full_name = :name, password_hash = NULL,
				  security_question = NULL, security_answer_hash = NULL, status = 'DISABLED', last_login_at = NULL,
				  version = version + 1
				WHERE id = :id AND username <> :pseudonym""")
			.param("pseudonym", pseudonym)
			.param("email", pseudonym + "@erased.invalid")
			.param("name", FORMER_MEMBER)
			.param("id", userId)
			.update();
	}

}
