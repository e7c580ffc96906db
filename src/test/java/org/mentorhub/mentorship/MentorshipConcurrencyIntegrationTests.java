package org.mentorhub.mentorship;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QUALITY R4 on whatever database the run uses (H2, PostgreSQL, MariaDB): N approvals of N
 * requests for a mentor with one place, started together by a latch, give exactly one active
 * mentorship, and every other approval fails with a 409 exception; two racing edits of one
 * mentorship: one wins, the other gets 409.
 */
@MentorHubIntegrationTest
class MentorshipConcurrencyIntegrationTests {

	static final int THREADS = 8;

	@Autowired
	Mentorships mentorships;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	MentorshipTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new MentorshipTestSupport(this.jdbc, this.users);
	}

	@Test
	void simultaneousApprovalsNeverPassTheCapacity() throws Exception {
		Account mentor = this.t.mentor(this.t.university(), "CS", 1);
		List<Long> requests = new ArrayList<>();
		List<Account> admins = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			requests.add(this.t.insert(mentor, this.t.account(this.t.university(), "CS", RoleName.MENTEE), "ACCEPTED"));
			admins.add(this.t.account(this.t.university(), null, RoleName.ADMIN));
		}
		List<Object> outcomes = race(THREADS, i -> this.t.as(admins.get(i), () -> this.mentorships.approve(requests.get(i), null, null)));
		long approved = outcomes.stream().filter(MentorshipView.class::isInstance).count();
		assertThat(approved).as("outcomes %s", outcomes).isEqualTo(1);
		assertThat(outcomes).filteredOn(o -> !(o instanceof MentorshipView))
			.allSatisfy(o -> assertThat(o).isInstanceOf(StateTransitionException.class));
		assertThat(this.t.count(mentor)).isEqualTo(1).isEqualTo(this.t.holding(mentor));
	}

	@Test
	void twoRacingEditsOfOneMentorshipOneWinsTheOtherGets409() throws Exception {
		Account mentor = this.t.mentor(this.t.university(), "CS", 2);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		long id = this.t.insert(mentor, mentee, "ACTIVE");
		this.jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = 1 WHERE user_id = :u").param("u", mentor.id()).update();
		long version = this.t.as(mentee, () -> this.mentorships.get(id)).version();
		List<Account> editors = List.of(mentee, mentor);
		List<Object> outcomes = race(2, i -> this.t.as(editors.get(i),
				() -> i == 0 ? this.mentorships.pause(id, "Holiday", version) : this.mentorships.end(id, "Moving", version)));
		assertThat(outcomes.stream().filter(MentorshipView.class::isInstance).count()).as("outcomes %s", outcomes).isEqualTo(1);
		assertThat(outcomes).filteredOn(o -> !(o instanceof MentorshipView))
			.singleElement()
			.satisfies(o -> assertThat(o).isInstanceOfAny(OptimisticLockingFailureException.class,
					StateTransitionException.class));
		assertThat(this.t.count(mentor)).isEqualTo(this.t.holding(mentor));
	}

	interface Work {

		Object run(int index) throws Exception;

	}

	/** Starts the work on N threads at once (latch) and returns each result or exception. */
	static List<Object> race(int n, Work work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch ready = new CountDownLatch(n);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					try {
						return work.run(index);
					}
					catch (Exception ex) {
						return ex;
					}
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> f : futures) {
				outcomes.add(f.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
