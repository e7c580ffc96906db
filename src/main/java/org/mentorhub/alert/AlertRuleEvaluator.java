package org.mentorhub.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.mentorhub.goal.GoalSignals;
import org.mentorhub.mentorship.MentorshipSignals;
import org.mentorhub.mentorship.MentorshipSignals.ActiveMentorship;
import org.mentorhub.profile.AcademicRecords.Held;
import org.mentorhub.profile.AcademicSignals;
import org.mentorhub.profile.RiskLevel;
import org.mentorhub.session.SessionSignals;
import org.springframework.stereotype.Component;

/**
 * Decides which of a batch of students each rule flags, and why, with one batch lookup per kind of data
 * through the owning modules' facades (profile's academic records, session's no-shows, last completed
 * sessions and overdue action items, mentorship's active mentorships, goal's goals needing attention):
 * a fixed number of queries for any number of students. It writes nothing.
 */
@Component
class AlertRuleEvaluator {

	private final AcademicSignals academic;

	private final SessionSignals sessions;

	private final MentorshipSignals mentorships;

	private final GoalSignals goals;

	AlertRuleEvaluator(AcademicSignals academic, SessionSignals sessions, MentorshipSignals mentorships,
			GoalSignals goals) {
		this.academic = academic;
		this.sessions = sessions;
		this.mentorships = mentorships;
		this.goals = goals;
	}

	/** For each rule, the students of the batch it flags (in the batch's order), each with the reason. */
	Map<AlertRuleKind, Map<Long, String>> flagged(Collection<AlertRuleView> rules, List<Long> students, Instant now) {
		Map<AlertRuleKind, Map<Long, String>> flagged = new EnumMap<>(AlertRuleKind.class);
		if (students.isEmpty() || rules.isEmpty()) {
			return flagged;
		}
		Set<AlertRuleKind> kinds = rules.stream().map(AlertRuleView::kind).collect(Collectors.toSet());
		Map<Long, Held> held = kinds.contains(AlertRuleKind.GPA_BELOW) || kinds.contains(AlertRuleKind.ATTENDANCE_BELOW)
				|| kinds.contains(AlertRuleKind.RISK_HIGH) ? this.academic.held(students) : Map.of();
		for (AlertRuleView rule : rules) {
			Map<Long, String> reasons = new LinkedHashMap<>();
			switch (rule.kind()) {
				case GPA_BELOW -> students.forEach(s -> {
					BigDecimal gpa = held.containsKey(s) ? held.get(s).gpa() : null;
					if (gpa != null && gpa.compareTo(rule.threshold()) < 0) {
						reasons.put(s, "GPA is " + plain(gpa) + ", below the rule's threshold of " + plain(rule.threshold())
								+ ".");
					}
				});
				case ATTENDANCE_BELOW -> students.forEach(s -> {
					BigDecimal attendance = held.containsKey(s) ? held.get(s).attendancePct() : null;
					if (attendance != null && attendance.compareTo(rule.threshold()) < 0) {
						reasons.put(s, "Attendance is " + plain(attendance) + "%, below the rule's threshold of "
								+ plain(rule.threshold()) + "%.");
					}
				});
				case RISK_HIGH -> students.forEach(s -> {
					if (held.containsKey(s) && held.get(s).riskLevel() == RiskLevel.HIGH) {
						reasons.put(s, "The risk level is high.");
					}
				});
				case NO_SHOWS -> {
					int weeks = rule.windowWeeks();
					int least = rule.threshold().intValue();
					Map<Long, Integer> noShows = this.sessions.noShows(students, now.minus(Duration.ofDays(7L * weeks)));
					students.forEach(s -> {
						int n = noShows.getOrDefault(s, 0);
						if (n >= least) {
							reasons.put(s, n + (n == 1 ? " no-show" : " no-shows") + " in the last " + weeks
									+ (weeks == 1 ? " week" : " weeks") + " (the rule flags " + least + " or more).");
						}
					});
				}
				case GOAL_AT_RISK -> {
					Map<Long, Integer> goals = this.goals.needingAttention(students, LocalDate.ofInstant(now, ZoneOffset.UTC));
					students.forEach(s -> {
						int n = goals.getOrDefault(s, 0);
						if (n > 0) {
							reasons.put(s, n + (n == 1 ? " goal is" : " goals are") + " at risk or past the target date.");
						}
					});
				}
				case NO_RECENT_SESSION -> {
					int days = rule.threshold().intValue();
					Instant cutoff = now.minus(Duration.ofDays(days));
					List<ActiveMentorship> active = this.mentorships.active(students);
					Map<Long, Instant> last = active.isEmpty() ? Map.of()
							: this.sessions.lastCompleted(active.stream().map(ActiveMentorship::id).toList());
					Map<Long, Boolean> quiet = new HashMap<>();
					for (ActiveMentorship m : active) {
						Instant since = last.getOrDefault(m.id(), m.activeSince());
						if (since.isBefore(cutoff)) {
							quiet.put(m.menteeId(), true);
						}
					}
					students.stream().filter(quiet::containsKey).forEach(s -> reasons.put(s,
							"No completed session in an active mentorship for more than " + days + " days."));
				}
				case ACTION_ITEMS_OVERDUE -> {
					int days = rule.threshold().intValue();
					Map<Long, Integer> overdue = this.sessions.overdueActionItems(students, now.minus(Duration.ofDays(days)));
					students.forEach(s -> {
						int n = overdue.getOrDefault(s, 0);
						if (n > 0) {
							reasons.put(s, n + (n == 1 ? " action item is" : " action items are") + " overdue by more than "
									+ days + (days == 1 ? " day." : " days."));
						}
					});
				}
			}
			flagged.put(rule.kind(), reasons);
		}
		return flagged;
	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
