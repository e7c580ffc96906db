package org.mentorhub.alert;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoContext.Standing;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * Early alerts for the demo students whose standing (recorded by the profile seed) is at risk, each
 * with its first history entry, owned by the student's active mentor (from the mentorship seed's
 * pairings) and open under its rule's source, raised for the administrator who switched the rule on
 * ({@link AlertRuleDemoData}), as {@link AlertRuleSweep} opens them. Written as
 * rows rather than through the service so that their ages are spread over the last weeks.
 */
@Component
class AlertDemoData implements DemoSeed {

	private final DemoRows rows;

	AlertDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 550;
	}

	@Override
	public void seed(DemoContext demo) {
		long institution = demo.institution(DemoContext.UNIVERSITY);
		// The university's administrator switched the GPA and attendance rules on (AlertRuleDemoData).
		Long admin = demo.person("admin@northbridge.demo");
		java.util.Map<Long, Long> mentors = new java.util.HashMap<>();
		for (DemoContext.Pairing pairing : demo.pairings(DemoContext.UNIVERSITY)) {
			if ("ACTIVE".equals(pairing.status())) {
				mentors.putIfAbsent(pairing.menteeId(), pairing.mentorId());
			}
		}
		for (Standing standing : demo.standings(DemoContext.UNIVERSITY)) {
			if (!"LOW".equals(standing.risk())) {
				alert(demo, institution, standing, mentors.get(standing.studentId()), admin);
			}
		}
	}

	private void alert(DemoContext demo, long institution, Standing standing, Long owner, Long rulesEnabler) {
		String source = standing.attendancePct().doubleValue() < 75 ? AlertRuleKind.ATTENDANCE_BELOW.sourceRef()
				: AlertRuleKind.GPA_BELOW.sourceRef();
		boolean attendanceProblem = standing.attendancePct().doubleValue() < 75;
		long alert = this.rows.insert("alerts", row("institution_id", institution, "student_id",
				standing.studentId(), "severity", standing.risk().equals("HIGH") ? "CRITICAL" : "WARN", "category",
				attendanceProblem ? "ATTENDANCE" : "GPA", "message",
				attendanceProblem ? "Attendance is " + standing.attendancePct() + "%, below the 75% threshold."
						: "GPA is " + standing.gpa() + ", below the rule's threshold of 2.8.",
				"source_ref", source, "open_key", source, "owner_id", owner, "raised_by_id", rulesEnabler, "status", "OPEN",
				"created_at", demo.now().minusDays(demo.random().nextInt(20)), "updated_at", demo.now().minusDays(1)));
		this.rows.insert("alert_events", row("alert_id", alert, "to_status", "OPEN", "note",
				"Raised by the nightly rule run.", "created_at", demo.now().minusDays(20)));
	}

}
