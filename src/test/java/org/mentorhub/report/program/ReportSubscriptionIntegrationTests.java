package org.mentorhub.report.program;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.report.program.ReportSubscriptions.Frequency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * E-mail subscriptions to the program dashboard: who may subscribe to what, that only the owner sees
 * or removes one, and that the job sends a due subscription once, with the figures of the planted
 * sessions of the owner's scope only, even when several runs race. The mails land in the development
 * outbox (no SMTP in tests).
 */
@MentorHubIntegrationTest
class ReportSubscriptionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ReportSubscriptionMailer mailer;

	TestInstitution college;

	TestInstitution elsewhere;

	Account admin;

	Account coordinator;

	Account busCoordinator;

	Account mentor;

	@BeforeEach
	void plant() {
		String t = unique();
		this.college = aUniversity().named("Subscribed University " + t).withDepartment("CS", "Computer Science " + t)
			.withDepartment("BUS", "Business " + t).build(this.jdbc);
		this.elsewhere = aUniversity().named("Elsewhere " + t).withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.busCoordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		// January 2026: three completed CS sessions (one a no-show), two completed BUS sessions; one CS session in
		// December, which the January mail shows as the previous period.
		long cs = mentorship("CS");
		session(cs, "CS", LocalDateTime.of(2026, 1, 5, 10, 0), "PRESENT");
		session(cs, "CS", LocalDateTime.of(2026, 1, 12, 10, 0), "ABSENT");
		session(cs, "CS", LocalDateTime.of(2026, 1, 31, 23, 0), "PRESENT");
		session(cs, "CS", LocalDateTime.of(2025, 12, 20, 10, 0), "PRESENT");
		long bus = mentorship("BUS");
		session(bus, "BUS", LocalDateTime.of(2026, 1, 7, 10, 0), "PRESENT");
		session(bus, "BUS", LocalDateTime.of(2026, 1, 8, 10, 0), "PRESENT");
	}

	long mentorship(String department) {
		return mentorship(department, this.college.aStudent().inDepartment(department).create(this.jdbc));
	}

	long mentorship(String department, Account s) {
		Account m = this.college.aMentor().inDepartment(department).create(this.jdbc);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at)
				VALUES (:i, :d, :m, :e, 'ACTIVE', :c, :c)""")
			.param("i", this.college.id()).param("d", this.college.department(department)).param("m", m.id())
			.param("e", s.id()).param("c", LocalDateTime.of(2025, 11, 1, 0, 0)).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void session(long mentorship, String department, LocalDateTime at, String attendance) {
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, attendance)
				SELECT id, mentor_id, mentee_id, 'Planted', :at, 'COMPLETED', :a FROM mentorships WHERE id = :p""")
			.param("p", mentorship).param("at", at).param("a", attendance).update();
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	JsonNode subscribe(Account who, String body, int status) throws Exception {
		String answer = this.mvc.perform(post("/api/v1/reports/subscriptions").with(as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(status))
			.andReturn().getResponse().getContentAsString();
		return answer.isEmpty() ? null : this.json.readTree(answer);
	}

	/** Makes the subscription due at a moment in the past (the 1st of February 2026, 06:00 UTC). */
	void dueOn1stFebruary(long id) {
		this.jdbc.sql("UPDATE report_subscriptions SET next_run_at = :at WHERE id = :id")
			.param("at", LocalDateTime.of(2026, 2, 1, 6, 0)).param("id", id).update();
	}

	List<String> mailsTo(Account who) {
		return this.jdbc.sql("SELECT body_text FROM outbox_mails WHERE recipient = :to ORDER BY id")
			.param("to", who.email()).query(String.class).list();
	}

	/** The one mail to this person whose subject has this text (the scope, and the kind when narrowed). */
	String mailWithSubject(Account who, String subject) {
		return this.jdbc.sql("SELECT subject, body_text FROM outbox_mails WHERE recipient = :to ORDER BY id")
			.param("to", who.email())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list().stream().filter(m -> m[0].contains(subject)).map(m -> m[1])
			.reduce((a, b) -> { throw new AssertionError("more than one mail with " + subject); })
			.orElseThrow(() -> new AssertionError("no mail with " + subject));
	}

	long subscriptions(Account who) {
		return this.jdbc.sql("SELECT COUNT(*) FROM report_subscriptions WHERE owner_id = :u").param("u", who.id())
			.query(Long.class).single();
	}

	@Test
	void monthlySubscriptionIsSentOnceWithTheFiguresOfTheCoordinatorsDepartment() throws Exception {
		JsonNode created = subscribe(this.coordinator, "{\"frequency\":\"monthly\"}", 201);
		long id = created.get("id").asLong();
		assertThat(created.get("departmentId").asLong()).isEqualTo(this.college.department("CS"));
		assertThat(created.get("frequency").asString()).isEqualTo("MONTHLY");
		Instant next = Instant.parse(created.get("nextRunAt").asString());
		assertThat(next).isAfter(Instant.now());
		assertThat(LocalDateTime.ofInstant(next, ZoneOffset.UTC).getDayOfMonth()).isEqualTo(1);
		dueOn1stFebruary(id);

		// The scheduled run may have sent it first: either way, one mail.
		this.mailer.sendDue();

		List<String> mails = mailsTo(this.coordinator);
		assertThat(mails).hasSize(1);
		// January in CS: three sessions completed against one in December, one no-show; BUS never counts.
		assertThat(mails.get(0)).contains("Computer Science", "from 2026-01-01 to 2026-01-31",
				"- Sessions completed: 3 (Previous period: 1)", "- No-shows: 1 (Previous period: 0)",
				"/reports/program?from=2026-01-01&to=2026-01-31&department=" + this.college.department("CS"),
				"/reports/program.pdf?from=2026-01-01");
		var row = this.jdbc.sql("SELECT next_run_at, last_sent_at FROM report_subscriptions WHERE id = :id")
			.param("id", id).query((rs, n) -> new LocalDateTime[] { rs.getObject(1, LocalDateTime.class),
					rs.getObject(2, LocalDateTime.class) }).single();
		assertThat(row[0].toInstant(ZoneOffset.UTC)).isAfter(Instant.now());
		assertThat(row[1]).isNotNull();

		// The outbox keeps the attached PDF beside the mail (Base64-encoded).
		assertThat(this.jdbc.sql("""
				SELECT a.filename FROM outbox_mail_attachments a JOIN outbox_mails m ON m.id = a.mail_id
				WHERE m.recipient = :to AND a.content_type = 'application/pdf'""")
			.param("to", this.coordinator.email()).query(String.class).list())
			.containsExactly("program-2026-01-01-2026-01-31.pdf");

		// Nothing more is due: another run sends nothing.
		this.mailer.sendDue();
		assertThat(mailsTo(this.coordinator)).hasSize(1);
	}

	@Test
	void racingRunsSendADueSubscriptionOnce() throws Exception {
		long id = subscribe(this.admin, "{\"frequency\":\"WEEKLY\"}", 201).get("id").asLong();
		dueOn1stFebruary(id);
		int runs = 4;
		CyclicBarrier start = new CyclicBarrier(runs);
		ExecutorService pool = Executors.newFixedThreadPool(runs);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				Callable<Integer> run = () -> {
					start.await();
					return this.mailer.sendDue();
				};
				results.add(pool.submit(run));
			}
			for (Future<Integer> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<String> mails = mailsTo(this.admin);
		assertThat(mails).hasSize(1);
		// The institution: January's last week (2026-01-25 to 2026-01-31) has one CS session.
		assertThat(mails.get(0)).contains("Subscribed University", "from 2026-01-25 to 2026-01-31",
				"- Sessions completed: 1 (Previous period: 0)");
	}

	@Test
	void anOwnerWhoMayNoLongerSeeTheScopeGetsNothingAndTheSubscriptionIsSwitchedOff() throws Exception {
		long id = subscribe(this.coordinator, "{\"frequency\":\"WEEKLY\"}", 201).get("id").asLong();
		dueOn1stFebruary(id);
		this.jdbc.sql("UPDATE users SET department_id = :d WHERE id = :u")
			.param("d", this.college.department("BUS")).param("u", this.coordinator.id()).update();

		this.mailer.sendDue();

		assertThat(mailsTo(this.coordinator)).isEmpty();
		assertThat(this.jdbc.sql("SELECT active FROM report_subscriptions WHERE id = :id").param("id", id)
			.query(Boolean.class).single()).isFalse();
	}

	@Test
	void onlyManagersSubscribeToScopesTheyMaySeeAndBadInputIsRefused() throws Exception {
		subscribe(this.mentor, "{\"frequency\":\"WEEKLY\"}", 403);
		subscribe(this.coordinator, "{\"frequency\":\"WEEKLY\",\"department\":" + this.college.department("BUS") + "}", 403);
		subscribe(this.admin, "{\"frequency\":\"WEEKLY\",\"department\":" + this.elsewhere.department("CS") + "}", 404);
		this.mvc.perform(post("/api/v1/reports/subscriptions").with(as(this.admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"frequency\":\"daily\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose weekly or monthly.")));
		subscribe(this.admin, "{}", 400);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report_subscriptions WHERE owner_id IN (:ids)")
			.param("ids", List.of(this.admin.id(), this.coordinator.id(), this.mentor.id())).query(Long.class).single())
			.isZero();

		// The same scope and frequency twice is one subscription; an administrator may narrow to a department.
		long first = subscribe(this.admin, "{\"frequency\":\"WEEKLY\"}", 201).get("id").asLong();
		assertThat(subscribe(this.admin, "{\"frequency\":\"weekly\"}", 201).get("id").asLong()).isEqualTo(first);
		JsonNode narrowed = subscribe(this.admin,
				"{\"frequency\":\"MONTHLY\",\"department\":" + this.college.department("BUS") + "}", 201);
		assertThat(narrowed.get("departmentName").asString()).startsWith("Business");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'REPORT_SUBSCRIBED' AND user_id = :u")
			.param("u", this.admin.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void onlyTheOwnerListsAndRemovesASubscription() throws Exception {
		long id = subscribe(this.coordinator, "{\"frequency\":\"WEEKLY\"}", 201).get("id").asLong();

		String list = this.mvc.perform(get("/api/v1/reports/subscriptions").with(as(this.busCoordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(this.json.readTree(list)).isEmpty();
		this.mvc.perform(delete("/api/v1/reports/subscriptions/" + id).with(as(this.busCoordinator)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/reports/subscriptions/" + id).with(as(this.admin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/reports/subscriptions").with(as(this.mentor))).andExpect(status().isForbidden());

		list = this.mvc.perform(get("/api/v1/reports/subscriptions").with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(this.json.readTree(list)).hasSize(1);
		this.mvc.perform(delete("/api/v1/reports/subscriptions/" + id).with(as(this.coordinator)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report_subscriptions WHERE id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'REPORT_UNSUBSCRIBED' AND user_id = :u")
			.param("u", this.coordinator.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void dashboardPageSubscribesAndUnsubscribes() throws Exception {
		this.mvc.perform(get("/reports/program").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Get this dashboard by e-mail")))
			.andExpect(content().string(containsString("You have no subscriptions yet.")));
		this.mvc.perform(post("/reports/program/subscriptions").with(as(this.coordinator)).with(csrf())
			.param("frequency", "MONTHLY"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("SELECT id FROM report_subscriptions WHERE owner_id = :u")
			.param("u", this.coordinator.id()).query(Long.class).single();
		this.mvc.perform(get("/reports/program").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"subscription-" + id + "\"")))
			.andExpect(content().string(containsString("Monthly")));
		this.mvc.perform(post("/reports/program/subscriptions/" + id + "/delete").with(as(this.busCoordinator)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/reports/program/subscriptions/" + id + "/delete").with(as(this.coordinator)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report_subscriptions WHERE owner_id = :u")
			.param("u", this.coordinator.id()).query(Long.class).single()).isZero();
	}

	@Test
	void aSubscriptionNarrowedToAKindOfProgramMailsTheFiguresOfThatKindOnly() throws Exception {
		// A new mother in CS, mentored there: in January two completed sessions, both no-shows. The CS students
		// (planted above): three completed in January, one a no-show, and one in December.
		Account mother = this.college.a(org.mentorhub.identity.RoleName.NEW_MOTHER).inDepartment("CS").create(this.jdbc);
		long hers = mentorship("CS", mother);
		session(hers, "CS", LocalDateTime.of(2026, 1, 6, 10, 0), "ABSENT");
		session(hers, "CS", LocalDateTime.of(2026, 1, 9, 10, 0), "ABSENT");

		JsonNode mothers = subscribe(this.coordinator, "{\"frequency\":\"MONTHLY\",\"kind\":\"new-mother\"}", 201);
		assertThat(mothers.get("kind").asString()).isEqualTo("new-mother");
		assertThat(mothers.get("kindLabel").asString()).isEqualTo("New-mother support");
		JsonNode students = subscribe(this.coordinator, "{\"frequency\":\"MONTHLY\",\"kind\":\"STUDENT\"}", 201);
		assertThat(students.get("kind").asString()).isEqualTo("student");
		JsonNode every = subscribe(this.coordinator, "{\"frequency\":\"MONTHLY\"}", 201);
		assertThat(every.get("kind").isNull()).isTrue();
		assertThat(every.get("kindLabel").asString()).isEqualTo("Every kind");
		// Scope, frequency and kind make one subscription: the same three again give it back.
		assertThat(List.of(mothers.get("id").asLong(), students.get("id").asLong(), every.get("id").asLong()))
			.doesNotHaveDuplicates();
		assertThat(subscribe(this.coordinator, "{\"frequency\":\"monthly\",\"kind\":\"new_mother\"}", 201)
			.get("id").asLong()).isEqualTo(mothers.get("id").asLong());
		assertThat(subscriptions(this.coordinator)).isEqualTo(3);
		String listed = this.mvc.perform(get("/api/v1/reports/subscriptions").with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(this.json.readTree(listed).valueStream().map(s -> s.get("kind").isNull() ? null : s.get("kind").asString()))
			.containsExactly("new-mother", "student", null);
		// Subscribing is audited with the kind.
		assertThat(this.jdbc.sql("""
				SELECT after_state FROM audit_logs WHERE action = 'REPORT_SUBSCRIBED' AND entity_id = :id""")
			.param("id", String.valueOf(mothers.get("id").asLong())).query(String.class).single())
			.contains("\"kind\":\"new-mother\"");

		dueOn1stFebruary(mothers.get("id").asLong());
		dueOn1stFebruary(students.get("id").asLong());
		dueOn1stFebruary(every.get("id").asLong());
		this.mailer.sendDue();

		assertThat(mailsTo(this.coordinator)).hasSize(3);
		assertThat(mailWithSubject(this.coordinator, "(New-mother support)")).contains(
				"Narrowed to: New-mother support", "- Sessions completed: 2 (Previous period: 0)",
				"- No-shows: 2 (Previous period: 0)",
				"/reports/program?from=2026-01-01&to=2026-01-31&department=" + this.college.department("CS")
						+ "&kind=new-mother",
				"/reports/program.pdf?from=2026-01-01&to=2026-01-31&department=" + this.college.department("CS")
						+ "&kind=new-mother");
		assertThat(mailWithSubject(this.coordinator, "(Student mentoring)")).contains(
				"Narrowed to: Student mentoring", "- Sessions completed: 3 (Previous period: 1)",
				"- No-shows: 1 (Previous period: 0)", "&kind=student");
		String all = this.jdbc.sql("""
				SELECT body_text FROM outbox_mails WHERE recipient = :to AND subject NOT LIKE '%(%' ORDER BY id""")
			.param("to", this.coordinator.email()).query(String.class).single();
		assertThat(all).contains("- Sessions completed: 5 (Previous period: 1)", "- No-shows: 3 (Previous period: 0)")
			.doesNotContain("Narrowed to", "kind=");
	}

	@Test
	void aKindOfProgramThatDoesNotExistIsRefusedAndNothingIsWritten() throws Exception {
		String problem = this.mvc.perform(post("/api/v1/reports/subscriptions").with(as(this.admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"frequency\":\"WEEKLY\",\"kind\":\"mothers\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn().getResponse().getContentAsString();
		assertThat(problem).contains("Choose a kind of program: student, professional or new-mother.", "\"kind\"");
		// A bad frequency and a bad kind: both said at once.
		assertThat(this.mvc.perform(post("/api/v1/reports/subscriptions").with(as(this.admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"frequency\":\"daily\",\"kind\":\"x\"}"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
			.contains("Choose weekly or monthly.", "Choose a kind of program");
		this.mvc.perform(post("/reports/program/subscriptions").with(as(this.coordinator)).with(csrf())
			.param("frequency", "WEEKLY").param("kind", "mothers"))
			.andExpect(status().isBadRequest());
		// The wrong people with a good kind: refused as without one.
		subscribe(this.mentor, "{\"frequency\":\"WEEKLY\",\"kind\":\"student\"}", 403);
		subscribe(this.coordinator,
				"{\"frequency\":\"WEEKLY\",\"kind\":\"student\",\"department\":" + this.college.department("BUS") + "}", 403);
		subscribe(this.admin,
				"{\"frequency\":\"WEEKLY\",\"kind\":\"student\",\"department\":" + this.elsewhere.department("CS") + "}", 404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report_subscriptions WHERE owner_id IN (:ids)")
			.param("ids", List.of(this.admin.id(), this.coordinator.id(), this.mentor.id())).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'REPORT_SUBSCRIBED' AND user_id IN (:ids)")
			.param("ids", List.of(this.admin.id(), this.coordinator.id(), this.mentor.id())).query(Long.class).single())
			.isZero();
		// Another person's narrowed subscription stays out of sight and in place.
		long theirs = subscribe(this.busCoordinator, "{\"frequency\":\"WEEKLY\",\"kind\":\"new-mother\"}", 201)
			.get("id").asLong();
		this.mvc.perform(delete("/api/v1/reports/subscriptions/" + theirs).with(as(this.coordinator)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.json.readTree(this.mvc.perform(get("/api/v1/reports/subscriptions").with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).isEmpty();
		assertThat(this.jdbc.sql("SELECT program_kind FROM report_subscriptions WHERE id = :id").param("id", theirs)
			.query(String.class).single()).isEqualTo("NEW_MOTHER");
	}

	@Test
	void theDashboardPageSubscribesWithItsKindOfProgramAndListsItInWords() throws Exception {
		this.mvc.perform(get("/reports/program?kind=new-mother").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"kind\" value=\"new-mother\">")))
			.andExpect(content().string(containsString("You subscribe to this dashboard narrowed to: New-mother support")));
		this.mvc.perform(get("/reports/program").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"kind\" value="))))
			.andExpect(content().string(containsString("You subscribe to this dashboard of every kind of program")));
		this.mvc.perform(post("/reports/program/subscriptions").with(as(this.coordinator)).with(csrf())
			.param("frequency", "WEEKLY").param("kind", "new-mother"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/reports/program?kind=new-mother#subscriptions"));
		long id = this.jdbc.sql("SELECT id FROM report_subscriptions WHERE owner_id = :u AND program_kind = 'NEW_MOTHER'")
			.param("u", this.coordinator.id()).query(Long.class).single();
		String page = this.mvc.perform(get("/reports/program?kind=new-mother").with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String row = page.substring(page.indexOf("id=\"subscription-" + id + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("<td>New-mother support</td>", "<td>Weekly</td>").doesNotContain(">new-mother<", "NEW_MOTHER");
	}

	@Test
	void frequenciesAreDueOnMondaysAndOnThe1stAndCoverThePeriodBefore() {
		Instant sunday = Instant.parse("2026-02-01T05:00:00Z");
		assertThat(Frequency.WEEKLY.nextAfter(sunday)).isEqualTo(Instant.parse("2026-02-02T06:00:00Z"));
		assertThat(Frequency.MONTHLY.nextAfter(sunday)).isEqualTo(Instant.parse("2026-02-01T06:00:00Z"));
		assertThat(Frequency.MONTHLY.nextAfter(Instant.parse("2026-02-01T06:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-01T06:00:00Z"));
		assertThat(Frequency.WEEKLY.periodBefore(Instant.parse("2026-02-02T06:00:00Z")))
			.isEqualTo(new ProgramDashboards.Period(java.time.LocalDate.of(2026, 1, 26), java.time.LocalDate.of(2026, 2, 1)));
		assertThat(Frequency.MONTHLY.periodBefore(Instant.parse("2026-03-01T06:00:00Z")))
			.isEqualTo(new ProgramDashboards.Period(java.time.LocalDate.of(2026, 2, 1), java.time.LocalDate.of(2026, 2, 28)));
	}

}
