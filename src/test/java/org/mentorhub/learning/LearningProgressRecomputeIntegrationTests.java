package org.mentorhub.learning;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Progress stays equal to the completion rows when a path that people follow changes: adding a module
 * un-completes those who had completed everything, removing the one module a learner had left
 * completes the path for them, and concurrent completions and enrolments of one learner count once.
 */
@MentorHubIntegrationTest
class LearningProgressRecomputeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account admin;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
	}

	Map<String, Object> progress(long progressId) {
		return this.jdbc.sql("SELECT progress_pct, completed_at FROM user_learning_progress WHERE id = :id")
			.param("id", progressId)
			.query()
			.singleRow();
	}

	int pct(long progressId) {
		return ((Number) progress(progressId).get("progress_pct")).intValue();
	}

	@Test
	void addingAModuleUncompletesAndRemovingItCompletesAgain() throws Exception {
		LearningFixtures.Planted path = LearningFixtures.path(this.jdbc, this.college.id(), "Followed", true, 3);
		Account done = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		Account half = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		Account fresh = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		long doneProgress = LearningFixtures.enrol(this.jdbc, done.id(), path, 3);
		long halfProgress = LearningFixtures.enrol(this.jdbc, half.id(), path, 2);
		long freshProgress = LearningFixtures.enrol(this.jdbc, fresh.id(), path, 0);
		assertThat(progress(doneProgress).get("completed_at")).isNotNull();

		String body = this.mvc.perform(post("/api/v1/learning/paths/" + path.id() + "/modules")
				.with(user(this.users.loadUserByUsername(this.admin.email()))).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"New\",\"kind\":\"READING\",\"content\":\"More\",\"estimatedMinutes\":10}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long added = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
		assertThat(pct(doneProgress)).isEqualTo(75);
		assertThat(progress(doneProgress).get("completed_at")).as("a new module un-completes the path").isNull();
		assertThat(pct(halfProgress)).isEqualTo(50);
		assertThat(pct(freshProgress)).isZero();

		// The half-way learner completes the new module: 3 of 4. Removing their last open module completes it.
		this.mvc.perform(put("/api/v1/learning/paths/" + path.id() + "/modules/" + added + "/completion")
				.with(user(this.users.loadUserByUsername(half.email()))).with(csrf()))
			.andExpect(status().isOk());
		assertThat(pct(halfProgress)).isEqualTo(75);
		this.mvc.perform(delete("/api/v1/learning/paths/" + path.id() + "/modules/" + path.modules().get(2))
				.with(user(this.users.loadUserByUsername(this.admin.email()))).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(pct(halfProgress)).isEqualTo(100);
		assertThat(progress(halfProgress).get("completed_at")).as("removing the last open module completes it").isNotNull();
		assertThat(pct(doneProgress)).as("2 of the 3 that remain").isEqualTo(66);
		assertThat(progress(doneProgress).get("completed_at")).isNull();
		assertThat(pct(freshProgress)).isZero();
	}

	@Test
	void concurrentCompletionsAndEnrolmentsOfOneLearnerCountOnce() throws Exception {
		LearningFixtures.Planted path = LearningFixtures.path(this.jdbc, this.college.id(), "Raced", true, 2);
		Account learner = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		var principal = this.users.loadUserByUsername(learner.email());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> enrolments = race(pool, 4, () -> this.mvc
				.perform(post("/api/v1/learning/paths/" + path.id() + "/enrolment").with(user(principal)).with(csrf()))
				.andReturn().getResponse().getStatus());
			for (Future<Integer> result : enrolments) {
				assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
			List<Future<Integer>> completions = new ArrayList<>();
			for (long module : path.modules()) {
				completions.addAll(race(pool, 2, () -> this.mvc
					.perform(put("/api/v1/learning/paths/" + path.id() + "/modules/" + module + "/completion")
						.with(user(principal)).with(csrf()))
					.andReturn().getResponse().getStatus()));
			}
			for (Future<Integer> result : completions) {
				assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long progress = this.jdbc.sql("SELECT id FROM user_learning_progress WHERE user_id = :u AND path_id = :p")
			.param("u", learner.id()).param("p", path.id()).query(Long.class).single();
		assertThat(pct(progress)).isEqualTo(100);
		assertThat(progress(progress).get("completed_at")).isNotNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM learning_module_completions WHERE progress_id = :p")
			.param("p", progress).query(Long.class).single()).isEqualTo(2);
	}

	interface Call {

		Integer run() throws Exception;

	}

	private static List<Future<Integer>> race(ExecutorService pool, int n, Call call) {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return call.run();
			}));
		}
		start.countDown();
		return results;
	}

}
