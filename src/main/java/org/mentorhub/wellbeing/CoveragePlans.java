package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * New mothers' leave-coverage plans at a glance, for their home page: for each mother, her requests (at
 * most {@link #SHOWN}: the open ones first, then by first day of leave, latest first), each with who
 * covers, from when to when, where it stands and how many of her mentees the leave handed over. One
 * statement for any number of mothers. No authorization here: the caller asks only for the mothers whose
 * plans it may show (the home page: the signed-in mother herself).
 */
public interface CoveragePlans {

	/** The most requests per mother. */
	int SHOWN = 5;

	/** Each mother's plan; a mother without requests has none in the map. */
	Map<Long, List<CoveragePlan>> of(Collection<Long> motherIds);

	/**
	 * One leave-coverage request of a mother.
	 * @param status PENDING, ACCEPTED, REJECTED, COMPLETED or CANCELLED
	 * @param phase where it stands in words' keys ({@code wellbeing.coverage.phase.*}): pending, pendingBoth,
	 * awaitingApproval, scheduled, onLeave, rejected, completed, cancelled
	 * @param endDate the actual last day once she is back, the expected one before
	 * @param coveredMentees the mentees she mentors whose mentorships the leave paused for the proxy (0 before
	 * the leave starts)
	 */
	record CoveragePlan(long requestId, long motherId, long proxyId, String proxyName, String status, String phase,
			LocalDate startDate, LocalDate endDate, int coveredMentees) {
	}

}
