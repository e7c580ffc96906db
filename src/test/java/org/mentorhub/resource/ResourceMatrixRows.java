package org.mentorhub.resource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the library pages and API. A planted resource belongs to the owner's institution and
 * was uploaded by the owner (for an owner of no institution: a fresh company's, which no persona
 * belongs to); its title carries the marker. Every member of the institution sees a published one,
 * whatever their department; the uploader and the administrators and coordinators also see drafts and
 * publish and unpublish. Administrators and coordinators add resources (mentors only where the
 * institution allows it, which the matrix's institution does not). A planted comment is the owner's;
 * only its author edits or deletes it, the moderators remove it, everybody who sees it reports it.
 * The matrix's mentor persona mentors nobody, so a share is refused to all.
 */
public class ResourceMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final Set<Persona> MODERATORS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR);

	static final RecordSnapshot RESOURCE_STATE = new RecordSnapshot("""
			SELECT r.title, r.is_published, r.version,
			       (SELECT COUNT(*) FROM resource_comments c WHERE c.resource_id = r.id) AS comments
			FROM resources r WHERE r.id = :id""");

	static final RecordSnapshot COMMENT_STATE = new RecordSnapshot("""
			SELECT c.content, c.removed_at, c.edited_at FROM resource_comments c WHERE c.id = :id""");

	static long institutionOf(Matrix.World world, Account owner) {
		return owner.institutionId() != null ? owner.institutionId()
				: TestInstitutions.aCompany().build(world.jdbc()).id();
	}

	static Fixture resource(boolean published) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				long id = ResourceFixtures.resource(world.jdbc(), institutionOf(world, owner), owner.id(),
						"Resource " + marker, published);
				return RESOURCE_STATE.take(world, new Target(String.valueOf(id), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return RESOURCE_STATE.changes(world, target);
			}

		};
	}

	static final Fixture PUBLISHED = resource(true);

	static final Fixture DRAFT = resource(false);

	/** A published PDF resource whose file holds the marker. */
	static final Fixture FILE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long id = ResourceFixtures.pdfResource(world.jdbc(), institutionOf(world, owner), owner.id(),
					"File " + marker, marker);
			return new Target(String.valueOf(id), marker);
		}

	};

	/** The owner's comment on a published resource of the owner's institution (target id: the comment). */
	static final Fixture COMMENT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long resource = ResourceFixtures.resource(world.jdbc(), institutionOf(world, owner), owner.id(),
					"Commented", true);
			long id = ResourceFixtures.comment(world.jdbc(), resource, owner.id(), "Comment " + marker);
			return COMMENT_STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return COMMENT_STATE.changes(world, target);
		}

	};

	/** Every member of the owner's institution, whatever the department. */
	static Endpoint members(Endpoint endpoint) {
		return endpoint.allow(MEMBERS, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	/** The uploader (or author), and the institution's administrators and coordinators. */
	static Endpoint managers(Endpoint endpoint) {
		return endpoint.allow(MEMBERS, OWN).allow(MODERATORS, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(members(Endpoint.get("/resources").lists(PUBLISHED)));
		rows.add(members(Endpoint.get("/api/v1/resources").lists(PUBLISHED)));
		rows.add(Endpoint.get("/resources/new").allow(MODERATORS));
		rows.add(Endpoint.post("/resources").allow(MODERATORS)
			.form("title", "A new resource", "type", "GUIDEBOOK", "url", "https://example.org/new"));
		rows.add(Endpoint.post("/api/v1/resources").allow(MODERATORS)
			.json("{\"title\":\"A new resource\",\"type\":\"GUIDEBOOK\",\"url\":\"https://example.org/new\"}"));
		rows.add(members(Endpoint.get("/resources/{id:\\d+}").on(PUBLISHED)));
		rows.add(members(Endpoint.get("/api/v1/resources/{id}").on(PUBLISHED)));
		rows.add(members(Endpoint.get("/resources/{id:\\d+}/file").on(FILE)));
		rows.add(members(Endpoint.get("/api/v1/resources/{id}/file").on(FILE)));
		rows.add(managers(Endpoint.post("/resources/{id:\\d+}/publish").on(DRAFT)));
		rows.add(managers(Endpoint.post("/api/v1/resources/{id}/publication").on(DRAFT)));
		rows.add(managers(Endpoint.post("/resources/{id:\\d+}/unpublish").on(PUBLISHED)));
		rows.add(managers(Endpoint.delete("/api/v1/resources/{id}/publication").on(PUBLISHED)));
		rows.add(managers(Endpoint.get("/resources/{id:\\d+}/edit").on(PUBLISHED)));
		rows.add(managers(Endpoint.post("/resources/{id:\\d+}/edit").on(PUBLISHED)
			.form("title", "Changed", "type", "STORY", "url", "https://example.org/changed")));
		rows.add(managers(Endpoint.put("/api/v1/resources/{id}").on(PUBLISHED)
			.json("{\"title\":\"Changed\",\"type\":\"STORY\",\"url\":\"https://example.org/changed\"}")));
		rows.add(managers(Endpoint.post("/resources/{id:\\d+}/delete").on(PUBLISHED)));
		rows.add(managers(Endpoint.delete("/api/v1/resources/{id}").on(PUBLISHED)));
		rows.add(members(Endpoint.post("/resources/{id:\\d+}/comments").on(PUBLISHED).form("content", "Thank you")));
		rows.add(members(Endpoint.post("/api/v1/resources/{id}/comments").on(PUBLISHED)
			.json("{\"content\":\"Thank you\"}")));
		rows.add(members(Endpoint.get("/api/v1/resources/comments/{commentId}").on(COMMENT)));
		rows.add(Endpoint.post("/resources/comments/{commentId:\\d+}/edit").on(COMMENT).allow(MEMBERS, OWN)
			.form("content", "Changed"));
		rows.add(Endpoint.put("/api/v1/resources/comments/{commentId}").on(COMMENT).allow(MEMBERS, OWN)
			.json("{\"content\":\"Changed\"}"));
		rows.add(Endpoint.post("/resources/comments/{commentId:\\d+}/delete").on(COMMENT).allow(MEMBERS, OWN));
		rows.add(Endpoint.delete("/api/v1/resources/comments/{commentId}").on(COMMENT).allow(MEMBERS, OWN));
		rows.add(Endpoint.post("/resources/comments/{commentId:\\d+}/remove").on(COMMENT)
			.allow(MODERATORS, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(Endpoint.post("/api/v1/resources/comments/{commentId}/removal").on(COMMENT)
			.allow(MODERATORS, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(members(Endpoint.post("/resources/comments/{commentId:\\d+}/report").on(COMMENT).form("reason", "Rude")));
		rows.add(members(Endpoint.post("/api/v1/resources/comments/{commentId}/reports").on(COMMENT)
			.json("{\"reason\":\"Rude\"}")));
		// The matrix's mentor mentors nobody: the mentee named is nobody's mentee of theirs (404 for all).
		rows.add(Endpoint.post("/resources/{id:\\d+}/share").on(PUBLISHED).form(t -> new String[] { "menteeId", "1" }));
		rows.add(Endpoint.post("/api/v1/resources/{id}/shares").on(PUBLISHED).json("{\"menteeId\":1}"));
		rows.add(Endpoint.get("/resources/settings").allow(MEMBERS));
		rows.add(Endpoint.get("/api/v1/resources/settings").allow(MEMBERS));
		rows.add(Endpoint.post("/resources/settings").allow(Persona.ADMIN).form("mentorsMayAdd", "false"));
		rows.add(Endpoint.put("/api/v1/resources/settings").allow(Persona.ADMIN).json("{\"mentorsMayAdd\":false}"));
		return rows;
	}


}
