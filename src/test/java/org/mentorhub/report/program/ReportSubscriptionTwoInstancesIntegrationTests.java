package org.mentorhub.report.program;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mentorhub.AtOnce;
import org.mentorhub.FreePorts;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.OtherInstance;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestSmtp;
import org.mentorhub.report.program.ReportSubscriptions.Frequency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;

/**
 * Never twice across instances: two application instances on one database (this test's context, and a
 * second complete application started as {@link OtherInstance}) both mail over SMTP to one GreenMail. Six
 * subscriptions (weekly and monthly, whole institution and departments, every kind and narrowed to one) are
 * made due four times over, at four distinct due moments; each time both instances' mailers run at the same
 * moment, three threads each, past ShedLock (which alone would let only one of them run), so that only the
 * compare-and-set on {@code next_run_at} keeps a subscription from going twice. Each owner gets exactly one
 * mail per due moment (its subject names the period that moment covers), and {@code next_run_at} has moved
 * once, to the frequency's next due moment after the race.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1",
		"mentorhub.platform.base-url=https://mentors.example.edu" })
class ReportSubscriptionTwoInstancesIntegrationTests {

	/** A free port, not a fixed one: CI runs two suites side by side on one machine. */
	static final int SMTP_PORT = FreePorts.next();

	static final int ROUNDS = 4;

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

	static ConfigurableApplicationContext instanceB;

	@Autowired
	ReportSubscriptionMailer mailerOnA;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startInstanceB() {
		instanceB = OtherInstance.start("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT,
				"mentorhub.platform.base-url=https://mentors.example.edu");
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	/** One planted subscription: its owner (nobody else's mail goes there), how often, and its row. */
	record Planted(Account owner, Frequency frequency, long id) {

		/** The due moment of a round: Mondays from 5 January 2026 (weekly), the 1st from January 2026 (monthly). */
		LocalDateTime due(int round) {
			return this.frequency == Frequency.WEEKLY ? LocalDateTime.of(2026, 1, 5, 6, 0).plusWeeks(round)
					: LocalDateTime.of(2026, 1, 1, 6, 0).plusMonths(round);
		}

		/** The text of the subject of the mail for a round's due moment: the period it covers. */
		String period(int round) {
			ProgramDashboards.Period period = this.frequency.periodBefore(due(round).toInstant(ZoneOffset.UTC));
			return ", " + period.from() + " to " + period.to();
		}

	}

	Planted subscribe(TestInstitution college, Account owner, String department, Frequency frequency, String kind) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO report_subscriptions (owner_id, institution_id, department_id, frequency, program_kind,
				next_run_at, created_at) VALUES (:o, :i, :d, :f, :k, :due, :due)""")
			.param("o", owner.id()).param("i", college.id())
			.param("d", department == null ? null : college.department(department))
			.param("f", frequency.name()).param("k", kind)
			.param("due", LocalDateTime.of(2027, 1, 1, 6, 0))
			.update(keys, "id");
		return new Planted(owner, frequency, keys.getKeyAs(Number.class).longValue());
	}

	List<String> subjectsTo(Account who) throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(who.email())) {
				subjects.add(message.getSubject());
			}
		}
		return subjects;
	}

	LocalDateTime column(String name, long id) {
		return this.jdbc.sql("SELECT " + name + " FROM report_subscriptions WHERE id = :id").param("id", id)
			.query(LocalDateTime.class).single();
	}

	@Test
	void twoInstancesRunningTheMailerAtOnceSendEachSubscriptionOncePerDueMoment() throws Exception {
		String t = unique();
		TestInstitution college = aUniversity().named("Twice Mailed University " + t).withDepartment("CS")
			.withDepartment("BUS").withDepartment("LAW").build(this.jdbc);
		List<Planted> planted = List.of(
				subscribe(college, college.anAdmin().create(this.jdbc), null, Frequency.WEEKLY, null),
				subscribe(college, college.anAdmin().create(this.jdbc), null, Frequency.MONTHLY, "STUDENT"),
				subscribe(college, college.aCoordinator().inDepartment("CS").create(this.jdbc), "CS", Frequency.WEEKLY, null),
				subscribe(college, college.aCoordinator().inDepartment("CS").create(this.jdbc), "CS", Frequency.MONTHLY,
						"NEW_MOTHER"),
				subscribe(college, college.aCoordinator().inDepartment("BUS").create(this.jdbc), "BUS", Frequency.WEEKLY,
						null),
				subscribe(college, college.aCoordinator().inDepartment("LAW").create(this.jdbc), "LAW", Frequency.MONTHLY,
						null));
		ReportSubscriptionMailer mailerOnB = instanceB.getBean(ReportSubscriptionMailer.class);

		for (int round = 0; round < ROUNDS; round++) {
			// Every subscription falls due at this round's moment, as both instances see it.
			for (Planted p : planted) {
				this.jdbc.sql("UPDATE report_subscriptions SET next_run_at = :due WHERE id = :id")
					.param("due", p.due(round)).param("id", p.id()).update();
			}
			Instant before = Instant.now();
			AtOnce.run(Stream.of(this.mailerOnA, mailerOnB, this.mailerOnA, mailerOnB, this.mailerOnA, mailerOnB)
				.map(mailer -> (Callable<Integer>) mailer::sendDue)
				.toList());
			Instant after = Instant.now();

			for (Planted p : planted) {
				List<String> subjects = subjectsTo(p.owner());
				// One mail per due moment so far, this round's among them once.
				assertThat(subjects).as("mails of subscription %d after round %d", p.id(), round).hasSize(round + 1);
				for (int earlier = 0; earlier <= round; earlier++) {
					String period = p.period(earlier);
					assertThat(subjects).as("subscription %d, due %s", p.id(), p.due(earlier))
						.filteredOn(subject -> subject.endsWith(period)).hasSize(1);
				}
				// next_run_at moved once: from the due moment to the frequency's next one after the race.
				LocalDateTime next = column("next_run_at", p.id());
				assertThat(next).as("next_run_at of subscription %d", p.id())
					.isBetween(LocalDateTime.ofInstant(p.frequency().nextAfter(before), ZoneOffset.UTC),
							LocalDateTime.ofInstant(p.frequency().nextAfter(after), ZoneOffset.UTC));
				assertThat(column("last_sent_at", p.id())).isNotNull();
			}
		}
	}

}
