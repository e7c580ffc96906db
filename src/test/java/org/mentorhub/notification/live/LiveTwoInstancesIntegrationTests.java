package org.mentorhub.notification.live;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.mentorship.MentorshipRequested;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Two MentorHub instances on one database (the one {@code mentorhub.test.db} chooses: run it with
 * {@code -Dmentorhub.test.db=postgresql} or {@code mariadb} as the CI suites do): a notification
 * written on instance A (this test's context, from a mentorship event, through the module's
 * listener and inbox) reaches a stream connected to instance B within two seconds; and B, full,
 * refuses a further stream with 503 and {@code Retry-After}.
 */
@MentorHubServerTest
class LiveTwoInstancesIntegrationTests {

	@LocalServerPort
	int port;

	@AfterAll
	static void stopTheSecondInstance() {
		SecondInstance.stop();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	Map<String, String> session(int port, Account account) {
		HttpTestClient client = new HttpTestClient(port);
		client.signIn(account.email(), TestAccounts.PASSWORD);
		return Map.of("Cookie", "SESSION=" + client.cookies().value("SESSION").orElseThrow());
	}

	@Test
	void aNotificationWrittenOnOneInstanceReachesAStreamOnTheOtherWithinTwoSeconds() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").withMentorProfile(2).create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").create(this.jdbc);
		int second = SecondInstance.port();
		assertThat(second).isNotEqualTo(this.port);

		try (SseClient stream = SseClient.open(second, "/notifications/stream", session(second, mentor))) {
			assertThat(stream.next(Duration.ofSeconds(10)).data()).isEqualTo("{\"unread\":0}");

			long started = System.nanoTime();
			this.transactions.executeWithoutResult(status -> this.events.publishEvent(new MentorshipRequested(4242L,
					college.id(), mentor.id(), mentee.id(), 0, mentee.id(), Instant.now(), 7)));
			SseClient.Event event = stream.next("notification", Duration.ofSeconds(10));
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(event).as("the notification on instance B").isNotNull();
			assertThat(event.data()).contains("\"type\":\"MENTORSHIP_REQUESTED\"", "\"link\":\"/mentorships/4242\"",
					"\"unread\":1");
			assertThat(took).as("from the event on A to the stream on B").isLessThan(Duration.ofSeconds(2));
		}
	}

	@Test
	void aFullInstanceRefusesAFurtherStreamWith503() {
		Account mentee = aUniversity().withDepartment("CS").build(this.jdbc).aMentee().inDepartment("CS").create(this.jdbc);
		LiveStreams streams = SecondInstance.bean(LiveStreams.class);
		Map<String, String> session = session(SecondInstance.port(), mentee);
		List<Account> fillers = new ArrayList<>();
		try {
			// Streams of other people fill the instance up (each person may have five).
			while (streams.openStreams() < SecondInstance.MAX_STREAMS) {
				Account filler = aUniversity().build(this.jdbc).aMentee().create(this.jdbc);
				fillers.add(filler);
				for (int i = 0; i < 5 && streams.openStreams() < SecondInstance.MAX_STREAMS; i++) {
					streams.open(filler.id(), null);
				}
			}

			HttpResponse<String> refused = SseClient.refused(SecondInstance.port(), "/notifications/stream", session);
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).contains("30");
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(refused.body()).contains("\"status\":503");
		}
		finally {
			fillers.forEach(filler -> streams.closeAll(filler.id()));
		}
		assertThat(streams.openStreams()).isLessThan(SecondInstance.MAX_STREAMS);
	}

}
