package org.mentorhub.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * Three published learning paths of four modules in each demo institution, with the progress of
 * the first six learners (university students, company mentees): a reading, a video, an exercise and
 * an external link in each, progress that matches the completion rows, and one recommendation from a
 * mentor to their mentee.
 */
@Component
class LearningDemoData implements DemoSeed {

	private static final List<String> KINDS = List.of("READING", "VIDEO", "EXERCISE", "EXTERNAL_LINK");

	private final DemoRows rows;

	LearningDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public void seed(DemoContext demo) {
		learningPaths(demo, DemoContext.UNIVERSITY, demo.person("admin@northbridge.demo"),
				demo.group(DemoContext.UNIVERSITY + "/students"));
		learningPaths(demo, DemoContext.COMPANY, demo.person("admin@acme.demo"),
				demo.group(DemoContext.COMPANY + "/mentees"));
	}

	private void learningPaths(DemoContext demo, String code, long admin, List<Long> learners) {
		String[][] paths = { { "Leading without authority", "leadership" }, { "Research skills", "technical" },
				{ "Presenting with confidence", "communication" } };
		List<Long> pathIds = new ArrayList<>();
		for (String[] p : paths) {
			long path = this.rows.insert("learning_paths", row("institution_id", demo.institution(code), "title", p[0],
					"category", p[1], "description", "A short, practical path.", "is_published", true, "published_at",
					demo.now().minusDays(100), "created_by_id", admin, "created_at", demo.now().minusDays(120), "updated_at",
					demo.now().minusDays(60)));
			pathIds.add(path);
			List<Long> modules = new ArrayList<>();
			for (int m = 1; m <= 4; m++) {
				Map<String, Object> module = new LinkedHashMap<>(row("path_id", path, "position", m, "title",
						"Module " + m + ": " + List.of("Foundations", "Practice", "Feedback", "Reflection").get(m - 1),
						"kind", KINDS.get(m - 1), "estimated_minutes", 30 + 15 * m));
				switch (KINDS.get(m - 1)) {
					case "READING" -> module.put("content", "Read the introduction, then note the three ideas you want to try.");
					case "EXERCISE" -> module.put("content", "Try one idea this week and write down what happened.");
					default -> module.put("content_url", "https://example.org/learning/" + p[1] + "/" + m);
				}
				modules.add(this.rows.insert("learning_path_modules", module));
			}
			for (int l = 0; l < Math.min(6, learners.size()); l++) {
				int done = demo.random().nextInt(5);
				Map<String, Object> progress = new LinkedHashMap<>();
				progress.put("user_id", learners.get(l));
				progress.put("path_id", path);
				progress.put("progress_pct", done * 25);
				progress.put("started_at", demo.now().minusDays(50));
				progress.put("completed_at", done == 4 ? demo.now().minusDays(3) : null);
				progress.put("updated_at", demo.now().minusDays(3));
				long id = this.rows.insert("user_learning_progress", progress);
				for (int m = 0; m < done; m++) {
					this.rows.insertWithoutKey("learning_module_completions", row("progress_id", id, "module_id",
							modules.get(m), "completed_at", demo.now().minusDays(40 - 8L * m)));
				}
			}
		}
		demo.pairings(code).stream().filter(pairing -> "ACTIVE".equals(pairing.status())).findFirst()
			.ifPresent(pairing -> this.rows.insert("learning_recommendations", row("path_id", pathIds.get(0),
					"mentor_id", pairing.mentorId(), "mentee_id", pairing.menteeId(), "note",
					"A good start before our next session.", "created_at", demo.now().minusDays(10))));
	}

}
