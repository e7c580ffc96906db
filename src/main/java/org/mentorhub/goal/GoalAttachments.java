package org.mentorhub.goal;

import java.util.Optional;
import java.util.Set;

import org.mentorhub.attachment.AttachmentFiles;
import org.mentorhub.attachment.AttachmentParent;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.identity.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The files of goals and of their updates, by {@link GoalAccess}'s rules: whoever may see a goal (its
 * owner, their active mentors, the managers in scope) sees its files and its updates' files and may
 * add some; the managers also delete others' files. Staff reading a student's file are audited by the
 * attachment module. When a goal is deleted ({@link GoalDeleted}), its files and its updates' files go.
 */
@Component
class GoalAttachments implements AttachmentParent {

	private final JdbcClient jdbc;

	private final GoalAccess access;

	private final AttachmentFiles files;

	GoalAttachments(JdbcClient jdbc, GoalAccess access, AttachmentFiles files) {
		this.jdbc = jdbc;
		this.access = access;
		this.files = files;
	}

	@Override
	public Set<RelatedType> types() {
		return Set.of(RelatedType.GOAL, RelatedType.GOAL_UPDATE);
	}

	@Override
	public Optional<Access> access(RelatedType type, long relatedId) {
		String sql = type == RelatedType.GOAL
				? "SELECT g.id AS goal_id, g.student_id, g.title FROM goals g WHERE g.id = :id"
				: "SELECT g.id AS goal_id, g.student_id, g.title FROM goal_updates u JOIN goals g ON g.id = u.goal_id WHERE u.id = :id";
		return this.jdbc.sql(sql)
			.param("id", relatedId)
			.query((rs, i) -> new Row(rs.getLong("goal_id"), rs.getLong("student_id"), rs.getString("title")))
			.optional()
			.flatMap(row -> {
				GoalAccess.Reader reader = this.access.reader();
				Optional<Person> student = this.access.people().find(row.studentId());
				if (student.isEmpty() || student.get().institutionId() == null
						|| !this.access.maySee(reader, student.get())) {
					return Optional.empty();
				}
				String page = "/goals/" + row.goalId();
				return Optional.of(new Access(student.get().institutionId(), true, reader.manages(student.get()),
						reader.id() != row.studentId(), page, row.title(), row.studentId()));
			});
	}

	private record Row(long goalId, long studentId, String title) {
	}

	@ApplicationModuleListener
	void on(GoalDeleted deleted) {
		this.files.deleteAllOf(RelatedType.GOAL, java.util.List.of(deleted.goalId()));
		this.files.deleteAllOf(RelatedType.GOAL_UPDATE, deleted.updateIds());
	}

}
