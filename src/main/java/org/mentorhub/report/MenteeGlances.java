package org.mentorhub.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mentorhub.alert.AlertStatistics;
import org.mentorhub.goal.GoalSignals;
import org.mentorhub.goal.GoalSignals.GoalProgress;
import org.mentorhub.mentorship.MentorshipHealthSource;
import org.mentorhub.mentorship.MentorshipHealthSource.MentorshipHealth;
import org.mentorhub.report.HomeQueries.GlanceRow;
import org.mentorhub.session.SessionSignals;
import org.mentorhub.platform.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each of a mentor's active mentees at a glance, for the mentor's home page: the next session, the open
 * action items of their sessions, goal progress, open alerts and relationship health. One statement for
 * the mentorships, then one batch lookup per figure through the owning module's facade (session, goal,
 * alert, and the mentorship health source), so the count of statements does not grow with the mentees.
 * Only the mentor's own active mentorships are read: a mentor never sees another mentor's mentee.
 */
@Component
@Transactional(readOnly = true)
class MenteeGlances {

	private final HomeQueries queries;

	private final SessionSignals sessions;

	private final GoalSignals goals;

	private final AlertStatistics alerts;

	private final ObjectProvider<MentorshipHealthSource> health;

	private final Clock clock;

	private final Tenancy tenancy;

	MenteeGlances(HomeQueries queries, SessionSignals sessions, GoalSignals goals, AlertStatistics alerts,
			ObjectProvider<MentorshipHealthSource> health, Clock clock, Tenancy tenancy) {
		this.tenancy = tenancy;
		this.queries = queries;
		this.sessions = sessions;
		this.goals = goals;
		this.alerts = alerts;
		this.health = health;
		this.clock = clock;
	}

	/**
	 * One mentee of the mentor.
	 * @param nextSession the start of the next session, null when none is planned
	 * @param goals null when the mentee has no goals
	 * @param health null until the health job has computed it (or without a health source)
	 */
	record MenteeGlance(long mentorshipId, long menteeId, String menteeName, Instant nextSession, int openActionItems,
			GoalProgress goals, int openAlerts, String health) {

		/** The next session's start as a local time in the viewer's zone (null when none is planned). */
		public java.time.LocalDateTime nextSessionIn(java.time.ZoneId zone) {
			return this.nextSession == null ? null : java.time.LocalDateTime.ofInstant(this.nextSession, zone);
		}

	}

	/** The caller's active mentees at a glance; refused (403) for anybody who is not a mentor. */
	List<MenteeGlance> mine() {
		if (!this.tenancy.hasRole("MENTOR")) {
			throw new AccessDeniedException("Only mentors have mentees");
		}
		return of(this.tenancy.actor().id());
	}

	/** The mentor's active mentees (at most {@link HomeQueries#GLANCE_LIMIT}), by name. */
	List<MenteeGlance> of(long mentorId) {
		List<GlanceRow> rows = this.queries.activeMentees(mentorId);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> mentorships = rows.stream().map(GlanceRow::id).toList();
		List<Long> mentees = rows.stream().map(GlanceRow::menteeId).distinct().toList();
		Map<Long, Instant> next = this.sessions.nextSessions(mentorships, this.clock.instant());
		Map<Long, Integer> items = this.sessions.openActionItems(mentorships);
		Map<Long, GoalProgress> progress = this.goals.progress(mentees);
		Map<Long, Integer> open = this.alerts.openAbout(mentees);
		MentorshipHealthSource source = this.health.getIfAvailable();
		Map<Long, MentorshipHealth> healths = source == null ? Map.of() : source.healthOf(mentorships);
		return rows.stream()
			.map(r -> new MenteeGlance(r.id(), r.menteeId(), r.menteeName(), next.get(r.id()), items.getOrDefault(r.id(), 0),
					progress.get(r.menteeId()), open.getOrDefault(r.menteeId(), 0),
					healths.containsKey(r.id()) ? healths.get(r.id()).health() : null))
			.toList();
	}

}
