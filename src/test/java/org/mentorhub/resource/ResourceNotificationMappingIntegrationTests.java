package org.mentorhub.resource;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.notification.DeliveredNotifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/** A shared resource as the notification module maps it (notification.ResourceNotifications): it reaches the mentee. */
@MentorHubIntegrationTest
class ResourceNotificationMappingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSharedResourceReachesTheMenteeWithoutTheNote() {
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);

		delivered.publish(new ResourceShared(44, college.id(), "Breathing break", mentor.id(), "Omar Mentor", mentee.id(),
				"A private note", Instant.now()));

		assertThat(delivered.of(mentee, 1)).singleElement().satisfies(row -> {
			assertThat(row.type()).isEqualTo("RESOURCE_SHARED");
			assertThat(row.title()).isEqualTo("Shared with you: Breathing break");
			assertThat(row.body()).isEqualTo("Omar Mentor shares \"Breathing break\" from the library with you.")
				.doesNotContain("private note");
			assertThat(row.linkUrl()).isEqualTo("/resources/44");
		});
	}

}
