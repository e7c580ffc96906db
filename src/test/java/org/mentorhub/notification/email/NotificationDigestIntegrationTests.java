package org.mentorhub.notification.email;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MutableClock;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.calendar.CalendarFixtures;
import org.mentorhub.calendar.CalendarFixtures.Mail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest: from 7:00 in each person's time zone, one mail per person and local day with the
 * notifications delivered by DIGEST that no digest listed yet, newest first, then marked e-mailed. The
 * job also runs on its own schedule in the background, so the tests count what was sent, not who sent it.
 */
@TimeTravelTest
class NotificationDigestIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationDigests digests;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aDigestListsTheWaitingNotificationsNewestFirstOnceADay() {
		Account person = DigestFixtures.person(this.jdbc, DigestFixtures.zoneWhereItIs(this.clock.instant(), 12));
		long before = CalendarFixtures.lastMailId(this.jdbc);
		long oldest = DigestFixtures.notification(this.jdbc, person, "DIGEST", "Oldest digest item", 30);
		DigestFixtures.notification(this.jdbc, person, "DIGEST", "Middle digest item", 20);
		long newest = DigestFixtures.notification(this.jdbc, person, "DIGEST", "Newest digest item", 10);
		DigestFixtures.notification(this.jdbc, person, "IN_APP", "In-app only item", 5);
		DigestFixtures.notification(this.jdbc, person, "EMAIL", "Mailed at once item", 5);

		this.digests.sendDue();
		this.digests.sendDue();

		List<Mail> mails = DigestFixtures.digests(this.jdbc, person, before);
		assertThat(mails).hasSize(1);
		Mail mail = mails.get(0);
		assertThat(mail.subject()).isEqualTo("Your MentorHub digest: 3 notifications");
		assertThat(mail.text()).containsSubsequence("Newest digest item", "Middle digest item", "Oldest digest item")
			.contains("Body of Newest digest item")
			.contains("/notifications/" + newest + "/open")
			.contains("/notifications/" + oldest + "/open")
			.doesNotContain("In-app only item")
			.doesNotContain("Mailed at once item")
			.doesNotContain("more notification");
		assertThat(mail.html()).containsSubsequence("Newest digest item", "Middle digest item", "Oldest digest item")
			.contains("/notifications/" + newest + "/open");
		assertThat(DigestFixtures.pending(this.jdbc, person)).isZero();
		assertThat(DigestFixtures.digestRows(this.jdbc, person)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT notification_count FROM notification_digests WHERE user_id = :u")
			.param("u", person.id())
			.query(Integer.class)
			.single()).isEqualTo(3);

		// A notification later the same local day waits for tomorrow's digest.
		DigestFixtures.notification(this.jdbc, person, "DIGEST", "Later the same day", 0);
		this.digests.sendDue();
		assertThat(DigestFixtures.digests(this.jdbc, person, before)).hasSize(1);
		assertThat(DigestFixtures.pending(this.jdbc, person)).isEqualTo(1);

