package org.mentorhub.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/** What AuditTrail stores: the actor and their institution, and no secret (QUALITY S12). */
@MentorHubIntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	record Stored(Long userId, Long institutionId, String beforeState, String afterState) {
	}

	Stored last(String entityId) {
		return this.jdbc.sql("SELECT user_id, institution_id, before_state, after_state FROM audit_logs "
				+ "WHERE entity = 'secret-test' AND entity_id = :id")
			.param("id", entityId)
			.query(Stored.class)
			.single();
	}

	@Test
	void secretsInTheStatesAreRemovedAndTheActorIsRecorded() {
		TestInstitution college = aUniversity().build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		String id = String.valueOf(System.nanoTime());
		RunAs.run(this.users.loadUserByUsername(admin.email()), () -> this.trail.record(AuditRecord.change("SECRET_TEST",
				"secret-test", id, Map.of("password", "hunter2-planted", "name", "Ada"),
				Map.of("settings", Map.of("apiToken", "mh_planted-token", "securityAnswer", "rex"), "passwordHash",
						"$argon2id$planted"))));

		Stored stored = last(id);
		assertThat(stored.beforeState()).contains("\"name\":\"Ada\"", "[removed]").doesNotContain("hunter2-planted");
		assertThat(stored.afterState()).doesNotContain("mh_planted-token", "rex", "$argon2id$planted");
		assertThat(stored.institutionId()).isEqualTo(college.id());
		assertThat(stored.userId()).isEqualTo(admin.id());
	}

	@Test
	void factsAboutSomeoneNotSignedInKeepTheGivenActor() {
		String id = String.valueOf(System.nanoTime());
		this.trail.recordFor(AuditRecord.of("SECRET_TEST", "secret-test", id), null, null, "someone@example.org");

		Stored stored = last(id);
		assertThat(stored.userId()).isNull();
		assertThat(stored.institutionId()).isNull();
		assertThat(this.jdbc.sql("SELECT actor_label FROM audit_logs WHERE entity = 'secret-test' AND entity_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("someone@example.org");
	}

}
