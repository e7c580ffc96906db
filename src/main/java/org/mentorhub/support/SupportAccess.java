package org.mentorhub.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what with support issues, in one place. Anyone signed in reports an issue and sees their
 * own. An institution's administrators are its staff: they see, answer, assign, move and escalate its
 * issues. The platform administrator is staff of the issues escalated to the platform only. Internal
 * notes reach staff alone. The reporter (when not staff) may close their issue and reopen it within
 * {@link #REOPEN_WINDOW} of its resolution. Anything out of reach is "not found".
 */
@Component
class SupportAccess {

	/** How long after its resolution the reporter may reopen an issue. */
	static final Duration REOPEN_WINDOW = Duration.ofDays(14);

	/** The signed-in caller, with what the rules need. */
	record Reader(long id, Long institutionId, boolean admin, boolean platformAdmin) {

		/** Whether the reader handles an issue of this institution, escalated or not. */
		boolean staffOf(long institutionId, boolean escalated) {
			return (this.admin && this.institutionId != null && this.institutionId == institutionId)
					|| (this.platformAdmin && escalated);
		}

		/** Whether the reader works a queue at all. */
		boolean handlesIssues() {
			return (this.admin && this.institutionId != null) || this.platformAdmin;
		}

	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	SupportAccess(JdbcClient jdbc, Tenancy tenancy) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	Reader reader() {
		Actor actor = this.tenancy.actor();
		return new Reader(actor.id(), actor.institutionId(), this.tenancy.hasRole("ADMIN"),
				this.tenancy.hasRole("PLATFORM_ADMIN"));
	}

	/** The transitions this reader may take on an issue now (the table's, narrowed to the reader's part). */
	static List<IssueStatus.Action> actions(Reader reader, boolean staff, Long reporterId, IssueStatus status,
			Instant resolvedAt, Instant now) {
		List<IssueStatus.Action> actions = new ArrayList<>();
		for (IssueStatus.Action action : status.actions()) {
			if (staff || (reporterId != null && reporterId == reader.id() && reporterMay(action, resolvedAt, now))) {
				actions.add(action);
			}
		}
		return actions;
	}

	/** What the reporter may do: close, and reopen within the window after the resolution. */
	static boolean reporterMay(IssueStatus.Action action, Instant resolvedAt, Instant now) {
		return action == IssueStatus.Action.CLOSE || (action == IssueStatus.Action.REOPEN && withinReopenWindow(resolvedAt, now));
	}

	static boolean withinReopenWindow(Instant resolvedAt, Instant now) {
		return resolvedAt != null && !now.isAfter(resolvedAt.plus(REOPEN_WINDOW));
	}

	/** The active administrators of an institution. */
	List<Long> administrators(long institutionId) {
		return this.jdbc.sql("""
				SELECT DISTINCT p.id FROM identity_people p JOIN identity_person_roles r ON r.user_id = p.id
				WHERE p.institution_id = :inst AND p.status = 'ACTIVE' AND r.role = 'ADMIN' ORDER BY p.id""")
			.param("inst", institutionId)
			.query(Long.class)
			.list();
	}

	/** The active platform administrators. */
	List<Long> platformAdministrators() {
		return this.jdbc.sql("""
				SELECT DISTINCT p.id FROM identity_people p JOIN identity_person_roles r ON r.user_id = p.id
				WHERE p.status = 'ACTIVE' AND r.role = 'PLATFORM_ADMIN' ORDER BY p.id""")
			.query(Long.class)
			.list();
	}

	/**
	 * Who may be given an issue: the active administrators of its institution and, once it is escalated,
	 * the platform administrators; by name.
	 */
	List<SupportDesk.PersonChoice> assignees(long institutionId, boolean escalated) {
		return this.jdbc.sql("""
				SELECT DISTINCT p.id, p.full_name FROM identity_people p JOIN identity_person_roles r ON r.user_id = p.id
				WHERE p.status = 'ACTIVE' AND ((r.role = 'ADMIN' AND p.institution_id = :inst)
				      OR (r.role = 'PLATFORM_ADMIN' AND :escalated = 1))
				ORDER BY p.full_name, p.id LIMIT 500""")
			.param("inst", institutionId)
			.param("escalated", escalated ? 1 : 0)
			.query((rs, i) -> new SupportDesk.PersonChoice(rs.getLong("id"), rs.getString("full_name")))
			.list();
	}

}
