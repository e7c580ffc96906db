package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.TestAccounts.Account;
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
 * Matrix rows of the milestone and support group pages and API. A planted milestone belongs to the
 * owner, is not shared and carries the marker in its title: only its owner sees or changes it (the
 * matrix's mentor persona mentors nobody; administrators see nothing). A planted group belongs to the
 * owner's institution (the matrix university for an owner without one), has every persona of that
 * institution as an active member, the owner as moderator, a post of the owner carrying the marker and
 * a pending request of a stranger: members of the institution see it; administrators appoint
 * moderators; the owner (moderator) and administrators remove posts and decide requests; another
 * institution's group is 404 for everybody.
 */
public class WellbeingMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final RecordSnapshot MILESTONE_STATE = new RecordSnapshot("""
			SELECT type, title, notes, milestone_date, shared_with_mentor FROM milestone_logs WHERE id = :id""");

	static final Fixture MILESTONE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long id = WellbeingFixtures.milestone(world.jdbc(), owner.id(), "Milestone " + marker, LocalDate.now(), false);
			return MILESTONE_STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return MILESTONE_STATE.changes(world, target);
		}

	};

	static final String GROUP_STATE = """
			SELECT g.name, g.member_count,
			       (SELECT COUNT(*) FROM group_memberships m WHERE m.group_id = g.id AND m.status = 'ACTIVE') AS active,
			       (SELECT COUNT(*) FROM group_memberships m WHERE m.group_id = g.id AND m.status = 'PENDING') AS pending,
			       (SELECT COUNT(*) FROM group_memberships m WHERE m.group_id = g.id AND m.role = 'MODERATOR') AS moderators,
			       (SELECT COUNT(*) FROM group_memberships m WHERE m.group_id = g.id AND m.notify_posts = TRUE) AS notified,
			       (SELECT COUNT(*) FROM group_posts p WHERE p.group_id = g.id) AS posts,
			       (SELECT COUNT(*) FROM group_posts p WHERE p.group_id = g.id AND p.removed_at IS NOT NULL) AS removed
			FROM support_groups g WHERE g.id = :id""";

	static final Map<String, String> TAKEN = new ConcurrentHashMap<>();

	static String state(JdbcClient jdbc, long group) {
		return jdbc.sql(GROUP_STATE).param("id", group).query().listOfRows().toString();
	}

	/**
	 * A group as the class comment says. Target id: {@code group}, {@code group:post} or
	 * {@code group:user}, as {@code part} asks ({@code group}, {@code post}, {@code pending}, {@code owner}).
	 */
	static Fixture group(String part) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				JdbcClient jdbc = world.jdbc();
				long institution = owner.institutionId() == null ? world.university().id() : owner.institutionId();
				long group = WellbeingFixtures.group(jdbc, institution, "Group " + marker, false);
				WellbeingFixtures.member(jdbc, group, owner.id(), "MODERATOR");
				for (Persona persona : MEMBERS) {
					Account account = world.account(persona);
					if (account.id() != owner.id() && account.institutionId() != null
							&& account.institutionId() == institution) {
						WellbeingFixtures.member(jdbc, group, account.id(), "MEMBER");
					}
				}
				long post = WellbeingFixtures.post(jdbc, group, owner.id(), "Post " + marker);
				Account pending = owner.institutionId() == null || owner.institutionId() == world.university().id()
						? world.stranger(RoleName.NEW_MOTHER) : null;
				if (pending != null) {
					jdbc.sql("""
							INSERT INTO group_memberships (user_id, group_id, role, joined_at, status, notify_posts)
							VALUES (:u, :g, 'MEMBER', CURRENT_TIMESTAMP, 'PENDING', FALSE)""")
						.param("u", pending.id()).param("g", group).update();
				}
				String id = switch (part) {
					case "post" -> group + ":" + post;
					case "pending" -> group + ":" + (pending == null ? owner.id() : pending.id());
					case "owner" -> group + ":" + owner.id();
					default -> String.valueOf(group);
				};
				TAKEN.put(id, state(jdbc, group));
				return new Target(id, marker);
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				String before = TAKEN.remove(target.id());
				String after = state(world.jdbc(), groupOf(target));
				return before == null || before.equals(after) ? null : "was " + before + ", is " + after;
			}

		};
	}

	static long groupOf(Target target) {
		return Long.parseLong(target.id().split(":")[0]);
	}

	static String second(Target target) {
		return target.id().split(":")[1];
	}

	/** Members of the group's institution, on groups of their institution. */
	static Endpoint members(Endpoint endpoint) {
		return endpoint.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	/** The owner (the group's moderator) and the institution's administrators. */
	static Endpoint moderators(Endpoint endpoint) {
		return endpoint.allow(MEMBERS, OWN).allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		// Milestones: the owner alone.
		rows.add(Endpoint.get("/milestones").lists(MILESTONE).allow(Persona.NEW_MOTHER, OWN));
		rows.add(Endpoint.get("/api/v1/milestones").lists(MILESTONE).allow(Persona.NEW_MOTHER, OWN));
		rows.add(Endpoint.get("/api/v1/milestones/shared").lists(MILESTONE));
		rows.add(Endpoint.get("/milestones/new").allow(Persona.NEW_MOTHER));
		String today = LocalDate.now().toString();
		rows.add(Endpoint.post("/milestones").allow(Persona.NEW_MOTHER)
			.form("type", "BIRTH", "title", "A matrix milestone", "date", today));
		rows.add(Endpoint.post("/api/v1/milestones").allow(Persona.NEW_MOTHER)
			.json("{\"type\":\"BIRTH\",\"title\":\"A matrix milestone\",\"date\":\"" + today + "\"}"));
		rows.add(Endpoint.get("/milestones/{id:\\d+}").on(MILESTONE).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.get("/api/v1/milestones/{id}").on(MILESTONE).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.post("/milestones/{id:\\d+}").on(MILESTONE).allow(Persona.SIGNED_IN, OWN)
			.form("type", "CAREER", "title", "Changed", "date", today));
		rows.add(Endpoint.put("/api/v1/milestones/{id}").on(MILESTONE).allow(Persona.SIGNED_IN, OWN)
			.json("{\"type\":\"CAREER\",\"title\":\"Changed\",\"date\":\"" + today + "\"}"));
		rows.add(Endpoint.post("/milestones/{id:\\d+}/delete").on(MILESTONE).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.delete("/api/v1/milestones/{id}").on(MILESTONE).allow(Persona.SIGNED_IN, OWN));

		// Support groups.
		Fixture group = group("group");
		Fixture post = group("post");
		Fixture pending = group("pending");
		Fixture owner = group("owner");
		rows.add(members(Endpoint.get("/groups").lists(group)));
		rows.add(members(Endpoint.get("/api/v1/groups").lists(group)));
		rows.add(Endpoint.post("/groups").allow(Persona.ADMIN).form(t -> new String[] { "name", "Matrix group " + System.nanoTime() }));
		rows.add(Endpoint.post("/api/v1/groups").allow(Persona.ADMIN)
			.json(t -> "{\"name\":\"Matrix API group " + System.nanoTime() + "\"}"));
		rows.add(members(Endpoint.get("/groups/{id:\\d+}").on(post).uri(t -> "/groups/" + groupOf(t))));
		rows.add(members(Endpoint.get("/api/v1/groups/{id}").on(post).uri(t -> "/api/v1/groups/" + groupOf(t))));
		rows.add(members(Endpoint.post("/groups/{id:\\d+}/join").on(group)));
		rows.add(members(Endpoint.post("/api/v1/groups/{id}/join").on(group)));
		rows.add(members(Endpoint.post("/groups/{id:\\d+}/leave").on(group)));
		rows.add(members(Endpoint.post("/api/v1/groups/{id}/leave").on(group)));
		rows.add(members(Endpoint.post("/groups/{id:\\d+}/notify").on(group).form("notify", "true")));
		rows.add(members(Endpoint.put("/api/v1/groups/{id}/notify").on(group).json("{\"notifyPosts\":true}")));
		rows.add(members(Endpoint.post("/groups/{id:\\d+}/posts").on(group).form("body", "A matrix post")));
		rows.add(members(Endpoint.post("/api/v1/groups/{id}/posts").on(group).json("{\"body\":\"A matrix post\"}")));
		rows.add(members(Endpoint.post("/groups/{id:\\d+}/posts/{postId:\\d+}/report").on(post)
			.uri(t -> "/groups/" + groupOf(t) + "/posts/" + second(t) + "/report").form("reason", "Matrix")));
		rows.add(members(Endpoint.post("/api/v1/groups/{id}/posts/{postId}/report").on(post)
			.uri(t -> "/api/v1/groups/" + groupOf(t) + "/posts/" + second(t) + "/report").json("{\"reason\":\"Matrix\"}")));
		rows.add(moderators(Endpoint.post("/groups/{id:\\d+}/posts/{postId:\\d+}/remove").on(post)
			.uri(t -> "/groups/" + groupOf(t) + "/posts/" + second(t) + "/remove")));
		rows.add(moderators(Endpoint.post("/api/v1/groups/{id}/posts/{postId}/remove").on(post)
			.uri(t -> "/api/v1/groups/" + groupOf(t) + "/posts/" + second(t) + "/remove")));
		rows.add(moderators(Endpoint.post("/groups/{id:\\d+}/members/{userId:\\d+}/approve").on(pending)
			.uri(t -> "/groups/" + groupOf(t) + "/members/" + second(t) + "/approve")));
		rows.add(moderators(Endpoint.post("/api/v1/groups/{id}/members/{userId}/approve").on(pending)
			.uri(t -> "/api/v1/groups/" + groupOf(t) + "/members/" + second(t) + "/approve")));
		rows.add(moderators(Endpoint.post("/groups/{id:\\d+}/members/{userId:\\d+}/decline").on(pending)
			.uri(t -> "/groups/" + groupOf(t) + "/members/" + second(t) + "/decline")));
		rows.add(moderators(Endpoint.post("/api/v1/groups/{id}/members/{userId}/decline").on(pending)
			.uri(t -> "/api/v1/groups/" + groupOf(t) + "/members/" + second(t) + "/decline")));
		rows.add(Endpoint.post("/groups/{id:\\d+}/members/{userId:\\d+}/moderator").on(owner)
			.uri(t -> "/groups/" + groupOf(t) + "/members/" + second(t) + "/moderator").form("moderator", "false")
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(Endpoint.put("/api/v1/groups/{id}/members/{userId}/role").on(owner)
			.uri(t -> "/api/v1/groups/" + groupOf(t) + "/members/" + second(t) + "/role").json("{\"moderator\":false}")
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT));
		return rows;
	}

}
