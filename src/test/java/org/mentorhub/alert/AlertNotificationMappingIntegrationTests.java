package org.mentorhub.alert;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.notification.DeliveredNotifications;
import org.mentorhub.notification.DeliveredNotifications.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * The alert events as the notification module maps them (notification.AlertNotifications): the owner
 * hears of a case given to them, whoever raised an alert hears how it ended, with the outcome (close the
 * loop), and the escalation reaches the coordinators and administrators it names; nobody hears of what
 * they did themselves, and the alert's message is never copied.
 */
@MentorHubIntegrationTest
class AlertNotificationMappingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void assignmentClosingAndEscalationReachTheRightPeople() {
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account student = college.aStudent().inDepartment("CS").named("Nia Student").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").named("Cora Coordinator").create(this.jdbc);
		Account admin = college.anAdmin().named("Ada Admin").create(this.jdbc);
		Instant now = Instant.now();

		delivered.publish(new AlertAssigned(71, student.id(), AlertSeverity.WARN, AlertCategory.GPA, mentor.id(),
				coordinator.id(), now));
		delivered.publish(new AlertAssigned(72, student.id(), AlertSeverity.WARN, AlertCategory.GPA, coordinator.id(),
				coordinator.id(), now));
		delivered.publish(new AlertClosed(71, student.id(), AlertSeverity.WARN, AlertCategory.GPA, AlertStatus.RESOLVED,
				"Tutoring booked twice a week.", coordinator.id(), mentor.id(), mentor.id(), now));
		delivered.publish(new AlertClosed(72, student.id(), AlertSeverity.WARN, AlertCategory.GPA, AlertStatus.DISMISSED,
				"Duplicate.", coordinator.id(), coordinator.id(), coordinator.id(), now));
		delivered.publish(new AlertEscalated(73, student.id(), AlertSeverity.CRITICAL, AlertCategory.WELLBEING,
				mentor.id(), List.of(coordinator.id(), admin.id()), now.minusSeconds(5 * 3600), now));

		List<Row> owner = delivered.of(mentor, 1);
		assertThat(owner).singleElement().satisfies(row -> {
			assertThat(row.type()).isEqualTo("ALERT_ASSIGNED");
			assertThat(row.title()).isEqualTo("Alert for you: Nia Student");
			assertThat(row.body()).isEqualTo(
					"Cora Coordinator gave you the Warning alert about Nia Student (GPA). Please acknowledge it.");
			assertThat(row.linkUrl()).isEqualTo("/alerts/71");
		});

		List<Row> raiser = delivered.of(coordinator, 2);
		assertThat(raiser).extracting(Row::type).containsExactlyInAnyOrder("ALERT_CLOSED", "ALERT_ESCALATED");
		assertThat(raiser).filteredOn(row -> row.type().equals("ALERT_CLOSED")).singleElement().satisfies(row -> {
			assertThat(row.title()).isEqualTo("Alert about Nia Student resolved");
			assertThat(row.body()).isEqualTo(
					"Omar Mentor resolved the alert about Nia Student (GPA). Outcome: Tutoring booked twice a week.");
		});
		assertThat(raiser).filteredOn(row -> row.type().equals("ALERT_ESCALATED")).singleElement()
			.satisfies(row -> assertThat(row.body()).contains("The Critical alert about Nia Student (Wellbeing)")
				.contains("Owner: Omar Mentor."));

		assertThat(delivered.of(admin, 1)).extracting(Row::type).containsExactly("ALERT_ESCALATED");
		assertThat(delivered.of(student, 0)).isEmpty();
	}

}
