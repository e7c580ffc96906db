package org.mentorhub.profile.avatar;

import org.mentorhub.profile.ProfileMatrixRows;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.mock.web.MockMultipartFile;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of avatars. The planted owner has a PRIVATE profile with an avatar whose stored bytes
 * carry the marker, so its download is allowed exactly as the profile is: the owner, the
 * institution's administrator and the coordinator of the owner's department. Only the owner and
 * the administrator change or remove it. Uploads send a real (small) PNG.
 */
public class AvatarMatrixRows implements Matrix.Rows {

	static final RecordSnapshot AVATAR_STATE = new RecordSnapshot("SELECT up.avatar_url, up.version, "
			+ "(SELECT MAX(a.id) FROM attachments a WHERE a.related_type = 'AVATAR' AND a.related_id = up.user_id) "
			+ "AS avatar_file FROM user_profiles up WHERE up.user_id = :id");

	/** The owner's private profile with an avatar (the marker is in the picture's bytes). */
	public static final Fixture AVATAR = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			ProfileMatrixRows.plantProfile(world, owner, marker);
			world.jdbc()
				.sql("DELETE FROM attachments WHERE related_type = 'AVATAR' AND related_id = :u")
				.param("u", owner.id())
				.update();
			TestFiles.plant(world.jdbc(), "AVATAR", owner.id(), owner.institutionId(), owner.id(), "avatar.png",
					"image/png", ("avatar " + marker).getBytes(StandardCharsets.US_ASCII));
			world.jdbc()
				.sql("UPDATE user_profiles SET avatar_url = :url WHERE user_id = :u")
				.param("url", "/people/" + owner.id() + "/avatar")
				.param("u", owner.id())
				.update();
			return AVATAR_STATE.take(world, new Target(String.valueOf(owner.id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return AVATAR_STATE.changes(world, target);
		}

	};

	static MockMultipartFile png() {
		return new MockMultipartFile("file", "matrix.png", "image/png", TestFiles.picture("png", 32, 32, false));
	}

	@Override
	public List<Endpoint> rows() {
		Set<Persona> members = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
				Persona.NEW_MOTHER);
		return List.of(
				Endpoint.post("/profile/avatar").file(png()).allow(members),
				Endpoint.post("/profile/avatar/delete").allow(members),
				Endpoint.put("/api/v1/profiles/me/avatar").file(png()).allow(members),
				Endpoint.delete("/api/v1/profiles/me/avatar").allow(members),
				Endpoint.get("/people/{userId:\\d+}/avatar").on(AVATAR)
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
					.allow(Persona.COORDINATOR, OWN, OTHER_USER),
				Endpoint.get("/api/v1/profiles/{userId}/avatar").on(AVATAR)
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
					.allow(Persona.COORDINATOR, OWN, OTHER_USER),
				Endpoint.put("/api/v1/profiles/{userId}/avatar").on(AVATAR)
					.file(png())
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.post("/people/{userId:\\d+}/avatar").on(AVATAR)
					.file(png())
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.post("/people/{userId:\\d+}/avatar/delete").on(AVATAR)
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.delete("/api/v1/profiles/{userId}/avatar").on(AVATAR)
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT));
	}

}
