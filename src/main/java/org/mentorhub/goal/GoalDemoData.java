package org.mentorhub.goal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoContext.Pairing;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * Two goals for every demo mentee of every mentorship, with the progress updates that led to their
 * progress; the latest update of each goal carries its progress and status, as the goal module keeps them.
 */
@Component
class GoalDemoData implements DemoSeed {

	/** A university student's goals. */
	static final String[][] STUDENT_GOALS = { { "Raise my GPA above 3.0", "ACADEMIC" },
			{ "Land a summer internship", "CAREER" }, { "Present at a conference", "SKILL" },
			{ "Build a weekly study routine", "PERSONAL" } };

	/** An employee's goals. */
	static final String[][] EMPLOYEE_GOALS = { { "Lead a project from start to finish", "CAREER" },
			{ "Give a talk at the engineering all-hands", "SKILL" }, { "Prepare for a promotion review", "CAREER" },
			{ "Learn a new part of the product", "SKILL" } };

	/** A new mother's goals: the return to work, not a student's. */
	static final String[][] MOTHER_GOALS = { { "Settle into a routine in my first month back", "WELLBEING" },
			{ "Agree flexible hours with my manager", "CAREER" }, { "Catch up with my team's projects", "SKILL" },
			{ "Keep one evening a week for myself", "PERSONAL" } };

	private final DemoRows rows;

	GoalDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 700;
	}

	@Override
	public void seed(DemoContext demo) {
		for (Pairing pairing : demo.pairings(DemoContext.UNIVERSITY)) {
			goals(demo, STUDENT_GOALS, pairing.menteeId(), pairing.mentorId(), pairing.mentorshipId());
		}
		List<Long> mothers = demo.group(DemoContext.COMPANY + "/mothers");
		for (Pairing pairing : demo.pairings(DemoContext.COMPANY)) {
			goals(demo, mothers.contains(pairing.menteeId()) ? MOTHER_GOALS : EMPLOYEE_GOALS, pairing.menteeId(),
					pairing.mentorId(), pairing.mentorshipId());
		}
	}

	private void goals(DemoContext demo, String[][] kinds, long student, long mentor, long mentorship) {
		for (int g = 0; g < 2; g++) {
			String[] goal = kinds[(int) ((student + g) % kinds.length)];
			int progress = 10 * demo.random().nextInt(11);
			String status = progress == 100 ? "COMPLETED" : progress == 0 ? "NOT_STARTED"
					: demo.random().nextInt(5) == 0 ? "AT_RISK" : "IN_PROGRESS";
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("student_id", student);
			values.put("mentorship_id", mentorship);
			values.put("title", goal[0]);
			values.put("category", goal[1]);
			values.put("description", "Agreed with my mentor.");
			values.put("target_date", demo.now().toLocalDate().plusDays(30 + demo.random().nextInt(120)));
			values.put("status", status);
			values.put("progress_pct", progress);
			values.put("created_by_id", student);
			values.put("completed_at", status.equals("COMPLETED") ? demo.now().minusDays(5) : null);
			values.put("created_at", demo.now().minusDays(90));
			values.put("updated_at", demo.now().minusDays(5));
			long id = this.rows.insert("goals", values);
			// The history ends with the goal's own progress and status (its latest update decides them).
			this.rows.insert("goal_updates", row("goal_id", id, "noted_by_id", student, "note", null, "progress_pct", 0,
					"status", "NOT_STARTED", "created_at", demo.now().minusDays(90)));
			int steps = (progress - 1) / 20;
			for (int u = 1; u <= steps; u++) {
				this.rows.insert("goal_updates", row("goal_id", id, "noted_by_id", u % 2 == 0 ? mentor : student, "note",
						"Progress update " + u + ".", "progress_pct", u * 20, "status", "IN_PROGRESS", "created_at",
						demo.now().minusDays(90 - 15L * u)));
			}
			if (progress > 0) {
				this.rows.insert("goal_updates", row("goal_id", id, "noted_by_id", student, "note",
						status.equals("AT_RISK") ? "Falling behind: I need help with this." : "Latest progress.",
						"progress_pct", progress, "status", status, "created_at", demo.now().minusDays(5)));
			}
		}
	}

}
