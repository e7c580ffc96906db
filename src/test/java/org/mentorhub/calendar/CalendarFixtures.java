package org.mentorhub.calendar;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Sessions planted with SQL (the session module's classes are built on another branch), their
 * participants, planted secrets that must never leave (description, agenda, notes, feedback), and
 * the outbox.
 */
public final class CalendarFixtures {

	private CalendarFixtures() {
	}

	/** A planted session and its pair. */
	public record Planted(long id, String uid, Account mentor, Account mentee, String secret) {
	}

	/** A mail of the outbox with its first attachment (or null). */
	public record Mail(long id, String recipient, String subject, String text, String html, String attachmentName,
			String attachmentType, String attachment) {
	}

	/** An active mentorship between a fresh mentor and a fresh mentee of a fresh university's CS department. */
	public static Planted session(JdbcClient jdbc, String status, Instant start, String title) {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(jdbc);
		Account mentee = college.aStudent().inDepartment("CS").create(jdbc);
		return session(jdbc, mentor, mentee, status, start, title);
	}

	/** A session of an active mentorship between the two (made if missing), with secrets planted around it. */
	public static Planted session(JdbcClient jdbc, Account mentor, Account mentee, String status, Instant start,
			String title) {
		Long mentorship = jdbc.sql("SELECT MAX(id) FROM mentorships WHERE mentor_id = :m AND mentee_id = :e AND status = 'ACTIVE'")
			.param("m", mentor.id())
			.param("e", mentee.id())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (mentorship == null) {
			mentorship = TestMentorships.plant(jdbc, mentor, mentee, "ACTIVE");
		}
		String secret = "SECRET" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String uid = UUID.randomUUID() + "@mentorhub.test";
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, description, agenda,
				    scheduled_at, time_zone, duration_minutes, status, mode, location, meeting_link, summary,
				    response_message, created_by_id, ical_uid, ical_sequence)
				VALUES (:ms, :m, :e, :title, :description, :agenda, :at, 'Europe/Berlin', 45, :status, 'ONLINE',
				    NULL, 'https://meet.example.org/room-1', :summary, :response, :e, :uid, 0)""")
			.param("ms", mentorship)
			.param("m", mentor.id())
			.param("e", mentee.id())
			.param("title", title)
			.param("description", "description " + secret)
			.param("agenda", "agenda " + secret)
			.param("at", utc(start))
			.param("status", status)
			.param("summary", "summary " + secret)
			.param("response", "response " + secret)
			.param("uid", uid)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("INSERT INTO session_notes (session_id, created_by_id, content, is_private) VALUES (:s, :u, :c, TRUE)")
			.param("s", id).param("u", mentee.id()).param("c", "private note " + secret).update();
		jdbc.sql("INSERT INTO session_notes (session_id, created_by_id, content, is_private) VALUES (:s, :u, :c, FALSE)")
			.param("s", id).param("u", mentor.id()).param("c", "shared note " + secret).update();
		jdbc.sql("INSERT INTO action_items (session_id, assigned_to_id, title, description) VALUES (:s, :u, :t, :d)")
			.param("s", id).param("u", mentee.id()).param("t", "item " + secret).param("d", "item " + secret).update();
		jdbc.sql("""
				INSERT INTO session_feedback (session_id, giver_id, recipient_id, type, rating, comments)
				VALUES (:s, :g, :r, 'MENTEE_TO_MENTOR', 4, :c)""")
			.param("s", id).param("g", mentee.id()).param("r", mentor.id()).param("c", "feedback " + secret).update();
		return new Planted(id, uid, mentor, mentee, secret);
	}

	public static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
	}

	public static long lastMailId(JdbcClient jdbc) {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox_mails").query(Long.class).single();
	}

	/**
	 * The calendar's outbox mails to the address after the given id, oldest first: not the notification
	 * module's (whose subject is the title of a notification of the recipient), which the same session
	 * events may send as well.
	 */
	public static List<Mail> mailsTo(JdbcClient jdbc, String recipient, long afterId) {
		return jdbc.sql("""
				SELECT m.id, m.recipient, m.subject, m.body_text AS text, m.body_html AS html,
				       a.filename AS attachment_name, a.content_type AS attachment_type, a.content AS attachment
				FROM outbox_mails m LEFT JOIN outbox_mail_attachments a ON a.mail_id = m.id
				WHERE m.recipient = :to AND m.id > :after
				  AND NOT EXISTS (SELECT 1 FROM notifications n JOIN users u ON u.id = n.user_id
				                  WHERE u.email = m.recipient AND n.title = m.subject)
				ORDER BY m.id""")
			.param("to", recipient)
			.param("after", afterId)
			.query(Mail.class)
			.list();
	}

	/** Parses iCalendar text with ical4j (fails on anything ical4j cannot read). */
	public static Calendar parse(String text) {
		try {
			return new CalendarBuilder().build(new StringReader(text));
		}
		catch (Exception ex) {
			throw new AssertionError("Not iCalendar that ical4j can read: " + ex + "\n" + text, ex);
		}
	}

}
