package org.mentorhub.attachment;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.goal.GoalFixtures;
import org.mentorhub.identity.RoleName;
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
 * Matrix rows of the attachment pages and API, on goals (the goal module's rules, as goal's own rows:
 * the owner, the administrators of the owner's institution and the coordinators of the owner's
 * department; the matrix's mentor persona mentors nobody). A planted goal carries a text file uploaded
 * by its owner whose name and bytes carry the marker; the owner deletes their own file and the
 * managers delete anyone's. The session, feedback and mentorship rules are proved in
 * AttachmentApiIntegrationTests.
 */
public class AttachmentMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final RecordSnapshot FILES_OF_GOAL = new RecordSnapshot(
			"SELECT COUNT(*) AS files FROM attachments WHERE related_type = 'GOAL' AND related_id = :id");

	static final RecordSnapshot FILE = new RecordSnapshot(
			"SELECT id, file_name, size_bytes FROM attachments WHERE id = :id");

	/** The goal's owner: the planted owner, or a stranger mentee for an owner without an institution. */
	static Account keeper(Matrix.World world, Account owner) {
		return owner.institutionId() == null ? world.stranger(RoleName.MENTEE) : owner;
	}

	static long plantFile(Matrix.World world, Account keeper, long goal, String marker) {
		return TestFiles.plant(world.jdbc(), "GOAL", goal, keeper.institutionId(), keeper.id(), "file-" + marker + ".txt",
				"text/plain", ("bytes " + marker).getBytes(StandardCharsets.US_ASCII));
	}

	/** A goal with one file (target id: the goal). */
	static final Fixture GOAL = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Account keeper = keeper(world, owner);
			long goal = GoalFixtures.goal(world.jdbc(), keeper, "Goal " + marker, null);
			plantFile(world, keeper, goal, marker);
			return FILES_OF_GOAL.take(world, new Target(String.valueOf(goal), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return FILES_OF_GOAL.changes(world, target);
		}

	};

	/** A goal's file (target id: the file). */
	static final Fixture FILE_OF_GOAL = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Account keeper = keeper(world, owner);
			long goal = GoalFixtures.goal(world.jdbc(), keeper, "Goal " + marker, null);
			return FILE.take(world, new Target(String.valueOf(plantFile(world, keeper, goal, marker)), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return FILE.changes(world, target);
		}

	};

	static MockMultipartFile pdf() {
		return new MockMultipartFile("file", "matrix.pdf", "application/pdf", TestDocuments.pdf("matrix"));
	}

	/** Whoever may see the goal (goal's rules). */
	static Endpoint visible(Endpoint endpoint) {
		return endpoint.allow(MEMBERS, OWN)
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
			.allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	@Override
	public List<Endpoint> rows() {
		String type = "{type:[A-Za-z_-]+}/{relatedId:\\d+}";
		return List.of(
				visible(Endpoint.get("/attachments/" + type).on(GOAL).uri(t -> "/attachments/goal/" + t.id())),
				visible(Endpoint.post("/attachments/" + type).on(GOAL).uri(t -> "/attachments/goal/" + t.id()).file(pdf())),
				visible(Endpoint.get("/attachments/{id:\\d+}/content").on(FILE_OF_GOAL)),
				visible(Endpoint.post("/attachments/{id:\\d+}/delete").on(FILE_OF_GOAL)),
				visible(Endpoint.get("/api/v1/attachments/" + type).on(GOAL).uri(t -> "/api/v1/attachments/goal/" + t.id())),
				visible(Endpoint.post("/api/v1/attachments/" + type).on(GOAL)
					.uri(t -> "/api/v1/attachments/goal/" + t.id())
					.file(pdf())),
				visible(Endpoint.get("/api/v1/attachments/{id:\\d+}/content").on(FILE_OF_GOAL)),
				visible(Endpoint.delete("/api/v1/attachments/{id:\\d+}").on(FILE_OF_GOAL)));
	}

}
