package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Milestones, groups, memberships and posts planted with SQL, as the wellbeing module writes them. */
public final class WellbeingFixtures {

	private WellbeingFixtures() {
	}

	public static long milestone(JdbcClient jdbc, long ownerId, String title, LocalDate date, boolean shared) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO milestone_logs (user_id, type, title, notes, milestone_date, shared_with_mentor, created_at)
				VALUES (:u, 'BIRTH', :t, 'Notes', :d, :s, :now)""")
			.param("u", ownerId).param("t", title).param("d", date).param("s", shared)
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public static long group(JdbcClient jdbc, long institutionId, String name, boolean isPrivate) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO support_groups (institution_id, name, description, is_private, member_count, created_at, updated_at, version)
				VALUES (:i, :n, :n, :p, 0, :now, :now, 0)""")
			.param("i", institutionId).param("n", name).param("p", isPrivate)
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** An ACTIVE membership (MEMBER or MODERATOR), counted. */
	public static void member(JdbcClient jdbc, long groupId, long userId, String role) {
		jdbc.sql("""
				INSERT INTO group_memberships (user_id, group_id, role, joined_at, status, notify_posts)
				VALUES (:u, :g, :r, :now, 'ACTIVE', FALSE)""")
			.param("u", userId).param("g", groupId).param("r", role).param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
		jdbc.sql("UPDATE support_groups SET member_count = member_count + 1 WHERE id = :g").param("g", groupId).update();
	}

	public static long post(JdbcClient jdbc, long groupId, long authorId, String body) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO group_posts (group_id, author_id, body, created_at) VALUES (:g, :a, :b, :now)")
			.param("g", groupId).param("a", authorId).param("b", body).param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
