package org.mentorhub.wellbeing.coverage;

import java.time.LocalDate;
import java.util.List;

/**
 * A leave-coverage request as the caller may see it. {@code notes} (the handover notes) are null for
 * a proxy once the coverage is over or turned down; {@code covered} lists the mentees the proxy covers,
 * for her, the proxy and administrators, while the leave runs (empty otherwise). {@code actions} are
 * what the caller may do now.
 */
public record CoverageView(long id, long motherId, String motherName, long proxyId, String proxyName,
		CoverageStatus status, LocalDate startDate, LocalDate expectedEndDate, LocalDate actualEndDate, String notes,
		boolean approvalRequired, boolean approved, boolean started, List<String> returnPlan, Long returnersGroupId,
		List<CoveredMentee> covered, List<String> actions, long version) {

	/** A mentee whose mentor is on leave, covered by the proxy. */
	public record CoveredMentee(long mentorshipId, long menteeId, String menteeName) {
	}

	/** Whether the caller may take the action (ACCEPT, REJECT, APPROVE, CANCEL, RETURN). */
	public boolean can(String action) {
		return this.actions.contains(action);
	}

	/** Where the request stands in words the pages show (never a raw code). */
	public String phase() {
		return phaseOf(this.status, this.approvalRequired, this.approved, this.started);
	}

	/** Where a request stands ({@code wellbeing.coverage.phase.*}), for this view and the home page's plan. */
	static String phaseOf(CoverageStatus status, boolean approvalRequired, boolean approved, boolean started) {
		return switch (status) {
			case PENDING -> approvalRequired && !approved ? "pendingBoth" : "pending";
			case ACCEPTED -> started ? "onLeave" : approvalRequired && !approved ? "awaitingApproval" : "scheduled";
			case REJECTED -> "rejected";
			case COMPLETED -> "completed";
			case CANCELLED -> "cancelled";
		};
	}

}
