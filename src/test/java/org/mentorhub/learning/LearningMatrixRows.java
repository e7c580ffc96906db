package org.mentorhub.learning;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the learning pages and API. A planted path belongs to the owner's institution (the
 * run's university for an owner without one: platform administrators follow no paths) and carries the
 * marker in its title. Every member of the institution reads and follows its published paths; its
 * administrators and coordinators (of any department: paths are the institution's) author them and
 * see its drafts; a learner completes modules of the paths they follow; a mentor (here: the owner of
 * an active mentorship as its mentor) sees their mentees' progress and recommends paths to them.
 */
public class LearningMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final Set<Persona> AUTHORS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR);

	/** The path of each planted module (the module's id is the target; its URI needs the path too). */
	static final Map<String, Long> PATH_OF = new ConcurrentHashMap<>();

	static final RecordSnapshot PATH_STATE = new RecordSnapshot("""
			SELECT p.title, p.category, p.is_published, p.version,
			       (SELECT COUNT(*) FROM learning_path_modules m WHERE m.path_id = p.id) AS modules,
			       (SELECT COUNT(*) FROM user_learning_progress u WHERE u.path_id = p.id) AS enrolments
			FROM learning_paths p WHERE p.id = :id""");

	static final RecordSnapshot MODULE_STATE = new RecordSnapshot("""
			SELECT m.title, m.kind, m.position, m.estimated_minutes,
			       (SELECT COUNT(*) FROM learning_module_completions c WHERE c.module_id = m.id) AS completions
			FROM learning_path_modules m WHERE m.id = :id""");

	static final RecordSnapshot RECOMMENDATIONS_OF = new RecordSnapshot(
			"SELECT COUNT(*) AS recommendations FROM learning_recommendations WHERE mentee_id = :id");

	/** The owner's institution, or the run's university for an owner without one. */
	static long institution(Matrix.World world, Account owner) {
		return owner.institutionId() != null ? owner.institutionId() : world.university().id();
	}

	/** The owner, or a stranger mentee for an owner without an institution. */
	static Account learner(Matrix.World world, Account owner) {
		return owner.institutionId() == null ? world.stranger(RoleName.MENTEE) : owner;
	}

	static LearningFixtures.Planted plantPath(Matrix.World world, Account owner, String marker, boolean published) {
		return LearningFixtures.path(world.jdbc(), institution(world, owner), "Path " + marker, published, 1);
	}

	static Fixture path(boolean published) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				LearningFixtures.Planted path = plantPath(world, owner, marker, published);
				// A category of its own, so that the catalogue finds it by the filter (not by the marker).
				world.jdbc().sql("UPDATE learning_paths SET category = :c WHERE id = :id")
					.param("c", "c" + path.id())
					.param("id", path.id())
					.update();
				return PATH_STATE.take(world, new Target(String.valueOf(path.id()), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return PATH_STATE.changes(world, target);
			}

		};
	}

	static final Fixture PUBLISHED = path(true);

	static final Fixture DRAFT = path(false);

	/** A module (the target) of a published path of the owner's institution; enrolled: the owner follows it. */
	static Fixture module(boolean enrolled) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				LearningFixtures.Planted path = plantPath(world, owner, marker, true);
				long module = path.modules().get(0);
				world.jdbc().sql("UPDATE learning_path_modules SET title = :t WHERE id = :id")
					.param("t", "Module " + marker)
					.param("id", module)
					.update();
				if (enrolled) {
					LearningFixtures.enrol(world.jdbc(), learner(world, owner).id(), path, 0);
				}
				PATH_OF.put(String.valueOf(module), path.id());
				return MODULE_STATE.take(world, new Target(String.valueOf(module), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return MODULE_STATE.changes(world, target);
			}

		};
	}

	static final Fixture MODULE = module(false);

	static final Fixture ENROLLED = module(true);

	/** The owner follows a published path whose title is the marker, which a mentor recommended to them. */
	static final Fixture FOLLOWED = (world, owner, marker) -> {
		Account learner = learner(world, owner);
		LearningFixtures.Planted path = plantPath(world, owner, marker, true);
		LearningFixtures.enrol(world.jdbc(), learner.id(), path, 1);
		Account mentor = world.stranger(RoleName.MENTOR);
		world.jdbc().sql("""
				INSERT INTO learning_recommendations (path_id, mentor_id, mentee_id, note) VALUES (:p, :m, :e, 'Try it')""")
			.param("p", path.id())
			.param("m", mentor.id())
			.param("e", learner.id())
			.update();
		return new Target(String.valueOf(path.id()), marker);
	};

	/**
	 * A fresh mentee of the owner's institution in an ACTIVE mentorship with the owner as mentor (a
	 * stranger mentor for an owner without an institution), named after the marker and following a
	 * published path; the target is the mentee, and {@link #PATH_OF} knows the path.
	 */
	static final Fixture MENTEE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account mentor = owner.institutionId() == null ? world.stranger(RoleName.MENTOR) : owner;
			String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i")
				.param("i", mentor.institutionId())
				.query(String.class)
				.single();
			String department = mentor.departmentId() == null ? null
					: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", mentor.departmentId())
						.query(String.class).single();
			Account mentee = TestAccounts.create(jdbc, institution, department, RoleName.MENTEE);
			TestMentorships.plant(jdbc, mentor, mentee, "ACTIVE");
			// The marker is the mentee's name: the mentees page also lists every published path to choose from.
			jdbc.sql("UPDATE users SET full_name = :n WHERE id = :id").param("n", "Mentee " + marker)
				.param("id", mentee.id()).update();
			LearningFixtures.Planted path = LearningFixtures.path(jdbc, institution(world, mentor), "A path to recommend",
					true, 1);
			LearningFixtures.enrol(jdbc, mentee.id(), path, 0);
			PATH_OF.put(String.valueOf(mentee.id()), path.id());
			return RECOMMENDATIONS_OF.take(world, new Target(String.valueOf(mentee.id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return RECOMMENDATIONS_OF.changes(world, target);
		}

	};

	static String modulePath(Target target, String tail) {
		return "/learning/paths/" + PATH_OF.get(target.id()) + "/modules/" + target.id() + tail;
	}

	static Endpoint readable(Endpoint endpoint) {
		return endpoint.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	static Endpoint authored(Endpoint endpoint) {
		return endpoint.allow(AUTHORS, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	static final String MODULE_JSON = "{\"title\":\"A module\",\"kind\":\"READING\",\"content\":\"Read\",\"estimatedMinutes\":10}";

	static final String[] MODULE_FORM = { "title", "A module", "kind", "READING", "content", "Read", "estimatedMinutes", "10" };

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		// The catalogue and the learner's own lists.
		rows.add(readable(Endpoint.get("/learning").lists(PUBLISHED).uri(t -> "/learning?category=c" + t.id())));
		rows.add(readable(Endpoint.get("/api/v1/learning/paths").lists(PUBLISHED)
			.uri(t -> "/api/v1/learning/paths?category=c" + t.id())));
		rows.add(Endpoint.get("/learning/mine").lists(FOLLOWED).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/learning/mine").lists(FOLLOWED).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/learning/recommendations/mine").lists(FOLLOWED).allow(MEMBERS, OWN));
		// A path, enrolment and completions.
		rows.add(readable(Endpoint.get("/learning/paths/{id:\\d+}").on(PUBLISHED)));
		rows.add(readable(Endpoint.get("/api/v1/learning/paths/{id}").on(PUBLISHED)));
		rows.add(readable(Endpoint.post("/learning/paths/{id:\\d+}/enrol").on(PUBLISHED)));
		rows.add(readable(Endpoint.post("/api/v1/learning/paths/{id}/enrolment").on(PUBLISHED)));
		rows.add(Endpoint.post("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/complete").on(ENROLLED)
			.uri(t -> modulePath(t, "/complete")).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/uncomplete").on(ENROLLED)
			.uri(t -> modulePath(t, "/uncomplete")).allow(MEMBERS, OWN));
		rows.add(Endpoint.put("/api/v1/learning/paths/{id}/modules/{moduleId}/completion").on(ENROLLED)
			.uri(t -> "/api/v1" + modulePath(t, "/completion")).allow(MEMBERS, OWN));
		rows.add(Endpoint.delete("/api/v1/learning/paths/{id}/modules/{moduleId}/completion").on(ENROLLED)
			.uri(t -> "/api/v1" + modulePath(t, "/completion")).allow(MEMBERS, OWN));
		// Authoring.
		rows.add(Endpoint.get("/learning/paths/new").allow(AUTHORS));
		rows.add(Endpoint.post("/learning/paths").form("title", "A new path", "category", "leadership").allow(AUTHORS));
		rows.add(Endpoint.post("/api/v1/learning/paths").json("{\"title\":\"A new path\",\"category\":\"leadership\"}")
			.allow(AUTHORS));
		rows.add(authored(Endpoint.get("/learning/paths/{id:\\d+}/edit").on(DRAFT)));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/edit").on(DRAFT)
			.form("title", "Renamed", "category", "leadership", "version", "0")));
		rows.add(authored(Endpoint.put("/api/v1/learning/paths/{id}").on(DRAFT)
			.json("{\"title\":\"Renamed\",\"category\":\"leadership\",\"version\":0}")));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/publish").on(DRAFT)));
		rows.add(authored(Endpoint.post("/api/v1/learning/paths/{id}/publish").on(DRAFT)));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/unpublish").on(PUBLISHED)));
		rows.add(authored(Endpoint.post("/api/v1/learning/paths/{id}/unpublish").on(PUBLISHED)));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/delete").on(DRAFT)));
		rows.add(authored(Endpoint.delete("/api/v1/learning/paths/{id}").on(DRAFT)));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/modules").on(PUBLISHED).form(MODULE_FORM)));
		rows.add(authored(Endpoint.post("/api/v1/learning/paths/{id}/modules").on(PUBLISHED).json(MODULE_JSON)));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}").on(MODULE)
			.uri(t -> modulePath(t, "")).form(MODULE_FORM)));
		rows.add(authored(Endpoint.put("/api/v1/learning/paths/{id}/modules/{moduleId}").on(MODULE)
			.uri(t -> "/api/v1" + modulePath(t, "")).json(MODULE_JSON)));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/move").on(MODULE)
			.uri(t -> modulePath(t, "/move")).form("direction", "down")));
		rows.add(authored(Endpoint.post("/api/v1/learning/paths/{id}/modules/{moduleId}/move").on(MODULE)
			.uri(t -> "/api/v1" + modulePath(t, "/move")).json("{\"direction\":\"down\"}")));
		rows.add(authored(Endpoint.post("/learning/paths/{id:\\d+}/modules/{moduleId:\\d+}/delete").on(MODULE)
			.uri(t -> modulePath(t, "/delete"))));
		rows.add(authored(Endpoint.delete("/api/v1/learning/paths/{id}/modules/{moduleId}").on(MODULE)
			.uri(t -> "/api/v1" + modulePath(t, ""))));
		// Mentors: their mentees' progress and recommendations.
		rows.add(Endpoint.get("/learning/mentees").lists(MENTEE).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/learning/mentees").lists(MENTEE).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/learning/recommendations").on(MENTEE).uri(t -> "/learning/recommendations")
			.form(t -> new String[] { "pathId", String.valueOf(PATH_OF.get(t.id())), "menteeId", t.id(), "from", "mentees" })
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/api/v1/learning/recommendations").on(MENTEE).uri(t -> "/api/v1/learning/recommendations")
			.json(t -> "{\"pathId\":" + PATH_OF.get(t.id()) + ",\"menteeId\":" + t.id() + "}")
			.allow(MEMBERS, OWN));
		return rows;
	}

}
