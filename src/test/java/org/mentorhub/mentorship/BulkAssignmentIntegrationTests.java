package org.mentorhub.mentorship;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.mentorship.BulkAssignments.Draft;
import org.mentorhub.mentorship.BulkAssignments.Status;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.jobs.Jobs;
import org.mentorhub.platform.jobs.KilledInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk assignment through the facade, the API and the pages: the journey, bad input and wrong users. */
@MentorHubIntegrationTest
class BulkAssignmentIntegrationTests {

	@Autowired
	BulkAssignments bulk;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Jobs jobs;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationContext context;

	MentorshipTestSupport t;

	MatchingFixtures f;

	@BeforeEach
	void setUp() {
		this.t = new MentorshipTestSupport(this.jdbc, this.users);
		this.f = new MatchingFixtures(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	/** A fresh institution and department: mentors A (1 place), B (2 places), C (no overlapping time), mentees 1-3. */
	record World(String inst, String dept, long deptId, Account a, Account b, Account c, List<Account> mentees) {
	}

	World world() {
		String inst = this.f.institution();
		String dept = this.f.department(inst);
		Account a = this.f.mentor(inst, dept, 1, "Java leadership");
		Account b = this.f.mentor(inst, dept, 2, "Design");
		Account c = this.f.mentor(inst, dept, 3, "Java");
		this.f.available(a, 3, 9, 12, "UTC");
		this.f.available(b, 3, 9, 12, "UTC");
		this.f.available(c, 5, 18, 20, "UTC");
		List<Account> mentees = List.of(this.f.mentee(inst, dept, RoleName.MENTEE, "Java"),
				this.f.mentee(inst, dept, RoleName.MENTEE, "Design"), this.f.mentee(inst, dept, RoleName.MENTEE, "Java design"));
		mentees.forEach(m -> this.f.available(m, 3, 10, 12, "UTC"));
		return new World(inst, dept, this.f.departmentId(inst, dept), a, b, c, mentees);
	}

	Draft ready(Account admin, long id) {
		Draft draft = this.t.as(admin, () -> this.bulk.await(id, Duration.ofSeconds(60)));
		assertThat(draft.summary().status()).isEqualTo(Status.READY);
		return draft;
	}

	int mentorships(Account mentee) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mentorships WHERE mentee_id = :e AND status = 'ACTIVE'")
			.param("e", mentee.id()).query(Integer.class).single();
	}

	@Test
	void runReviewPinRerunStaleCommitAndCommitTwice() {
		World w = world();
		Account admin = this.f.account(w.inst(), null, RoleName.ADMIN);
		long id = this.t.as(admin, () -> this.bulk.start(w.deptId(), null, false));
		Draft draft = ready(admin, id);
		// The run's job reports the draft's percentage as its progress: all of it once the run is done.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				this.jobs.latest(BulkAssignmentRun.KIND, id).orElseThrow())
			.satisfies(job -> {
				assertThat(job.done()).isEqualTo(100);
				assertThat(job.total()).isEqualTo(100);
			}));
		// Three places that overlap (A 1, B 2), three mentees: all placed, capacity respected, C never used.
		assertThat(draft.summary().assignedCount()).isEqualTo(3);
		assertThat(draft.pairs()).extracting(BulkAssignments.DraftPair::mentorId).doesNotContain(w.c().id());
		assertThat(draft.pairs()).allSatisfy(p -> assertThat(p.explanation()).contains("overlapping availability"));
		assertThat(draft.summary().totalScore()).isEqualTo(draft.pairs().stream().mapToLong(BulkAssignments.DraftPair::score).sum());

		Account m0 = w.mentees().get(0);
		// A pin that breaks a hard limit (no overlapping availability): 400, nothing stored.
		assertThatThrownBy(() -> this.t.run(admin, () -> this.bulk.pin(id, m0.id(), w.c().id())))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("no overlapping availability");
		assertThatThrownBy(() -> this.t.run(admin, () -> this.bulk.pin(id, w.a().id(), w.b().id())))
			.isInstanceOf(InvalidInputException.class);
		// A good pin: the draft needs a re-run before a commit.
		this.t.run(admin, () -> this.bulk.pin(id, m0.id(), w.b().id()));
		assertThat(this.t.as(admin, () -> this.bulk.summary(id)).needsRerun()).isTrue();
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.commit(id, null)))
			.isInstanceOf(StateTransitionException.class).hasMessageContaining("re-run");
		this.t.run(admin, () -> this.bulk.rerun(id));
		draft = ready(admin, id);
		assertThat(draft.pairs()).anySatisfy(p -> {
			assertThat(p.menteeId()).isEqualTo(m0.id());
			assertThat(p.mentorId()).isEqualTo(w.b().id());
			assertThat(p.pinned()).isTrue();
		});
		assertThat(draft.pins()).hasSize(1);

		// Meanwhile a mentee gets a mentorship: the whole commit is refused and nothing is written.
		Account m1 = w.mentees().get(1);
		this.t.insert(w.c(), m1, "REQUESTED");
		long version = draft.summary().version();
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.commit(id, version)))
			.isInstanceOf(StateTransitionException.class).hasMessageContaining("stale, re-run it");
		assertThat(mentorships(m0)).isZero();
		assertThat(this.f.count(w.a()) + this.f.count(w.b())).isZero();
		assertThat(this.t.as(admin, () -> this.bulk.summary(id)).status()).isEqualTo(Status.STALE);

		this.t.run(admin, () -> this.bulk.rerun(id));
		draft = ready(admin, id);
		assertThat(draft.summary().assignedCount()).isEqualTo(2);
		long fresh = draft.summary().version();
		// An old version: 409.
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.commit(id, fresh - 1)))
			.isInstanceOf(StateTransitionException.class);
		try (CapturedEvents<AssignmentDraftCommitted> committed = CapturedEvents.of(this.context, AssignmentDraftCommitted.class);
				CapturedEvents<MentorshipProposed> proposed = CapturedEvents.of(this.context, MentorshipProposed.class);
				CapturedEvents<MentorshipActivated> activated = CapturedEvents.of(this.context, MentorshipActivated.class)) {
			assertThat(this.t.as(admin, () -> this.bulk.commit(id, fresh))).isEqualTo(2);
			assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.commit(id, null)))
				.isInstanceOf(StateTransitionException.class);
			// One event for the draft, and each pair's own events, with the committing administrator as actor.
			assertThat(committed.matching(e -> e.draftId() == id)).singleElement().satisfies(e -> {
				assertThat(e.institutionId()).isEqualTo(admin.institutionId());
				assertThat(e.departmentId()).isEqualTo(w.deptId());
				assertThat(e.committedBy()).isEqualTo(admin.id());
				assertThat(e.pairs()).isEqualTo(2);
				assertThat(e.occurredAt()).isNotNull();
			});
			List<Long> placed = List.of(m0.id(), w.mentees().get(2).id());
			assertThat(proposed.matching(e -> placed.contains(e.menteeId()))).extracting(MentorshipProposed::menteeId)
				.containsExactlyInAnyOrderElementsOf(placed);
			assertThat(activated.matching(e -> placed.contains(e.menteeId()))).hasSize(2)
				.allSatisfy(e -> assertThat(e.actorId()).isEqualTo(admin.id()));
		}
		assertThat(mentorships(m0)).isEqualTo(1);
		assertThat(mentorships(w.mentees().get(2))).isEqualTo(1);
		assertThat(this.f.count(w.a())).isLessThanOrEqualTo(1);
		assertThat(this.f.count(w.b())).isLessThanOrEqualTo(2);
		assertThat(this.f.count(w.a()) + this.f.count(w.b())).isEqualTo(2);
		assertThat(this.t.as(admin, () -> this.bulk.summary(id)).status()).isEqualTo(Status.COMMITTED);
		// Commit twice: 409, nothing more.
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.commit(id, null)))
			.isInstanceOf(StateTransitionException.class).hasMessageContaining("already committed");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE entity = 'assignment_draft' AND entity_id = :id "
				+ "AND action IN ('BULK_ASSIGNMENT_STARTED', 'BULK_ASSIGNMENT_COMMITTED')")
			.param("id", String.valueOf(id)).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void aFullMentorAtCommitMakesTheDraftStale() {
		World w = world();
		Account admin = this.f.account(w.inst(), null, RoleName.ADMIN);
		long id = this.t.as(admin, () -> this.bulk.start(null, List.of(w.mentees().get(0).email()), false));
		Draft draft = ready(admin, id);
		long mentor = draft.pairs().get(0).mentorId();
		this.jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = max_mentees WHERE user_id = :u").param("u", mentor).update();
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.commit(id, null)))
			.isInstanceOf(StateTransitionException.class).hasMessageContaining("stale");
		assertThat(mentorships(w.mentees().get(0))).isZero();
		// Discard: audited, and no further change.
		this.t.run(admin, () -> this.bulk.discard(id));
		assertThatThrownBy(() -> this.t.run(admin, () -> this.bulk.rerun(id))).isInstanceOf(StateTransitionException.class);
	}

	@Test
	void badInputAndWrongUsers() {
		World w = world();
		Account admin = this.f.account(w.inst(), null, RoleName.ADMIN);
		Account acmeAdmin = this.f.account(this.f.company(), null, RoleName.ADMIN);
		Account acmeMentee = this.f.account(this.f.company(), null, RoleName.MENTEE);
		Account otherCoordinator = this.f.account(w.inst(), this.f.department(w.inst()), RoleName.COORDINATOR);
		Account ownCoordinator = this.f.account(w.inst(), w.dept(), RoleName.COORDINATOR);
		// Unknown department, another institution's department, a cohort of another institution's users.
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.start(999_999_999L, null, false)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("department");
		long acmeDept = this.jdbc.sql("SELECT MIN(id) FROM departments WHERE institution_id = :i")
			.param("i", acmeAdmin.institutionId()).query(Long.class).single();
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.start(acmeDept, null, false)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.start(null, List.of(acmeMentee.email()), false)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining(acmeMentee.email());
		assertThatThrownBy(() -> this.t.as(admin, () -> this.bulk.start(null, List.of(String.valueOf(acmeMentee.id()), "junk"), false)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("junk");
		// A coordinator runs for their own department only.
		assertThatThrownBy(() -> this.t.as(otherCoordinator, () -> this.bulk.start(w.deptId(), null, false)))
			.isInstanceOf(InvalidInputException.class);
		long id = this.t.as(ownCoordinator, () -> this.bulk.start(null, null, true));
		Draft draft = ready(ownCoordinator, id);
		assertThat(draft.summary().departmentId()).isEqualTo(w.deptId());
		assertThat(draft.summary().maximiseAssignments()).isTrue();
		// Wrong users: mentor and mentee 403; coordinator of another department and admin of another institution 404.
		assertThatThrownBy(() -> this.t.as(w.a(), () -> this.bulk.get(id))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.t.as(w.mentees().get(0), () -> this.bulk.start(null, null, false)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.t.as(otherCoordinator, () -> this.bulk.get(id))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.run(otherCoordinator, () -> this.bulk.commit(id, null))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.as(acmeAdmin, () -> this.bulk.get(id))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.t.run(acmeAdmin, () -> this.bulk.pin(id, w.mentees().get(0).id(), w.a().id())))
			.isInstanceOf(NotFoundException.class);
		// A pin of a mentee not in the draft, and a mentor of another institution.
		assertThatThrownBy(() -> this.t.run(admin, () -> this.bulk.pin(id, acmeMentee.id(), w.a().id())))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.t.run(admin, () -> this.bulk.pin(id, w.mentees().get(0).id(), acmeAdmin.id())))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.t.run(admin, () -> this.bulk.pin(id, null, null))).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void thePageAsksBeforeRemovingAPairAndThenRemovesIt() throws Exception {
		World w = world();
		Account admin = this.f.account(w.inst(), null, RoleName.ADMIN);
		String body = this.mvc.perform(post("/api/v1/mentorships/bulk?wait=true").with(as(admin)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"departmentId\":" + w.deptId() + ",\"maximiseAssignments\":true}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.summary.id")).longValue();
		long mentee = ((Number) JsonPath.read(body, "$.pairs[0].menteeId")).longValue();
		long mentor = ((Number) JsonPath.read(body, "$.pairs[0].mentorId")).longValue();
		String menteeName = JsonPath.read(body, "$.pairs[0].menteeName");

		String page = this.mvc.perform(get("/mentorships/bulk/" + id).with(as(admin)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		String form = "action=\"/mentorships/bulk/" + id + "/removals\"";
		int details = page.indexOf("<details class=\"confirm-action mb-2\" id=\"remove-" + mentee + "-" + mentor + "\"");
		assertThat(details).as("removing the pair is a confirmation").isPositive();
		String confirmation = page.substring(details, page.indexOf("</details>", details));
		assertThat(confirmation).contains(form, "name=\"menteeId\" value=\"" + mentee + "\"",
				"name=\"mentorId\" value=\"" + mentor + "\"", "Remove the pair " + menteeName + " and ",
				"Yes, remove the pair");
		assertThat(page.indexOf(form)).as("no remove form outside a confirmation").isGreaterThan(page.indexOf("id=\"remove-"));

		this.mvc.perform(post("/mentorships/bulk/" + id + "/removals").with(as(admin)).with(csrf())
				.param("menteeId", String.valueOf(mentee)).param("mentorId", String.valueOf(mentor)))
			.andExpect(status().isFound());
		assertThat(this.t.as(admin, () -> this.bulk.get(id)).removals())
			.anySatisfy(p -> assertThat(List.of(p.menteeId(), p.mentorId())).containsExactly(mentee, mentor));
	}

	@Test
	void theApiRunsTheOptimiserAsOneCallAndAnswersProblemJson() throws Exception {
		World w = world();
		Account admin = this.f.account(w.inst(), null, RoleName.ADMIN);
		String body = this.mvc.perform(post("/api/v1/mentorships/bulk?wait=true").with(as(admin)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"departmentId\":" + w.deptId() + ",\"maximiseAssignments\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary.status").value("READY"))
			.andExpect(jsonPath("$.summary.assignedCount").value(3))
			.andExpect(jsonPath("$.pairs[0].explanation").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(body.replaceAll("^.*?\"summary\":\\{\"id\":(\\d+).*$", "$1"));
		this.mvc.perform(post("/api/v1/mentorships/bulk").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"departmentId\":424242424}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("departmentId"));
		this.mvc.perform(post("/api/v1/mentorships/bulk/" + id + "/pins").with(as(admin)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"menteeId\":" + w.mentees().get(0).id() + ",\"mentorId\":" + w.c().id() + "}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pins"));
		this.mvc.perform(get("/mentorships/bulk/" + id).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("overlapping availability")));
		this.mvc.perform(post("/mentorships/bulk/" + id + "/pins").with(as(admin)).with(csrf())
				.param("menteeId", String.valueOf(w.mentees().get(0).id())).param("mentorId", String.valueOf(w.c().id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("no overlapping availability")));
		this.mvc.perform(post("/api/v1/mentorships/bulk/" + id + "/commit").with(as(admin)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/v1/mentorships/bulk/" + id + "/commit").with(as(admin)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.mentorships").value(3));
		this.mvc.perform(post("/mentorships/bulk/" + id + "/commit").with(as(admin)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("already committed")));
		this.mvc.perform(get("/mentorships/manage").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/mentorships/bulk")));
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"/api/v1/mentorships/bulk/{id}/commit\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Bulk assignment")));
		this.mvc.perform(post("/mentorships/bulk").with(as(admin)).with(csrf()).param("cohort", "nobody@nowhere.test"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("nobody@nowhere.test")));
	}

	/** What a killed instance leaves: the draft RUNNING, its job RUNNING with a stale heartbeat. */
	long killedWhileRunning(long draftId, Account admin, int attempts) {
		this.jdbc.sql("UPDATE assignment_drafts SET status = 'RUNNING', progress = 40 WHERE id = :id")
			.param("id", draftId)
			.update();
		return KilledInstance.leaveRunning(this.jdbc, this.clock, BulkAssignmentRun.KIND, draftId, admin.id(), attempts);
	}

	@Test
	void aRunInterruptedByARestartIsResumedAndARunInterruptedTooOftenFailsAndIsRetried() throws Exception {
		World w = world();
		Account admin = this.f.account(w.inst(), null, RoleName.ADMIN);
		long id = this.t.as(admin, () -> this.bulk.start(w.deptId(), null, false));
		ready(admin, id);

		long resumed = killedWhileRunning(id, admin, 1);
		this.jobs.recoverInterrupted();
		assertThat(ready(admin, id).summary().assignedCount()).isEqualTo(3);
		// The draft is READY a moment before its job is marked done.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(KilledInstance.stateOf(this.jdbc, resumed)).isEqualTo("SUCCEEDED 2 null"));

		long failed = killedWhileRunning(id, admin, 3);
		this.jobs.recoverInterrupted();
		Draft draft = this.t.as(admin, () -> this.bulk.await(id, Duration.ofSeconds(60)));
		assertThat(draft.summary().status()).isEqualTo(Status.FAILED);
		assertThat(draft.summary().failureReason()).contains("Interrupted by a restart");
		assertThat(KilledInstance.stateOf(this.jdbc, failed)).startsWith("FAILED 3 Interrupted by a restart");
		Account otherAdmin = this.f.account(w.inst(), null, RoleName.ADMIN);
		this.mvc.perform(post("/api/v1/jobs/{id}/retry", failed).with(as(otherAdmin)).with(csrf()))
			.andExpect(status().isNotFound());

		this.mvc.perform(post("/api/v1/jobs/{id}/retry", failed).with(as(admin)).with(csrf()))
			.andExpect(status().isAccepted());
		assertThat(ready(admin, id).summary().assignedCount()).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(KilledInstance.latestStateOf(this.jdbc, BulkAssignmentRun.KIND, id)).isEqualTo("SUCCEEDED"));
		this.mvc.perform(post("/api/v1/jobs/{id}/retry", resumed).with(as(admin)).with(csrf()))
			.andExpect(status().isConflict());
	}

}
