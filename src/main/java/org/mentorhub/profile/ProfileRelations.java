package org.mentorhub.profile;

import java.util.List;
import java.util.Optional;

import org.mentorhub.identity.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only facts about accounts and mentorships that profile rules depend on: accounts through
 * identity's {@link People}, mentorships through {@link MentoringRelations} (mentorship implements it).
 */
@Component
class ProfileRelations {

	/** An account: where it belongs and its roles. */
	record Person(long id, Long institutionId, Long departmentId, String fullName, List<String> roles) {

		boolean has(String role) {
			return this.roles.contains(role);
		}

	}

	private final JdbcClient jdbc;

	private final People people;

	private final MentoringRelations mentorships;

	ProfileRelations(JdbcClient jdbc, People people, MentoringRelations mentorships) {
		this.jdbc = jdbc;
		this.people = people;
		this.mentorships = mentorships;
	}

	Optional<Person> find(long userId) {
		return this.people.find(userId)
			.map(p -> new Person(p.id(), p.institutionId(), p.departmentId(), p.fullName(),
					p.roles().stream().map(Enum::name).sorted().toList()));
	}

	/** Whether the two are mentor and mentee (either way round) of an active or paused mentorship. */
	boolean inMentorship(long a, long b) {
		return this.mentorships.mentorAndMentee(a, b);
	}

	/** Whether {@code mentor} mentors {@code mentee} in an active or paused mentorship. */
	boolean mentors(long mentor, long mentee) {
		return this.mentorships.isMentorOf(mentor, mentee);
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
