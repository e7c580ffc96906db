package org.mentorhub.profile;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only facts about accounts and mentorships that profile rules depend on. */
@Component
class ProfileRelations {

	/** An account: where it belongs and its roles. */
	record Person(long id, Long institutionId, Long departmentId, String fullName, List<String> roles) {

		boolean has(String role) {
			return this.roles.contains(role);
		}

	}

	private final JdbcClient jdbc;

	ProfileRelations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Person> find(long userId) {
		record Row(long id, Long institutionId, Long departmentId, String fullName) {
		}
		Optional<Row> row = this.jdbc
			.sql("SELECT id, institution_id, department_id, full_name FROM users WHERE id = :id")
			.param("id", userId)
			.query(Row.class)
			.optional();
		return row.map(r -> new Person(r.id(), r.institutionId(), r.departmentId(), r.fullName(),
				this.jdbc
					.sql("SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = :id")
					.param("id", userId)
					.query(String.class)
					.list()));
	}

	/** Whether the two are mentor and mentee (either way round) of an active or paused mentorship. */
	boolean inMentorship(long a, long b) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM mentorships WHERE status IN ('ACTIVE', 'PAUSED') "
					+ "AND ((mentor_id = :a AND mentee_id = :b) OR (mentor_id = :b AND mentee_id = :a))")
			.param("a", a)
			.param("b", b)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether {@code mentor} mentors {@code mentee} in an active or paused mentorship. */
	boolean mentors(long mentor, long mentee) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM mentorships WHERE status IN ('ACTIVE', 'PAUSED') "
					+ "AND mentor_id = :mentor AND mentee_id = :mentee")
			.param("mentor", mentor)
			.param("mentee", mentee)
			.query(Long.class)
			.single() > 0;
	}

	List<String> tags(long userId, String kind) {
		return this.jdbc
			.sql("SELECT t.name FROM user_tags ut JOIN tags t ON t.id = ut.tag_id WHERE ut.user_id = :u AND ut.kind = :k "
					+ "ORDER BY t.slug")
			.param("u", userId)
			.param("k", kind)
			.query(String.class)
			.list();
	}

	void replaceTags(long userId, String kind, List<Long> tagIds) {
		this.jdbc.sql("DELETE FROM user_tags WHERE user_id = :u AND kind = :k").param("u", userId).param("k", kind).update();
		for (Long tagId : tagIds) {
			this.jdbc.sql("INSERT INTO user_tags (user_id, tag_id, kind) VALUES (:u, :t, :k)")
				.param("u", userId)
				.param("t", tagId)
				.param("k", kind)
				.update();
		}
	}

}
