package org.mentorhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mentorhub.TestInstitutions.aUniversity;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@MentorHubIntegrationTest
class PeopleIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void summariesCarryTheAccountsPlaceNameZoneStatusAndEveryRole() {
		TestAccounts.Account mentor = this.college.a(RoleName.MENTOR).inDepartment("CS").create(this.jdbc);
		this.jdbc.sql("UPDATE users SET time_zone = 'Europe/Berlin' WHERE id = :id").param("id", mentor.id()).update();
		this.jdbc.sql("INSERT INTO user_roles (user_id, role_id) SELECT :id, id FROM roles WHERE name = 'COORDINATOR'")
			.param("id", mentor.id())
			.update();

		Person person = this.people.find(mentor.id()).orElseThrow();

		assertThat(person.institutionId()).isEqualTo(mentor.institutionId());
		assertThat(person.departmentId()).isEqualTo(mentor.departmentId());
		assertThat(person.email()).isEqualTo(mentor.email());
		assertThat(person.fullName()).startsWith("Test Mentor");
		assertThat(person.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(person.status()).isEqualTo(UserStatus.ACTIVE);
		assertThat(person.primaryRole()).isEqualTo(RoleName.MENTOR);
		assertThat(person.roles()).containsExactlyInAnyOrder(RoleName.MENTOR, RoleName.COORDINATOR);
		assertThat(person.has(RoleName.COORDINATOR)).isTrue();
		assertThat(person.has(RoleName.ADMIN)).isFalse();
	}

	@Test
	void aBatchLargerThanOneInListFindsEveryoneAndLeavesUnknownIdsOut() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.college.a(RoleName.MENTEE).create(this.jdbc).id());
		}
		List<Long> asked = new ArrayList<>(ids);
		for (long unknown = -1; unknown > -1200; unknown--) {
			asked.add(unknown);
		}
		asked.add(ids.get(0));

		assertThat(this.people.summaries(asked)).containsOnlyKeys(ids);
		assertThat(this.people.names(asked)).containsOnlyKeys(ids);
		assertThat(this.people.find(-5)).isEmpty();
	}

	@Test
	void anUnknownAccountOrAnInvalidZoneReadsAsUtc() {
		assertThat(this.people.zoneOf(-5)).isEqualTo(ZoneId.of("UTC"));
		assertThat(People.zone("Not/AZone")).isEqualTo(ZoneId.of("UTC"));
		assertThat(People.zone(" ")).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void lockingPeopleNeedsATransactionAndAcceptsUnknownIds() {
		long mentor = this.college.a(RoleName.MENTOR).create(this.jdbc).id();

		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.people.lock(List.of(mentor)));
		this.transactions.executeWithoutResult(status -> this.people.lock(List.of(mentor, -5L, mentor)));
	}

}
