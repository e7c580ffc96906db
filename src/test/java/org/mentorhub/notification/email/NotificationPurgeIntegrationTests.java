package org.mentorhub.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MutableClock;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TimeTravelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge: read notifications go 180 days after they were read (by the application's clock), in
 * batches; unread ones stay whatever their age.
 */
@TimeTravelTest
class NotificationPurgeIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	NotificationPurge purge;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** A notification created and read so many days ago (read: null for unread); its id. */
	long plant(Account person, String title, int createdDaysAgo, Integer readDaysAgo) {
		this.jdbc.sql("""
				INSERT INTO notifications (user_id, type, title, body, read_at, created_at)
				VALUES (:u, 'SESSION_CONFIRMED', :t, 'Body', :read, :created)""")
			.param("u", person.id())
			.param("t", title)
			.param("read", readDaysAgo == null ? null : daysAgo(readDaysAgo))
			.param("created", daysAgo(createdDaysAgo))
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM notifications WHERE user_id = :u").param("u", person.id())
			.query(Long.class).single();
	}

	static LocalDateTime daysAgo(int days) {
		return LocalDateTime.ofInstant(Instant.now().minus(days, ChronoUnit.DAYS), ZoneOffset.UTC);
	}

	List<String> titles(Account person) {
		return this.jdbc.sql("SELECT title FROM notifications WHERE user_id = :u ORDER BY id")
			.param("u", person.id())
			.query(String.class)
			.list();
	}

	@Test
	void readNotificationsGoAfterTheRetentionUnreadOnesStay() {
		Account person = DigestFixtures.person(this.jdbc, "UTC");
		plant(person, "read 200 days ago", 210, 200);
		plant(person, "read 181 days ago", 190, 181);
		plant(person, "read 179 days ago", 190, 179);
		plant(person, "read yesterday", 400, 1);
		plant(person, "unread for 400 days", 400, null);

		this.purge.purge();

		assertThat(titles(person)).containsExactly("read 179 days ago", "read yesterday", "unread for 400 days");

		// Two days later (the application's clock), the one read 179 days ago is past 180 days too.
		this.clock.advance(Duration.ofDays(2));
		this.purge.purge();
		assertThat(titles(person)).containsExactly("read yesterday", "unread for 400 days");
	}

	@Test
	void manyAreDeletedInBatches() {
		Account person = DigestFixtures.person(this.jdbc, "UTC");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 2_500; i++) {
			rows.add(new Object[] { person.id(), "old " + i, daysAgo(300), daysAgo(400) });
		}
		this.template.batchUpdate(
				"INSERT INTO notifications (user_id, type, title, body, read_at, created_at) VALUES (?, 'SESSION_CONFIRMED', ?, 'Body', ?, ?)",
				rows);
		plant(person, "unread and old", 400, null);

		int purged = this.purge.purge();

		// Batches of 1,000: three of them, the last one short (the background run may have taken some first).
		assertThat(purged).isPositive();
		assertThat(titles(person)).containsExactly("unread and old");
	}

}
