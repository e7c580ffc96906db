package org.mentorhub.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A service provider interface of the session module: busy times that people keep in an outside
 * calendar (such as Microsoft 365 through Graph), removed from the slots the booking view offers. The
 * session module knows no implementation; a module that connects calendars provides one as a bean
 * (integration.microsoft does), so the dependency points from that module to this one. Without a bean,
 * booking works as before.
 */
public interface ExternalBusyTimes {

	/**
	 * What the outside calendars of these people say about the time from {@code from} (included) to {@code to} (excluded). Must answer quickly (a
	 * short timeout and a cache) and never throw: an outage is {@link Answer#unavailable()}.
	 */
	Answer busy(Collection<Long> userIds, Instant from, Instant to);

	/** A busy time in an outside calendar. */
	record Interval(Instant start, Instant end) {

		/** Whether the time from {@code from} (included) to {@code to} (excluded) overlaps this interval. */
		public boolean overlaps(Instant from, Instant to) {
			return this.start.isBefore(to) && this.end.isAfter(from);
		}

	}

	/**
	 * @param busy the busy times of everyone whose calendar answered
	 * @param consulted whether any of the people has a connected outside calendar
	 * @param unavailable whether a connected calendar could not be read (the slots then come from
	 * MentorHub's own availability only)
	 */
	record Answer(List<Interval> busy, boolean consulted, boolean unavailable) {

		/** Nobody has a connected calendar. */
		public static Answer none() {
			return new Answer(List.of(), false, false);
		}

	}

}
