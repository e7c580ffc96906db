package org.mentorhub.goal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.notification.DeliveredNotifications;
import org.mentorhub.notification.DeliveredNotifications.Row;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * The goal events as the notification module maps them (notification.GoalNotifications): the owner
 * and the mentors hear of a new goal, an update and a goal at risk, never the person who acted; an
 * update that marks a goal at risk is told once, as at risk; no note is ever copied.
 */
@MentorHubIntegrationTest
class GoalNotificationMappingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	DeliveredNotifications delivered;

	@BeforeEach
	void delivered() {
		this.delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
	}

	void publish(Object event) {
		this.delivered.publish(event);
	}

	List<Row> of(Account account, int expected) {
		return this.delivered.of(account, expected);
	}

	@Test
	void goalEventsReachTheOwnerAndTheMentorsButNotTheActor() {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").named("Nia Mentee").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		Account second = college.aMentor().inDepartment("CS").named("Pia Mentor").create(this.jdbc);
		List<Long> mentors = List.of(mentor.id(), second.id());
		Instant now = Instant.now();

		publish(new GoalCreated(41, mentee.id(), mentors, "Run a marathon", mentor.id(), now));
		publish(new GoalUpdated(41, mentee.id(), mentors, "Run a marathon", 40, GoalStatus.IN_PROGRESS,
				GoalStatus.NOT_STARTED, mentee.id(), now));
		publish(new GoalUpdated(41, mentee.id(), mentors, "Run a marathon", 40, GoalStatus.AT_RISK,
				GoalStatus.IN_PROGRESS, mentee.id(), now));
		publish(new GoalAtRisk(41, mentee.id(), mentors, "Run a marathon", null, GoalAtRisk.Reason.MARKED_AT_RISK,
				mentee.id(), now));
		publish(new GoalAtRisk(41, mentee.id(), mentors, "Run a marathon", LocalDate.of(2026, 11, 30),
				GoalAtRisk.Reason.OVERDUE, null, now));

		// The listeners run asynchronously after each commit: the order of the rows is not the order of the events.
		List<Row> owner = of(mentee, 2);
		assertThat(owner).extracting(Row::type).containsExactlyInAnyOrder("GOAL_CREATED", "GOAL_AT_RISK");
		assertThat(owner).extracting(Row::title).contains("New goal: Run a marathon");
		assertThat(owner).extracting(Row::body).contains("Omar Mentor set the goal \"Run a marathon\" for you.");
		assertThat(owner).filteredOn(row -> row.type().equals("GOAL_AT_RISK")).singleElement()
			.satisfies(row -> assertThat(row.body()).contains("was due on").contains("30 Nov 2026"));
		assertThat(owner).extracting(Row::linkUrl).containsOnly("/goals/41");

		List<Row> first = of(mentor, 3);
		assertThat(first).extracting(Row::type).containsExactlyInAnyOrder("GOAL_UPDATED", "GOAL_AT_RISK", "GOAL_AT_RISK");
		assertThat(first).filteredOn(row -> row.type().equals("GOAL_UPDATED")).singleElement().satisfies(row -> {
			assertThat(row.title()).isEqualTo("Progress on Run a marathon: 40%");
			assertThat(row.body()).isEqualTo("Nia Mentee updated \"Run a marathon\": 40% done, In progress.");
			assertThat(row.delivery()).isEqualTo("DIGEST");
		});
		assertThat(first).filteredOn(row -> row.type().equals("GOAL_AT_RISK"))
			.extracting(Row::body)
			.contains("Nia Mentee marked \"Run a marathon\" as at risk. A conversation about it may help.");
		assertThat(first).filteredOn(row -> row.type().equals("GOAL_AT_RISK"))
			.extracting(Row::delivery)
			.containsOnly("EMAIL");

		List<Row> other = of(second, 4);
		assertThat(other).extracting(Row::type)
			.containsExactlyInAnyOrder("GOAL_CREATED", "GOAL_UPDATED", "GOAL_AT_RISK", "GOAL_AT_RISK");
		assertThat(other).extracting(Row::body).contains("Omar Mentor set the goal \"Run a marathon\" for Nia Mentee.");
	}

}
