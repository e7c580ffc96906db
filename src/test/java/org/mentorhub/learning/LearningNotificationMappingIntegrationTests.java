package org.mentorhub.learning;

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
 * The learning events as the notification module maps them (notification.LearningNotifications): a
 * recommendation reaches the mentee; a completed path reaches the learner and their active mentors.
 */
@MentorHubIntegrationTest
class LearningNotificationMappingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRecommendationReachesTheMenteeAndACompletionTheLearnerAndTheirMentors() {
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").named("Nia Learner").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		Account second = college.aMentor().inDepartment("CS").named("Pia Mentor").create(this.jdbc);
		Instant now = Instant.now();

		delivered.publish(new PathRecommended(5, 71, "Presenting with confidence", mentor.id(), mentee.id(), now));
		delivered.publish(new PathCompleted(71, "Presenting with confidence", mentee.id(), List.of(mentor.id(), second.id()),
				now));

		// The listeners run asynchronously after each commit: the order of the rows is not the order of the events.
		List<Row> learner = delivered.of(mentee, 2);
		assertThat(learner).extracting(Row::type)
			.containsExactlyInAnyOrder("LEARNING_PATH_RECOMMENDED", "LEARNING_PATH_COMPLETED");
		assertThat(learner).extracting(Row::title)
			.contains("Recommended: Presenting with confidence", "Completed: Presenting with confidence");
		assertThat(learner).extracting(Row::body)
			.contains("Omar Mentor recommends the learning path \"Presenting with confidence\" to you.",
					"You completed every module of \"Presenting with confidence\". Well done!");
		assertThat(learner).extracting(Row::linkUrl).containsOnly("/learning/paths/71");

		for (Account each : List.of(mentor, second)) {
			assertThat(delivered.of(each, 1)).singleElement().satisfies(row -> {
				assertThat(row.type()).isEqualTo("LEARNING_PATH_COMPLETED");
				assertThat(row.body()).isEqualTo("Nia Learner completed the learning path \"Presenting with confidence\".");
				assertThat(row.linkUrl()).isEqualTo("/learning/mentees");
			});
		}
	}

}
