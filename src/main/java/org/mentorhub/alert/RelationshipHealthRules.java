package org.mentorhub.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mentorhub.mentorship.ActiveMentorships.ActivePair;
import org.mentorhub.session.SessionCadence.Cadence;

/**
 * The health rules, without Spring: from a pair's session cadence, the institution's expectation and
 * the time, its status and the reasons in words. The worst signal decides.
 * <ul>
 * <li>no completed session (and none planned) for more than twice the expected interval: stalled;</li>
 * <li>for more than the expected interval: at risk;</li>
 * <li>two or more no-shows, or two or more cancellations, in the window: at risk;</li>
 * <li>a session request or proposal unanswered too long: at risk;</li>
 * <li>two or more overdue action items: at risk;</li>
 * <li>an average feedback rating below 3 of at least two ratings in the window: at risk.</li>
 * </ul>
 */
final class RelationshipHealthRules {

	/** What an institution expects: one completed session every so many days. */
	record Expectation(int expectedDays, int escalateAfterDays) {
	}

	/** A computed health. */
	record Assessment(RelationshipHealthStatus status, List<String> reasons) {

		String text() {
			return String.join("\n", this.reasons);
		}

	}

	private RelationshipHealthRules() {
	}

	static Assessment assess(ActivePair pair, Cadence cadence, Expectation expectation, int windowDays,
			int unansweredDays, Instant now) {
		RelationshipHealthStatus status = RelationshipHealthStatus.HEALTHY;
		List<String> reasons = new ArrayList<>();
		int expected = expectation.expectedDays();
		Instant from = cadence.lastCompletedAt() != null ? cadence.lastCompletedAt() : pair.since();
		long idle = Math.max(0, Duration.between(from, now).toDays());
		String every = "one every " + days(expected);
		if (cadence.upcoming() > 0) {
			reasons.add(cadence.upcoming() == 1 ? "A session is planned." : cadence.upcoming() + " sessions are planned.");
		}
		else if (idle > 2L * expected) {
			status = RelationshipHealthStatus.STALLED;
			reasons.add((cadence.lastCompletedAt() == null
					? "No session completed since the mentorship began " + days(idle) + " ago"
					: "No session completed in " + days(idle)) + " (expected " + every + "), and none is planned.");
		}
		else if (idle > expected) {
			status = RelationshipHealthStatus.AT_RISK;
			reasons.add((cadence.lastCompletedAt() == null ? "No session yet, " + days(idle) + " after the start"
					: "The last session was completed " + days(idle) + " ago") + " (expected " + every
					+ "); none is planned.");
		}
		else {
			reasons.add(cadence.lastCompletedAt() == null
					? "The mentorship began " + days(idle) + " ago; the first session is expected within " + days(expected)
							+ "."
					: "Sessions on schedule: the last one was completed " + days(idle) + " ago (expected " + every + ").");
		}
		String window = " in the last " + days(windowDays) + ".";
		if (cadence.noShows() >= 2) {
			status = status.worst(RelationshipHealthStatus.AT_RISK);
			reasons.add(cadence.noShows() + " sessions missed (no-shows)" + window);
		}
		if (cadence.cancellations() >= 2) {
			status = status.worst(RelationshipHealthStatus.AT_RISK);
			reasons.add(cadence.cancellations() + " sessions cancelled" + window);
		}
		if (cadence.unanswered() >= 1) {
			status = status.worst(RelationshipHealthStatus.AT_RISK);
			reasons.add((cadence.unanswered() == 1 ? "A session request is" : cadence.unanswered() + " session requests are")
					+ " waiting for an answer for more than " + days(unansweredDays) + ".");
		}
		if (cadence.overdueActionItems() >= 2) {
			status = status.worst(RelationshipHealthStatus.AT_RISK);
			reasons.add(cadence.overdueActionItems() + " action items are overdue.");
		}
		if (cadence.averageRating() != null && cadence.ratings() >= 2 && cadence.averageRating() < 3.0) {
			status = status.worst(RelationshipHealthStatus.AT_RISK);
			reasons.add(String.format(Locale.ROOT, "Feedback ratings average %.1f of 5 over %d ratings", cadence.averageRating(),
					cadence.ratings()) + window);
		}
		return new Assessment(status, reasons);
	}

	static String days(long days) {
		return days + (days == 1 ? " day" : " days");
	}

}
