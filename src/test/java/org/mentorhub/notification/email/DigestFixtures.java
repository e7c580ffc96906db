package org.mentorhub.notification.email;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.calendar.CalendarFixtures;
import org.mentorhub.calendar.CalendarFixtures.Mail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** People in chosen time zones, notifications planted with SQL, and the digest mails of the outbox. */
final class DigestFixtures {

	static final String SUBJECT = "Your MentorHub digest";

	private DigestFixtures() {
	}

	/** A fixed-offset zone whose local time at this moment is {@code localHour} o'clock (and some minutes). */
	static String zoneWhereItIs(Instant now, int localHour) {
		int utcHour = now.atOffset(ZoneOffset.UTC).getHour();
		int offset = localHour - utcHour;
		while (offset > 12) {
			offset -= 24;
		}
		while (offset <= -12) {
			offset += 24;
		}
		return ZoneOffset.ofHours(offset).getId();
	}

	/** A mentee of a fresh university in this zone. */
	static Account person(JdbcClient jdbc, String zone) {
		return TestInstitutions.aUniversity().withDepartment("CS").build(jdbc).aStudent().inDepartment("CS")
			.withTimeZone(zone).create(jdbc);
	}

	/** A notification of the person delivered so (IN_APP, EMAIL, DIGEST), created minutes ago; its id. */
	static long notification(JdbcClient jdbc, Account person, String delivery, String title, int minutesAgo) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notifications (user_id, type, title, body, payload, link_url, delivery, created_at)
				VALUES (:u, 'SESSION_CONFIRMED', :t, :b, '{"sessionId":1}', '/sessions', :d, :at)""")
			.param("u", person.id())
			.param("t", title)
			.param("b", "Body of " + title)
			.param("d", delivery)
			.param("at", LocalDateTime.ofInstant(Instant.now().minus(minutesAgo, ChronoUnit.MINUTES), ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The digest mails to the person after the mail id. */
	static List<Mail> digests(JdbcClient jdbc, Account person, long afterMailId) {
		return CalendarFixtures.mailsTo(jdbc, person.email(), afterMailId)
			.stream()
			.filter(mail -> mail.subject().startsWith(SUBJECT))
			.toList();
	}

	static int digestRows(JdbcClient jdbc, Account person) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_digests WHERE user_id = :u")
			.param("u", person.id())
			.query(Integer.class)
			.single();
	}

	/** How many of the person's DIGEST notifications still wait for a digest. */
	static int pending(JdbcClient jdbc, Account person) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = :u AND delivery = 'DIGEST' AND emailed_at IS NULL")
			.param("u", person.id())
			.query(Integer.class)
			.single();
	}

}
