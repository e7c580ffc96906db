package org.mentorhub.profile.directory;

import java.util.EnumSet;
import java.util.List;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the people directory. Every member of an institution finds the mentors of their own
 * institution (any department); a mentor of another institution is never listed; the platform
 * administrator, who has no institution, gets 403.
 * <p>
 * Each call plants a mentor in the owner's institution and department whose name carries the marker,
 * with a skill of their own; the directory is searched by that skill (which does not contain the marker).
 */
public class DirectoryMatrixRows implements Matrix.Rows {

	static String skillFor(String marker) {
		return "matrix-" + marker.substring(2).toLowerCase(java.util.Locale.ROOT);
	}

	/** A mentor of the owner's institution; the marker is in their name. */
	public static final Fixture MENTOR = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long roleId = world.jdbc().sql("SELECT id FROM roles WHERE name = 'MENTOR'").query(Long.class).single();
			String username = "mdir-" + java.util.UUID.randomUUID().toString().substring(0, 12);
			KeyHolder keys = new GeneratedKeyHolder();
			world.jdbc()
				.sql("INSERT INTO users (institution_id, department_id, primary_role_id, username, email, full_name, "
						+ "status) VALUES (:i, :d, :r, :u, :e, :n, 'ACTIVE')")
				.param("i", owner.institutionId())
				.param("d", owner.departmentId())
				.param("r", roleId)
				.param("u", username)
				.param("e", username + "@matrix.test")
				.param("n", "Matrix " + marker)
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			world.jdbc().sql("INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r)").param("u", id).param("r", roleId)
				.update();
			if (owner.institutionId() != null) {
				String skill = skillFor(marker);
				world.jdbc()
					.sql("INSERT INTO tags (institution_id, name, slug) VALUES (:i, :n, :n)")
					.param("i", owner.institutionId())
					.param("n", skill)
					.update();
				world.jdbc()
					.sql("INSERT INTO user_tags (user_id, tag_id, kind) SELECT :u, id, 'SKILL' FROM tags "
							+ "WHERE institution_id = :i AND slug = :n")
					.param("u", id)
					.param("i", owner.institutionId())
					.param("n", skill)
					.update();
			}
			return new Target(String.valueOf(id), marker);
		}

	};

	static final EnumSet<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR,
			Persona.MENTEE, Persona.NEW_MOTHER);

	@Override
	public List<Endpoint> rows() {
		return List.of(
				Endpoint.get("/directory").lists(MENTOR)
					.uri(target -> "/directory?skill=" + skillFor(target.marker()))
					.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.get("/api/v1/directory/mentors").lists(MENTOR)
					.uri(target -> "/api/v1/directory/mentors?skill=" + skillFor(target.marker()))
					.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT));
	}

}
