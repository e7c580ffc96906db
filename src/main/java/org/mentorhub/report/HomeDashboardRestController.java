package org.mentorhub.report;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON twins of the personal dashboards of the home page (so far: the mentor's mentees at a glance). */
@RestController
@Tag(name = "Reports")
class HomeDashboardRestController {

	private final MenteeGlances glances;

	HomeDashboardRestController(MenteeGlances glances) {
		this.glances = glances;
	}

	/**
	 * One active mentee of the caller at a glance.
	 * @param nextSession the start of the next session (UTC), null when none is planned
	 * @param goals how many goals the mentee has (0: none), {@code goalsCompleted} of them completed
	 * @param averageGoalProgress their average progress in percent, null without goals
	 * @param health HEALTHY, AT_RISK or STALLED; null until computed
	 */
	record MenteeGlanceResponse(long mentorshipId, long menteeId, String menteeName, Instant nextSession,
			int openActionItems, int goals, int goalsCompleted, Integer averageGoalProgress, int openAlerts,
			String health) {

		static MenteeGlanceResponse of(MenteeGlances.MenteeGlance g) {
			return new MenteeGlanceResponse(g.mentorshipId(), g.menteeId(), g.menteeName(), g.nextSession(),
					g.openActionItems(), g.goals() == null ? 0 : g.goals().goals(),
					g.goals() == null ? 0 : g.goals().completed(), g.goals() == null ? null : g.goals().averageProgress(),
					g.openAlerts(), g.health());
		}

	}

	@GetMapping("/api/v1/reports/my-mentees")
	@Operation(summary = "My mentees at a glance",
			description = "Mentors: each active mentee (at most 50, by name) with the next session, the open action "
					+ "items of their sessions, goal progress, open alerts and relationship health, as on the home "
					+ "page. Anyone who is not a mentor: 403.")
	List<MenteeGlanceResponse> myMentees() {
		return this.glances.mine().stream().map(MenteeGlanceResponse::of).toList();
	}

}
