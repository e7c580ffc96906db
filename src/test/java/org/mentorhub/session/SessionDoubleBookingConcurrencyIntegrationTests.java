package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Double booking under concurrent requests, on whatever database the run uses (H2, PostgreSQL,
 * MariaDB): N requests for overlapping times that share one person, started together by a latch,
 * make exactly one session; every other request is refused as overlapping (400).
 */
@MentorHubIntegrationTest
class SessionDoubleBookingConcurrencyIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	static final int THREADS = 6;

	@Autowired
	Sessions sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void menteesOfOneMentorRacingForTheSameHourGetOneSession() throws Exception {
		Account mentor = this.college.a(RoleName.MENTOR).inDepartment("CS").create(this.jdbc);
		List<Account> mentees = new ArrayList<>();
		List<Long> mentorships = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			Account mentee = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
			mentees.add(mentee);
			mentorships.add(SessionFixtures.mentorship(this.jdbc, mentor, mentee, "ACTIVE"));
		}
		Instant start = SessionFixtures.randomHour(100, 300);
		List<Object> outcomes = race(THREADS, i -> as(mentees.get(i), () -> this.sessions.create(mentorships.get(i),
				draft(start.plus(i * 10L, ChronoUnit.MINUTES)), false)));
		assertOneWon(outcomes);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mentoring_sessions WHERE mentor_id = :m").param("m", mentor.id())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void bothSidesOfOnePairRacingGetOneSession() throws Exception {
		SessionFixtures.Pair p = SessionFixtures.pair(this.jdbc, this.college.code(), "CS", "ACTIVE");
		Instant start = SessionFixtures.randomHour(100, 300);
		List<Object> outcomes = race(THREADS, i -> as(i % 2 == 0 ? p.mentor() : p.mentee(),
				() -> this.sessions.create(p.mentorshipId(), draft(start), false)));
		assertOneWon(outcomes);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mentoring_sessions WHERE mentorship_id = :m")
			.param("m", p.mentorshipId()).query(Integer.class).single()).isEqualTo(1);
	}

	static void assertOneWon(List<Object> outcomes) {
		assertThat(outcomes.stream().filter(SessionView.class::isInstance).count()).as("outcomes %s", outcomes).isEqualTo(1);
		assertThat(outcomes).filteredOn(o -> !(o instanceof SessionView))
			.allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.getMessage()).contains("overlaps")));
	}

	static SessionDraft draft(Instant start) {
		return new SessionDraft("Race", null, null, LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString(), "UTC", 60,
				"ONLINE", null, null);
	}

	interface Work {

		Object run(int index) throws Exception;

	}

	<T> T as(Account account, java.util.concurrent.Callable<T> work) throws Exception {
		UserDetails user = this.users.loadUserByUsername(account.email());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return work.call();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

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
				outcomes.add(f.get(120, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
