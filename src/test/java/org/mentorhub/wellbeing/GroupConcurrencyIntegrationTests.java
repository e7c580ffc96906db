package org.mentorhub.wellbeing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.wellbeing.groups.SupportGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;

/**
 * {@code member_count} stays the true number of active members under 20 simultaneous joins and leaves
 * (started together by a latch), including the same person joining twice at once and one leaving twice
 * at once. Run on H2, PostgreSQL and MariaDB.
 */
@MentorHubIntegrationTest
class GroupConcurrencyIntegrationTests {

	@Autowired
	SupportGroups groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@RepeatedTest(5)
	void twentySimultaneousJoinsAndLeavesLeaveTheTrueMemberCount() throws Exception {
		TestInstitution company = aCompany().withDepartment("ENGR").build(this.jdbc);
		long group = WellbeingFixtures.group(this.jdbc, company.id(), "Busy group", false);
		List<UserDetails> leavers = new ArrayList<>();
		List<UserDetails> joiners = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			Account member = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
			WellbeingFixtures.member(this.jdbc, group, member.id(), "MEMBER");
			leavers.add(this.users.loadUserByUsername(member.email()));
		}
		for (int i = 0; i < 7; i++) {
			joiners.add(this.users.loadUserByUsername(company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc).email()));
		}
		List<Runnable> work = new ArrayList<>();
		for (UserDetails joiner : joiners) {
			work.add(() -> RunAs.run(joiner, () -> this.groups.join(group)));
		}
		for (UserDetails leaver : leavers) {
			work.add(() -> RunAs.run(leaver, () -> this.groups.leave(group)));
		}
		// The same person twice at once, both ways.
		for (int i = 0; i < 3; i++) {
			work.add(() -> RunAs.run(joiners.get(0), () -> this.groups.join(group)));
			work.add(() -> RunAs.run(leavers.get(0), () -> this.groups.leave(group)));
		}
		assertThat(work).hasSize(20);

		ExecutorService pool = Executors.newFixedThreadPool(work.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (Runnable task : work) {
			done.add(pool.submit(() -> {
				start.await();
				task.run();
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : done) {
			f.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();

		long actual = this.jdbc.sql("SELECT COUNT(*) FROM group_memberships WHERE group_id = :g AND status = 'ACTIVE'")
			.param("g", group).query(Long.class).single();
		long counted = this.jdbc.sql("SELECT member_count FROM support_groups WHERE id = :g").param("g", group)
			.query(Long.class).single();
		assertThat(actual).isEqualTo(7);
		assertThat(counted).isEqualTo(actual);
		assertThat(this.jdbc.sql("SELECT last_active_at FROM support_groups WHERE id = :g").param("g", group)
			.query(Object.class).single()).isNotNull();
	}

}
