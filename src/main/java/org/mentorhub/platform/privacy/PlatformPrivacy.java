package org.mentorhub.platform.privacy;

import java.util.List;
import java.util.Map;

import org.mentorhub.platform.UserDirectory;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the platform holds about a person (docs/privacy.md): background jobs they started and the mails
 * addressed to them in the outbox (found by their e-mail address, so this erases before identity does).
 */
@Component
class PlatformPrivacy extends TablePrivacyProvider {

	/** The retention rule of completed event publications. */
	static final String COMPLETED_EVENTS = "completed-events";

	private static final PersonalTable OUTBOX = PersonalTable.of("outbox_mails", Erasure.CUSTOM,
			"Mails sent to the person (recipient, subject, text), kept in the outbox.", "recipient");

	// Spring Session's rows name the signed-in username; identity exports their times and ends them through
	// Spring Session's repository (identity.UserSessions), which is why this provider neither exports nor
	// erases them itself.
	private static final PersonalTable SESSIONS = PersonalTable.of("spring_session", Erasure.CUSTOM,
			"The person's signed-in browser sessions (exported and ended by identity).", "principal_name");

	private static final List<PersonalTable> TABLES = List.of(PersonalTable.of("platform_jobs", Erasure.CLEAR,
			"Background jobs the person started (kind, progress, outcome).", "submitted_by"), OUTBOX, SESSIONS);

	private final UserDirectory users;

	PlatformPrivacy(JdbcClient jdbc, UserDirectory users) {
		super(jdbc);
		this.users = users;
	}

	@Override
	public String module() {
		return "platform";
	}

	@Override
	public String description() {
		return "Background jobs a person started, and the mails sent to them.";
	}

	@Override
	public String legalBasis() {
		return "Contract: doing the work the person asked for and telling them about it (GDPR Art. 6(1)(b)).";
	}

	@Override
	public String retention() {
		return "Jobs while their result is available; outbox mails until purged by the operator or the person is erased; "
				+ "completed event publications 30 days by default (changeable on /admin/privacy/retention).";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	/**
	 * Completed event publications keep each event's payload (an erasure's last mail carries the former
	 * address), so they are deleted after a period; incomplete ones stay until their listener succeeds.
	 */
	@Override
	public List<RetentionRule> retentionRules() {
		return List.of(RetentionRule.purged(COMPLETED_EVENTS, "platform",
				"Completed event publications (the record that a side effect such as a mail was done, with the event's data).",
				30, cutoff -> this.jdbc.sql("DELETE FROM EVENT_PUBLICATION WHERE completion_date < :cutoff")
					.param("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
					.update()));
	}

	@Override
	protected List<Map<String, Object>> exportRows(PersonalTable table, long userId) {
		if (table == SESSIONS) {
			return List.of();
		}
		if (table != OUTBOX) {
			return super.exportRows(table, userId);
		}
		String email = this.users.emailsOf(List.of(userId)).get(userId);
		if (email == null) {
			return List.of();
		}
		return this.jdbc.sql("SELECT id, recipient, subject, body_text, created_at FROM outbox_mails WHERE recipient = ? ORDER BY id")
			.param(email)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "recipient", rs.getString(2), "subject",
					rs.getString(3), "body_text", rs.getString(4), "created_at",
					rs.getTimestamp(5).toInstant().toString()))
			.list();
	}

	@Override
	protected int eraseCustom(PersonalTable table, long userId) {
		if (table == SESSIONS) {
			return 0;
		}
		String email = this.users.emailsOf(List.of(userId)).get(userId);
		return email == null ? 0
				: this.jdbc.sql("DELETE FROM outbox_mails WHERE recipient = ?").param(email).update();
	}

}
