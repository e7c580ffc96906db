package org.mentorhub.wellbeing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.notification.DeliveredNotifications;
import org.mentorhub.notification.DeliveredNotifications.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;

/**
 * The wellbeing events as the notification module maps them (notification.WellbeingNotifications): a
 * shared milestone reaches her mentors, a new post the members who opted in (never its author, never its
 * text), a join request the moderators and an approval the new member.
 */
@MentorHubIntegrationTest
class WellbeingNotificationMappingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void eachWellbeingEventReachesItsPeople() {
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		TestInstitution company = aCompany().withDepartment("ENGR").build(this.jdbc);
		Account mother = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").named("Mia Mother").create(this.jdbc);
		Account mentor = company.aMentor().inDepartment("ENGR").create(this.jdbc);
		Account reader = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		Account moderator = company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);

		delivered.publish(new MilestoneShared(7, mother.id(), List.of(mentor.id()), "Baby is due", LocalDate.now()));
		delivered.publish(new GroupPostPublished(9, "Returners", 11, mother.id(), List.of(reader.id(), mother.id())));
		delivered.publish(new GroupJoinRequested(9, "Returners", mother.id(), List.of(moderator.id())));
		delivered.publish(new GroupJoinApproved(9, "Returners", mother.id(), moderator.id()));

		List<Row> toMentor = delivered.of(mentor, 1);
		assertThat(toMentor).singleElement().satisfies(row -> {
			assertThat(row.type()).isEqualTo("MILESTONE_SHARED");
			assertThat(row.body()).isEqualTo("Mia Mother shares the milestone \"Baby is due\" with you.");
			assertThat(row.linkUrl()).isEqualTo("/milestones/7");
		});
		assertThat(delivered.of(reader, 1)).singleElement().satisfies(row -> {
			assertThat(row.type()).isEqualTo("GROUP_POST_PUBLISHED");
			assertThat(row.body()).isEqualTo("Mia Mother posted in the support group \"Returners\".");
			assertThat(row.linkUrl()).isEqualTo("/groups/9#post-11");
		});
		assertThat(delivered.of(moderator, 1)).extracting(Row::type).containsExactly("GROUP_JOIN_REQUESTED");
		assertThat(delivered.of(mother, 1)).extracting(Row::type).containsExactly("GROUP_JOIN_APPROVED");
	}

}
