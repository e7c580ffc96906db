package org.mentorhub.profile.onboarding;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.profile.OnboardingReminderSent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who has not finished onboarding, and reminders: scope, once a day, audited, and refused to everyone else. */
@MentorHubIntegrationTest
class OnboardingFollowUpIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** A university of this test's own, with the departments CS, BUS and ENG. */
	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").withDepartment("ENG").build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions remind(Account caller, Account person) throws Exception {
		return this.mvc.perform(post("/api/v1/admin/onboarding/" + person.id() + "/reminders").with(as(caller)).with(csrf()));
	}

	long mailsTo(Account person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :e")
			.param("e", person.email())
			.query(Long.class)
			.single();
	}

	/** A mentee of the university's department whose name starts with the prefix (for searching). */
	Account named(String prefix, String department) {
		Account account = this.college.aStudent().inDepartment(department).create(this.jdbc);
		this.jdbc.sql("UPDATE users SET full_name = :n WHERE id = :u")
			.param("n", prefix + " " + account.id())
			.param("u", account.id())
			.update();
		return account;
	}

	static String prefix() {
		return "Onb" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anAdministratorListsWhoHasNotFinishedWithStepAndFiltersByRoleAndStatus() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);
		String prefix = prefix();
		Account fresh = named(prefix, "CS");
		Account started = named(prefix, "BUS");
		Account done = named(prefix, "CS");
		this.jdbc.sql("INSERT INTO user_profiles (user_id, onboarding_status, onboarding_step) VALUES (:u, 'IN_PROGRESS', 1)")
			.param("u", started.id())
			.update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, onboarding_status, onboarding_step, onboarding_completed_at) "
				+ "VALUES (:u, 'COMPLETED', 2, CURRENT_TIMESTAMP)")
			.param("u", done.id())
			.update();

		this.mvc.perform(get("/api/v1/admin/onboarding").param("q", prefix).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.entries[?(@.userId == " + fresh.id() + ")].status").value(hasItem("NOT_STARTED")))
			.andExpect(jsonPath("$.entries[?(@.userId == " + started.id() + ")].status").value(hasItem("IN_PROGRESS")))
			.andExpect(jsonPath("$.entries[?(@.userId == " + started.id() + ")].currentStep").value(hasItem(2)))
			.andExpect(jsonPath("$.entries[?(@.userId == " + started.id() + ")].totalSteps").value(hasItem(2)))
			.andExpect(jsonPath("$.entries[?(@.userId == " + done.id() + ")]").isEmpty());
		this.mvc.perform(get("/api/v1/admin/onboarding").param("q", prefix).param("status", "IN_PROGRESS").with(as(admin)))
			.andExpect(jsonPath("$.entries", hasSize(1)))
			.andExpect(jsonPath("$.entries[0].userId").value(started.id()));
		this.mvc.perform(get("/api/v1/admin/onboarding").param("q", prefix).param("role", "MENTOR").with(as(admin)))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/admin/onboarding").param("role", "WIZARD").param("page", "0").with(as(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'role')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'page')]").isNotEmpty());

		this.mvc.perform(get("/admin/onboarding").param("q", prefix).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(prefix + " " + fresh.id())))
			.andExpect(content().string(containsString("2 of 2")))
			.andExpect(content().string(not(containsString(prefix + " " + done.id()))));
	}

	@Test
	void aCoordinatorSeesOnlyTheirDepartmentAndOtherInstitutionsAreInvisible() throws Exception {
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		String prefix = prefix();
		Account mine = named(prefix, "CS");
		Account otherDepartment = named(prefix, "BUS");
		this.mvc.perform(get("/api/v1/admin/onboarding").param("q", prefix).with(as(coordinator)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.entries[0].userId").value(mine.id()));
		remind(coordinator, otherDepartment).andExpect(status().isNotFound());
		remind(coordinator, mine).andExpect(status().isOk());

		Account companyAdmin = aCompany().build(this.jdbc).anAdmin().create(this.jdbc);
		this.mvc.perform(get("/api/v1/admin/onboarding").param("q", prefix).with(as(companyAdmin)))
			.andExpect(jsonPath("$.total").value(0));
		remind(companyAdmin, otherDepartment).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(prefix))));
		assertThat(mailsTo(otherDepartment)).isZero();
	}

	@Test
	void onlyAdministratorsAndCoordinatorsMayListOrRemind() throws Exception {
		Account person = named(prefix(), "CS");
		for (RoleName role : new RoleName[] { RoleName.MENTOR, RoleName.MENTEE, RoleName.NEW_MOTHER }) {
			Account caller = this.college.a(role).inDepartment("CS").create(this.jdbc);
			this.mvc.perform(get("/api/v1/admin/onboarding").with(as(caller))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/onboarding").with(as(caller))).andExpect(status().isForbidden());
			remind(caller, person).andExpect(status().isForbidden());
		}
		Account platform = TestAccounts.create(this.jdbc, null, null, RoleName.PLATFORM_ADMIN);
		remind(platform, person).andExpect(status().isForbidden());
		assertThat(mailsTo(person)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM onboarding_reminders WHERE user_id = :u")
			.param("u", person.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aReminderIsMailedAuditedAndNotRepeatedWithin24Hours() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);
		Account person = named(prefix(), "BUS");
		remind(admin, person).andExpect(status().isOk())
			.andExpect(jsonPath("$.userId").value(person.id()))
			.andExpect(jsonPath("$.nextAllowedAt").isNotEmpty());
		assertThat(mailsTo(person)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT body_text FROM outbox_mails WHERE recipient = :e")
			.param("e", person.email())
			.query(String.class)
			.single()).contains("step 1 of 2", "/onboarding");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ONBOARDING_REMINDER_SENT' AND entity_id = :u")
			.param("u", String.valueOf(person.id()))
			.query(Long.class)
			.single()).isEqualTo(1);

		remind(admin, person).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("less than 24 hours ago")));
		assertThat(mailsTo(person)).isEqualTo(1);

		this.jdbc.sql("UPDATE onboarding_reminders SET last_sent_at = :at WHERE user_id = :u")
			.param("at", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(25))
			.param("u", person.id())
			.update();
		remind(admin, person).andExpect(status().isOk());
		assertThat(mailsTo(person)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT sent_count FROM onboarding_reminders WHERE user_id = :u")
			.param("u", person.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void finishedDisabledAndUnknownPeopleAreNotReminded() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);
		Account done = named(prefix(), "CS");
		this.jdbc.sql("INSERT INTO user_profiles (user_id, onboarding_status, onboarding_step) VALUES (:u, 'COMPLETED', 2)")
			.param("u", done.id())
			.update();
		remind(admin, done).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already finished")));
		Account disabled = named(prefix(), "CS");
		this.jdbc.sql("UPDATE users SET status = 'DISABLED' WHERE id = :u").param("u", disabled.id()).update();
		remind(admin, disabled).andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/admin/onboarding/987654321/reminders").with(as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(mailsTo(done) + mailsTo(disabled)).isZero();
	}

	@Test
	void remindingEveryoneShownSkipsThoseRemindedLately() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);
		String prefix = prefix();
		Account a = named(prefix, "CS");
		Account b = named(prefix, "ENG");
		remind(admin, a).andExpect(status().isOk());

		this.mvc.perform(post("/api/v1/admin/onboarding/reminders").param("q", prefix).with(as(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.remindedUserIds", hasSize(1)))
			.andExpect(jsonPath("$.remindedUserIds[0]").value(b.id()))
			.andExpect(jsonPath("$.skipped").value(1));
		assertThat(mailsTo(a)).isEqualTo(1);
		assertThat(mailsTo(b)).isEqualTo(1);

		this.mvc.perform(post("/admin/onboarding/reminders").param("q", prefix).with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/onboarding?q=" + prefix + "&page=1"));
		assertThat(mailsTo(a) + mailsTo(b)).isEqualTo(2);
	}

	@Test
	void eachReminderSentPublishesOneEventForThePersonWithTheSender() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);
		String prefix = prefix();
		Account a = named(prefix, "CS");
		Account b = named(prefix, "BUS");
		Account c = named(prefix, "ENG");
		java.util.Set<Long> mine = java.util.Set.of(a.id(), b.id(), c.id());
		try (CapturedEvents<OnboardingReminderSent> events = CapturedEvents.of(this.context, OnboardingReminderSent.class)) {
			remind(admin, a).andExpect(status().isOk());
			remind(admin, a).andExpect(status().isConflict());
			assertThat(events.matching(e -> mine.contains(e.userId()))).singleElement().satisfies(e -> {
				assertThat(e.userId()).isEqualTo(a.id());
				assertThat(e.actorId()).isEqualTo(admin.id());
				assertThat(e.occurredAt()).isNotNull();
			});
			// Everyone shown at once: one event per person reminded, none for the one skipped.
			this.mvc.perform(post("/api/v1/admin/onboarding/reminders").param("q", prefix).with(as(admin)).with(csrf()))
				.andExpect(status().isOk()).andExpect(jsonPath("$.skipped").value(1));
			this.mvc.perform(post("/api/v1/admin/onboarding/reminders").param("q", prefix).with(as(admin)).with(csrf()))
				.andExpect(status().isOk()).andExpect(jsonPath("$.skipped").value(3));
			assertThat(events.matching(e -> mine.contains(e.userId()))).extracting(OnboardingReminderSent::userId)
				.containsExactlyInAnyOrder(a.id(), b.id(), c.id());
			assertThat(events.matching(e -> mine.contains(e.userId()))).extracting(OnboardingReminderSent::actorId)
				.containsOnly(admin.id());
		}
	}

	@Test
	void thePageSendsAReminderAndShowsATooEarlyOneInline() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);
		String prefix = prefix();
		Account person = named(prefix, "CS");
		this.mvc.perform(post("/admin/onboarding/" + person.id() + "/reminders").param("q", prefix)
				.with(as(admin))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/onboarding?q=" + prefix + "&page=1"));
		this.mvc.perform(post("/admin/onboarding/" + person.id() + "/reminders").param("q", prefix)
				.with(as(admin))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("less than 24 hours ago")))
			.andExpect(content().string(containsString("Reminded lately")));
		assertThat(mailsTo(person)).isEqualTo(1);
	}

	@Test
	void theListPagesWhenMoreThanOnePageHasNotFinished() throws Exception {
		Account admin = this.college.anAdmin().inDepartment("CS").create(this.jdbc);
		String prefix = prefix();
		for (int i = 0; i < OnboardingFollowUps.PAGE_SIZE + 2; i++) {
			named(prefix, "CS");
		}
		this.mvc.perform(get("/admin/onboarding").param("q", prefix).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"next-page\" href=\"/admin/onboarding?q=" + prefix + "&amp;page=2\"")));
		this.mvc.perform(get("/admin/onboarding").param("q", prefix).param("page", "2").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"previous-page\" href=\"/admin/onboarding?q=" + prefix + "&amp;page=1\"")));
	}

}
