package org.mentorhub.notification.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest job's queries: a fixed number per batch of people (who has notifications waiting, their
 * accounts, the digests already sent, the waiting notifications), and per digest sent only its claim, its
 * mail and one update; never a lookup per notification or per person.
 */
@MentorHubIntegrationTest
class NotificationDigestStatementsIntegrationTests {

	/** Per batch: people waiting, their roles and accounts (identity), digests sent, notifications waiting. */
	static final long PER_BATCH = 5;

	/** Per digest: the claim, the outbox row, the update of the notifications. */
	static final long PER_DIGEST = 3;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationDigests digests;

	List<Account> waiting(int people, int notificationsEach) {
		String zone = DigestFixtures.zoneWhereItIs(Instant.now(), 12);
		List<Account> planted = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			Account person = DigestFixtures.person(this.jdbc, zone);
			for (int n = 0; n < notificationsEach; n++) {
				DigestFixtures.notification(this.jdbc, person, "DIGEST", "Counted item " + n, 10 + n);
			}
			planted.add(person);
		}
		return planted;
	}

	@Test
	void theJobTakesAFixedNumberOfStatementsPerBatchAndThreePerDigest() throws Exception {
		// Whatever other tests left waiting goes first.
		this.digests.sendDue();

		int[] sent = new int[2];
		List<Account> few = waiting(2, 2);
		long forFew = StatementCounter.count(() -> sent[0] = this.digests.sendDue());
		List<Account> many = waiting(6, 7);
		long forMany = StatementCounter.count(() -> sent[1] = this.digests.sendDue());

		// (The job's own schedule may have sent one of them in between: the count follows what this call sent.)
		assertThat(sent[0]).isPositive();
		assertThat(sent[1]).isGreaterThan(sent[0]);
		assertThat(forFew).isEqualTo(PER_BATCH + PER_DIGEST * sent[0]);
		assertThat(forMany).isEqualTo(PER_BATCH + PER_DIGEST * sent[1]);
		assertThat(few).hasSize(2);
		for (Account person : many) {
			assertThat(DigestFixtures.pending(this.jdbc, person)).isZero();
		}
	}

}