		this.clock.advance(Duration.ofDays(1));
		this.digests.sendDue();
		List<Mail> next = DigestFixtures.digests(this.jdbc, person, before);
		assertThat(next).hasSize(2);
		assertThat(next.get(1).subject()).isEqualTo("Your MentorHub digest: 1 notification");
		assertThat(next.get(1).text()).contains("Later the same day").doesNotContain("Newest digest item");
		assertThat(DigestFixtures.pending(this.jdbc, person)).isZero();
		assertThat(DigestFixtures.digestRows(this.jdbc, person)).isEqualTo(2);
	}

	@Test
	void beforeTheHourInThePersonsZoneNothingIsSentYet() {
		Account early = DigestFixtures.person(this.jdbc, DigestFixtures.zoneWhereItIs(this.clock.instant(), 3));
		Account late = DigestFixtures.person(this.jdbc, DigestFixtures.zoneWhereItIs(this.clock.instant(), 12));
		long before = CalendarFixtures.lastMailId(this.jdbc);
		DigestFixtures.notification(this.jdbc, early, "DIGEST", "Early bird item", 10);
		DigestFixtures.notification(this.jdbc, late, "DIGEST", "Late riser item", 10);

		this.digests.sendDue();
		assertThat(DigestFixtures.digests(this.jdbc, late, before)).hasSize(1);
		assertThat(DigestFixtures.digests(this.jdbc, early, before)).as("3 o'clock local: before 7").isEmpty();
		assertThat(DigestFixtures.pending(this.jdbc, early)).isEqualTo(1);
		assertThat(DigestFixtures.digestRows(this.jdbc, early)).isZero();

		// Five hours later it is past 8 o'clock for the early one, and still the same day for the other.
		this.clock.advance(Duration.ofHours(5));
		this.digests.sendDue();
		assertThat(DigestFixtures.digests(this.jdbc, early, before)).hasSize(1);
		assertThat(DigestFixtures.digests(this.jdbc, early, before).get(0).text()).contains("Early bird item");
		assertThat(DigestFixtures.digests(this.jdbc, late, before)).hasSize(1);
		assertThat(DigestFixtures.pending(this.jdbc, early)).isZero();
	}

	@Test
	void aLongDigestListsTheNewestFiftyAndCountsTheRest() {
		Account person = DigestFixtures.person(this.jdbc, DigestFixtures.zoneWhereItIs(this.clock.instant(), 12));
		long before = CalendarFixtures.lastMailId(this.jdbc);
		for (int i = 1; i <= 53; i++) {
			DigestFixtures.notification(this.jdbc, person, "DIGEST", "Item number " + i + ".", 100 - i);
		}

		this.digests.sendDue();

		List<Mail> mails = DigestFixtures.digests(this.jdbc, person, before);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).subject()).isEqualTo("Your MentorHub digest: 53 notifications");
		assertThat(mails.get(0).text()).contains("Item number 53.", "Item number 4.")
			.doesNotContain("Item number 3.")
			.contains("and 3 more notifications in MentorHub");
		assertThat(mails.get(0).html()).contains("and 3 more notifications in MentorHub");
		assertThat(DigestFixtures.pending(this.jdbc, person)).as("the counted ones are covered too").isZero();
	}

	@Test
	void inactivePeopleGetNoDigest() {
		Account person = DigestFixtures.person(this.jdbc, DigestFixtures.zoneWhereItIs(this.clock.instant(), 12));
		this.jdbc.sql("UPDATE users SET status = 'DISABLED' WHERE id = :id").param("id", person.id()).update();
		long before = CalendarFixtures.lastMailId(this.jdbc);
		DigestFixtures.notification(this.jdbc, person, "DIGEST", "Nobody reads this", 10);

		this.digests.sendDue();

		assertThat(DigestFixtures.digests(this.jdbc, person, before)).isEmpty();
		assertThat(DigestFixtures.pending(this.jdbc, person)).isEqualTo(1);
	}

	@Test
	void aDigestAnotherInstanceClaimedForTodayIsNotSentAgain() {
		String zone = DigestFixtures.zoneWhereItIs(this.clock.instant(), 12);
		Account person = DigestFixtures.person(this.jdbc, zone);
		this.jdbc.sql("""
				INSERT INTO notification_digests (user_id, digest_date, notification_count, sent_at)
				VALUES (:u, :d, 1, CURRENT_TIMESTAMP)""")
			.param("u", person.id())
			.param("d", LocalDate.ofInstant(this.clock.instant(), ZoneId.of(zone)))
			.update();
		long before = CalendarFixtures.lastMailId(this.jdbc);
		DigestFixtures.notification(this.jdbc, person, "DIGEST", "Claimed elsewhere", 10);

		this.digests.sendDue();

		assertThat(DigestFixtures.digests(this.jdbc, person, before)).isEmpty();
		assertThat(DigestFixtures.pending(this.jdbc, person)).as("waits for tomorrow's digest").isEqualTo(1);
	}

}
