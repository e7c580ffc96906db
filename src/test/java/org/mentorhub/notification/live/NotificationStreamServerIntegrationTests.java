package org.mentorhub.notification.live;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.platform.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * The notification stream over real HTTP (Tomcat, the security filter chain, async dispatch): a
 * notification written for the person arrives as an event, another person's never does;
 * {@code Last-Event-ID} sends what was missed; a person's sixth stream closes the first; a personal
 * access token opens the API stream; nobody else gets a stream.
 */
@MentorHubServerTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationStreamServerIntegrationTests {

	static final Duration SOON = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LiveStreams streams;

	@Autowired
	TransactionTemplate transactions;

	TestInstitution college;

	Account mentee;

	Account other;

	@BeforeEach
	void accounts() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		this.other = this.college.aMentee().inDepartment("CS").create(this.jdbc);
	}

	Map<String, String> session(Account account) {
		HttpTestClient client = new HttpTestClient(this.port);
		client.signIn(account.email(), TestAccounts.PASSWORD);
		return Map.of("Cookie", "SESSION=" + client.cookies().value("SESSION").orElseThrow());
	}

	@Test
	void aNewNotificationOfMineArrivesAndNoneOfAnybodyElse() throws Exception {
		// Another person's stream keeps the poll going, so that it reads a window from before this stream opened.
		try (SseClient others = SseClient.open(this.port, "/notifications/stream", session(this.other));
				SseClient stream = openAfter(LiveFixtures.notify(this.jdbc, this.mentee, "Before the stream"))) {
			assertThat(others.next(SOON).name()).isEqualTo("unread");
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			assertThat(stream.header("Content-Encoding")).isNull();
			assertThat(stream.header("Cache-Control")).contains("no-store");
			assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
			SseClient.Event unread = stream.next(SOON);
			assertThat(unread.name()).isEqualTo("unread");
			assertThat(unread.data()).isEqualTo("{\"unread\":1}");

			long notMine = LiveFixtures.notify(this.jdbc, this.other, "Not for the mentee");
			long mine = LiveFixtures.notify(this.jdbc, this.mentee, "For the mentee");

			SseClient.Event event = stream.next(SOON);
			assertThat(event.name()).isEqualTo("notification");
			assertThat(event.id()).isEqualTo(String.valueOf(mine));
			assertThat(event.data()).contains("\"id\":" + mine, "\"title\":\"For the mentee\"",
					"\"type\":\"MENTORSHIP_REQUESTED\"", "\"link\":\"/mentorships\"", "\"unread\":2", "\"createdAt\":");
			assertThat(event.data()).doesNotContain("Not for the mentee");
			// Several polls later, still nothing of the other person's (and nothing twice).
			Thread.sleep(1500);
			assertThat(stream.drain()).extracting(SseClient.Event::id).doesNotContain(String.valueOf(notMine),
					String.valueOf(mine));
		}
	}

	/**
	 * The mentee's stream, opened a poll or two after the notification was written, by a client that
	 * accepts gzip (which a stream must not get: it would be held back until a buffer fills).
	 */
	SseClient openAfter(long notification) throws InterruptedException {
		Thread.sleep(1200);
		Map<String, String> headers = new java.util.HashMap<>(session(this.mentee));
		headers.put("Accept-Encoding", "gzip");
		return SseClient.open(this.port, "/notifications/stream", headers);
	}

	@Test
	void lastEventIdSendsWhatWasMissedOldestFirst() throws Exception {
		// Another person's stream keeps the poll going, so that it reads the window of these notifications again.
		try (SseClient others = SseClient.open(this.port, "/notifications/stream", session(this.other))) {
			assertThat(others.next(SOON).name()).isEqualTo("unread");
			resume();
		}
	}

	void resume() throws Exception {
		long first = LiveFixtures.notify(this.jdbc, this.mentee, "First");
		long second = LiveFixtures.notify(this.jdbc, this.mentee, "Second");
		LiveFixtures.notify(this.jdbc, this.other, "Someone else's");
		long third = LiveFixtures.notify(this.jdbc, this.mentee, "Third");
		Map<String, String> headers = new java.util.HashMap<>(session(this.mentee));
		headers.put("Last-Event-ID", String.valueOf(first));

		try (SseClient stream = SseClient.open(this.port, "/notifications/stream", headers)) {
			assertThat(stream.next(SOON).data()).isEqualTo("{\"unread\":3}");
			assertThat(stream.next(SOON).id()).isEqualTo(String.valueOf(second));
			assertThat(stream.next(SOON).id()).isEqualTo(String.valueOf(third));
			long fourth = LiveFixtures.notify(this.jdbc, this.mentee, "Fourth");
			SseClient.Event live = stream.next(SOON);
			assertThat(live.id()).as(first + " " + second + " " + third + " " + fourth + " " + live).isEqualTo(String.valueOf(fourth));
			assertThat(live.data()).contains("\"unread\":4");
		}
	}

	@Test
	void aNotificationCommittedAfterOneWithAHigherIdIsNotLost() throws Exception {
		try (SseClient stream = SseClient.open(this.port, "/notifications/stream", session(this.mentee))) {
			assertThat(stream.next(SOON).name()).isEqualTo("unread");
			CountDownLatch inserted = new CountDownLatch(1);
			CountDownLatch commit = new CountDownLatch(1);
			AtomicLong late = new AtomicLong();
			Thread slow = new Thread(() -> this.transactions.executeWithoutResult(status -> {
				late.set(LiveFixtures.notify(this.jdbc, this.mentee, "Committed late"));
				inserted.countDown();
				try {
					commit.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			slow.start();
			assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
			long early = LiveFixtures.notify(this.jdbc, this.mentee, "Committed first");
			assertThat(early).isGreaterThan(late.get());

			assertThat(stream.next("notification", SOON).id()).isEqualTo(String.valueOf(early));
			// A few polls move the high-water mark past the uncommitted id before it commits.
			Thread.sleep(1500);
			commit.countDown();
			slow.join(10_000);

			SseClient.Event event = stream.next("notification", SOON);
			assertThat(event).isNotNull();
			assertThat(event.id()).isEqualTo(String.valueOf(late.get()));
			assertThat(event.data()).contains("Committed late", "\"unread\":2");
		}
	}

	@Test
	void aSixthStreamOfOnePersonClosesTheFirst() throws Exception {
		Map<String, String> session = session(this.mentee);
		List<SseClient> open = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				SseClient stream = SseClient.open(this.port, "/notifications/stream", session);
				assertThat(stream.next(SOON).name()).isEqualTo("unread");
				open.add(stream);
			}
			assertThat(this.streams.openStreams(this.mentee.id())).isEqualTo(5);

			SseClient sixth = SseClient.open(this.port, "/notifications/stream", session);
			open.add(sixth);
			assertThat(sixth.next(SOON).name()).isEqualTo("unread");
			assertThat(open.get(0).next(SOON).name()).isEqualTo("closed");
			assertThat(open.get(0).next(SOON)).isSameAs(SseClient.END);
			assertThat(this.streams.openStreams(this.mentee.id())).isEqualTo(5);

			long id = LiveFixtures.notify(this.jdbc, this.mentee, "To every open stream");
			for (SseClient stream : open.subList(1, 6)) {
				assertThat(stream.next("notification", SOON).id()).isEqualTo(String.valueOf(id));
			}
		}
		finally {
			open.forEach(SseClient::close);
		}
	}

	@Test
	void aPersonalAccessTokenOpensTheApiStream(CapturedOutput output) throws Exception {
		String token = TestTokens.plant(this.jdbc, this.mentee, "read");
		try (SseClient stream = SseClient.open(this.port, "/api/v1/notifications/stream?lastEventId=0",
				Map.of("Authorization", "Bearer " + token))) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.next(SOON).name()).isEqualTo("unread");
			LiveFixtures.notify(this.jdbc, this.other, "Not for the token's owner");
			long mine = LiveFixtures.notify(this.jdbc, this.mentee, "Through the token");
			SseClient.Event event = stream.next("notification", SOON);
			assertThat(event.id()).isEqualTo(String.valueOf(mine));
			assertThat(event.data()).contains("Through the token");

			// Five more streams close this one: the end of a stream opened with a token (an async dispatch
			// without a session) ends cleanly.
			List<SseClient> more = new java.util.ArrayList<>();
			try {
				for (int i = 0; i < 5; i++) {
					more.add(SseClient.open(this.port, "/api/v1/notifications/stream",
							Map.of("Authorization", "Bearer " + token)));
				}
				assertThat(stream.next("closed", SOON)).isNotNull();
				assertThat(stream.next(SOON)).isSameAs(SseClient.END);
				assertThat(output.getAll()).doesNotContain("AuthorizationDeniedException");
			}
			finally {
				more.forEach(SseClient::close);
			}
		}
	}

	@Test
	void theApiStreamTakesTheSessionToo() throws Exception {
		try (SseClient stream = SseClient.open(this.port, "/api/v1/notifications/stream", session(this.mentee))) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.next(SOON).name()).isEqualTo("unread");
		}
	}

	@Test
	void nobodyElseGetsAStream() {
		HttpResponse<String> api = SseClient.refused(this.port, "/api/v1/notifications/stream", Map.of());
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

		HttpResponse<String> badToken = SseClient.refused(this.port, "/api/v1/notifications/stream",
				Map.of("Authorization", "Bearer mh_not-a-token"));
		assertThat(badToken.statusCode()).isEqualTo(401);

		HttpResponse<String> page = SseClient.refused(this.port, "/notifications/stream", Map.of());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void aMalformedLastEventIdIsRefused() {
		Map<String, String> headers = new java.util.HashMap<>(session(this.mentee));
		headers.put("Last-Event-ID", "12; DROP TABLE");
		HttpResponse<String> header = SseClient.refused(this.port, "/notifications/stream", headers);
		assertThat(header.statusCode()).isEqualTo(400);
		assertThat(header.body()).contains(StreamRequests.BAD_ID);

		HttpResponse<String> parameter = SseClient.refused(this.port, "/api/v1/notifications/stream?lastEventId=-4",
				session(this.mentee));
		assertThat(parameter.statusCode()).isEqualTo(400);
		assertThat(parameter.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

}
