package org.mentorhub.learning;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Learning paths, modules and enrolments planted with SQL, as the learning module writes them. */
public final class LearningFixtures {

	private LearningFixtures() {
	}

	/** A path of the institution with this many reading modules. */
	public record Planted(long id, List<Long> modules) {
	}

	public static Planted path(JdbcClient jdbc, long institutionId, String title, boolean published, int modules) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO learning_paths (institution_id, title, category, description, is_published, version)
				VALUES (:i, :t, 'leadership', 'A planted path', :p, 0)""")
			.param("i", institutionId)
			.param("t", title)
			.param("p", published)
			.update(keys, "id");
		long path = keys.getKeyAs(Number.class).longValue();
		List<Long> ids = new ArrayList<>();
		for (int m = 1; m <= modules; m++) {
			ids.add(module(jdbc, path, m, "Module " + m));
		}
		return new Planted(path, ids);
	}

	public static long module(JdbcClient jdbc, long path, int position, String title) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO learning_path_modules (path_id, position, title, kind, content, estimated_minutes)
				VALUES (:p, :pos, :t, 'READING', 'Read this.', 20)""")
			.param("p", path)
			.param("pos", position)
			.param("t", title)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** An enrolment of the user with these modules completed (progress as the module computes it). */
	public static long enrol(JdbcClient jdbc, long userId, Planted path, int completed) {
		KeyHolder keys = new GeneratedKeyHolder();
		int pct = path.modules().isEmpty() ? 0 : completed * 100 / path.modules().size();
		jdbc.sql("""
				INSERT INTO user_learning_progress (user_id, path_id, progress_pct, completed_at)
				VALUES (:u, :p, :pct, CASE WHEN :all THEN CURRENT_TIMESTAMP ELSE NULL END)""")
			.param("u", userId)
			.param("p", path.id())
			.param("pct", pct)
			.param("all", completed == path.modules().size() && completed > 0)
			.update(keys, "id");
		long progress = keys.getKeyAs(Number.class).longValue();
		for (int m = 0; m < completed; m++) {
			jdbc.sql("INSERT INTO learning_module_completions (progress_id, module_id) VALUES (:p, :m)")
				.param("p", progress)
				.param("m", path.modules().get(m))
				.update();
		}
		return progress;
	}

}
