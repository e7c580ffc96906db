package org.mentorhub.identity.imports;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.platform.imports.ImportApi;
import org.mentorhub.platform.imports.ImportIntegrationTest;
import org.mentorhub.platform.jobs.KilledInstance;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.identity.imports.UserImportIntegrationTests.HEADER;
import static org.mentorhub.identity.imports.UserImportIntegrationTests.csv;
import static org.mentorhub.platform.imports.ImportApi.idOf;
import static org.mentorhub.platform.imports.ImportApi.tag;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user import whose instance is killed while it commits: the commit is resumed to the end at the
 * next recovery, or, interrupted too often, FAILED with a reason, and then retried from the API.
 * Retry is refused for an import that did not fail (409) and for anyone else's (404).
 */
@MentorHubIntegrationTest
class UserImportRestartIntegrationTests extends ImportIntegrationTest {

	UserImportRestartIntegrationTests() {
		super(UserImportIntegrationTests.PATHS, "CS");
	}

	/** A previewed file of two people to invite. */
	long preview(String t) throws Exception {
		return idOf(this.imports.upload(this.admin, csv(HEADER + "kim." + t + "@example.edu,Kim Killed,MENTEE,\n"
				+ "lee." + t + "@example.edu,Lee Resumed,MENTOR,CS\n")));
	}

	long killedWhileCommitting(long importId, int attempts) {
		return ImportApi.killedWhileCommitting(this.jdbc, this.clock, "user_imports", UserImportCommit.KIND, importId,
				this.admin.id(), attempts);
	}

	String awaitSettled(long id) throws Exception {
		return this.imports.awaitSettled(this.admin, id);
	}

	long accounts(String t) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email LIKE :e AND institution_id = :i")
			.param("e", "%." + t + "@example.edu")
			.param("i", this.college.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aCommitInterruptedByARestartIsResumedToTheEnd() throws Exception {
		String t = tag();
		long id = preview(t);
		long job = killedWhileCommitting(id, 1);

		this.jobs.recoverInterrupted();

		String done = awaitSettled(id);
		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMMITTED");
		assertThat((Integer) JsonPath.read(done, "$.createdRows")).isEqualTo(2);
		assertThat(accounts(t)).isEqualTo(2);
		assertThat(KilledInstance.stateOf(this.jdbc, job)).isEqualTo("SUCCEEDED 2 null");
	}

	@Test
	void aCommitInterruptedTooOftenFailsWithAReasonAndIsRetriedToTheEnd() throws Exception {
		String t = tag();
		long id = preview(t);
		long job = killedWhileCommitting(id, 3);

		this.jobs.recoverInterrupted();

		String failed = awaitSettled(id);
		assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
		assertThat((String) JsonPath.read(failed, "$.failureReason")).contains("Interrupted by a restart");
		assertThat(KilledInstance.stateOf(this.jdbc, job)).startsWith("FAILED 3 Interrupted by a restart");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'USER_IMPORT_FAILED' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/admin/users/import/{id}", id).with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"retry-button\"")))
			.andExpect(content().string(containsString("Interrupted by a restart")));

		this.mvc.perform(post("/api/v1/user-imports/{id}/retry", id).with(as(this.admin)).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("COMMITTING"));

		String done = awaitSettled(id);
		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMMITTED");
		assertThat((Integer) JsonPath.read(done, "$.createdRows")).isEqualTo(2);
		assertThat(accounts(t)).isEqualTo(2);
	}

	@Test
	void onlyAFailedImportOfTheOwnInstitutionCanBeRetried() throws Exception {
		long previewed = preview(tag());
		this.mvc.perform(post("/api/v1/user-imports/{id}/retry", previewed).with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/admin/users/import/{id}/retry", previewed).with(as(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT status FROM user_imports WHERE id = :id").param("id", previewed)
			.query(String.class).single()).isEqualTo("PREVIEW");

		long id = preview(tag());
		long job = killedWhileCommitting(id, 3);
		this.jobs.recoverInterrupted();
		awaitSettled(id);

		Account stranger = aCompany().build(this.jdbc).anAdmin().create(this.jdbc);
		this.mvc.perform(post("/api/v1/user-imports/{id}/retry", id).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/jobs/{id}/retry", job).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		Account colleague = this.college.anAdmin().create(this.jdbc);
		this.mvc.perform(get("/api/v1/jobs/{id}", job).with(as(colleague)))
			.andExpect(status().isNotFound());
		assertThat(KilledInstance.stateOf(this.jdbc, job)).startsWith("FAILED 3");

		this.mvc.perform(get("/api/v1/jobs/{id}", job).with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("FAILED"))
			.andExpect(jsonPath("$.failureReason").value(containsString("Interrupted by a restart")));
		this.mvc.perform(post("/api/v1/jobs/{id}/retry", job).with(as(this.admin)).with(csrf()))
			.andExpect(status().isAccepted());
		assertThat((String) JsonPath.read(awaitSettled(id), "$.status")).isEqualTo("COMMITTED");
		this.mvc.perform(post("/api/v1/jobs/{id}/retry", job).with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void theCommitRunsInTheLanguageOfThePersonWhoCommitted() throws Exception {
		String t = tag();
		long id = preview(t);
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", id).locale(Locale.FRENCH).with(as(this.admin)).with(csrf()))
			.andExpect(status().isAccepted());

		assertThat((String) JsonPath.read(awaitSettled(id), "$.status")).isEqualTo("COMMITTED");
		assertThat(this.jdbc.sql("SELECT locale FROM platform_jobs WHERE kind = :kind AND subject_id = :id")
			.param("kind", UserImportCommit.KIND)
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("fr");
	}

}
