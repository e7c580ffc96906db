package org.mentorhub.alert;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MutableClock;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TimeTravelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation job ({@link AlertEscalations}) with a moved clock: an alert left OPEN past its
 * severity's response time (CRITICAL 4 hours, WARN 48 hours, INFO 7 days) is escalated exactly once, to
 * the department's coordinators and, when CRITICAL, the institution's administrators; an acknowledged
 * one is not; re-running, or four runs at once, changes nothing. The job also runs on its own schedule,
 * so the tests count the events of their own alerts.
 */
@TimeTravelTest
class AlertEscalationsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertEscalations escalations;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	Account student;

	Account coordinator;

	Account admin;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@BeforeEach
	void setUp() {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").withDepartment("BUS")
			.build(this.jdbc);
		this.student = college.aStudent().inDepartment("CS").create(this.jdbc);
		this.coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.admin = college.anAdmin().create(this.jdbc);
	}

	LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	long alert(String severity, String status) {
		return AlertFixtures.alert(this.jdbc, this.student.id(), null, null, severity, status, severity + " alert", now());
	}

	long escalationEntries(long alert) {
		return this.jdbc.sql("SELECT COUNT(*) FROM alert_events WHERE alert_id = :a AND note LIKE 'Escalated%'")
			.param("a", alert).query(Long.class).single();
	}

	@Test
	void anUnacknowledgedAlertIsEscalatedOnceWhenItsResponseTimeHasPassed() {
		long critical = alert("CRITICAL", "OPEN");
		long warn = alert("WARN", "OPEN");
		long info = alert("INFO", "OPEN");
		long acknowledged = alert("CRITICAL", "ACKNOWLEDGED");
		try (CapturedEvents<AlertEscalated> events = CapturedEvents.of(this.context, AlertEscalated.class)) {
			this.escalations.escalateOverdue();
			assertThat(events.matching(e -> e.studentId() == this.student.id())).isEmpty();

			this.clock.advance(Duration.ofHours(5));
			this.escalations.escalateOverdue();
			this.escalations.escalateOverdue();
			assertThat(events.matching(e -> e.studentId() == this.student.id())).singleElement().satisfies(e -> {
				assertThat(e.alertId()).isEqualTo(critical);
				assertThat(e.recipientIds()).containsExactlyInAnyOrder(this.coordinator.id(), this.admin.id());
			});

			this.clock.advance(Duration.ofHours(44));
			this.escalations.escalateOverdue();
			assertThat(events.matching(e -> e.alertId() == warn)).singleElement()
				.satisfies(e -> assertThat(e.recipientIds()).containsExactly(this.coordinator.id()));
			assertThat(events.matching(e -> e.alertId() == info)).isEmpty();

			this.clock.advance(Duration.ofDays(6));
			this.escalations.escalateOverdue();
			this.escalations.escalateOverdue();
			assertThat(events.matching(e -> e.studentId() == this.student.id())).extracting(AlertEscalated::alertId)
				.containsExactlyInAnyOrder(critical, warn, info);
			assertThat(events.matching(e -> e.alertId() == acknowledged)).isEmpty();
		}
		for (long alert : List.of(critical, warn, info)) {
			assertThat(escalationEntries(alert)).isOne();
			assertThat(this.jdbc.sql("SELECT escalated_at FROM alerts WHERE id = :a").param("a", alert)
				.query(LocalDateTime.class).single()).isNotNull();
		}
		assertThat(escalationEntries(acknowledged)).isZero();
	}

	@Test
	void concurrentRunsEscalateAnAlertExactlyOnce() throws Exception {
		long critical = alert("CRITICAL", "OPEN");
		this.clock.advance(Duration.ofHours(5));
		try (CapturedEvents<AlertEscalated> events = CapturedEvents.of(this.context, AlertEscalated.class)) {
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<Integer>> runs = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					runs.add(this.escalations::escalateOverdue);
				}
				for (Future<Integer> run : pool.invokeAll(runs)) {
					run.get();
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(events.matching(e -> e.alertId() == critical)).hasSize(1);
		}
		assertThat(escalationEntries(critical)).isOne();
	}

}
