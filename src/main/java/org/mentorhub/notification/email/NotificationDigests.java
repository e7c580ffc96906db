package org.mentorhub.notification.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: one e-mail per person and local day with the notifications that person gets by
 * {@code DIGEST} and that no digest has listed yet, sent from {@code mentorhub.notification.digest.hour}
 * (7 by default) in the person's time zone. The job runs once per cluster (ShedLock), and a digest is
 * never sent twice even if two runs overlap: each one first inserts the person's row for the local date
 * in {@code notification_digests} (unique per person and date) in a transaction of its own, and only the
 * run whose insert commits sends the mail and marks the listed notifications e-mailed.
 * <p>
 * The work goes in batches of people (keyset by id), with a fixed number of queries per batch: the
 * people with pending notifications, their accounts (identity's {@link People}, one batch call), the
 * digests already sent, and the notifications of those whose digest is due (the newest first, at most
 * {@value #COVERED} per person). Then, per person sent to, the claim, the mail and one update.
 */
@Component
class NotificationDigests {

	/** The most notifications one digest covers (lists or counts); older ones wait for the next. */
	static final int COVERED = 1000;

	/** A moment in the list: "Wed 9 Dec, 14:00". */
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm");

	private static final Logger log = LoggerFactory.getLogger(NotificationDigests.class);

	private final JdbcClient jdbc;

	private final People people;

	private final Mailer mailer;

	private final MessageSource messages;

	private final NotificationMailProperties.Digest properties;

	private final Clock clock;

	private final TransactionTemplate claim;

	private final TransactionTemplate send;

	NotificationDigests(JdbcClient jdbc, People people, Mailer mailer, MessageSource messages,
			NotificationMailProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.people = people;
		this.mailer = mailer;
		this.messages = messages;
		this.properties = properties.digest();
		this.clock = clock;
		this.claim = new TransactionTemplate(transactions);
		this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.send = new TransactionTemplate(transactions);
	}

	/** One pending notification as the digest lists it. */
	record Pending(long id, long userId, String title, String body, Instant createdAt) {
	}

	@Scheduled(fixedDelayString = "${mentorhub.notification.digest.interval:PT15M}",
			initialDelayString = "${mentorhub.notification.digest.initial-delay:PT2M}")
	@SchedulerLock(name = "notification-digests", lockAtMostFor = "PT14M", lockAtLeastFor = "PT30S")
	void run() {
		int sent = sendDue();
		if (sent > 0) {
			log.info("Sent {} notification digests", sent);
		}
	}

	/** Sends the digests that are due now; returns how many this call sent. */
	int sendDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		long after = 0;
		while (sent < this.properties.maxPerRun()) {
			List<Long> users = this.jdbc.sql("""
					SELECT DISTINCT user_id FROM notifications
					WHERE delivery = 'DIGEST' AND emailed_at IS NULL AND user_id > :after
					ORDER BY user_id LIMIT :limit""")
				.param("after", after)
				.param("limit", this.properties.batch())
				.query(Long.class)
				.list();
			if (users.isEmpty()) {
				break;
			}
			sent += sendBatch(users, now, this.properties.maxPerRun() - sent);
			if (users.size() < this.properties.batch()) {
				break;
			}
			after = users.get(users.size() - 1);
		}
		return sent;
	}

	/** The digests of these people that are due: each one's local date, for active people with an address. */
	private int sendBatch(List<Long> users, Instant now, int most) {
		Map<Long, Person> persons = this.people.summaries(users);
		Map<Long, LocalDate> due = new LinkedHashMap<>();
		for (long id : users) {
			Person person = persons.get(id);
			if (person == null || !person.active() || person.email() == null || person.email().isBlank()) {
				continue;
			}
			ZonedDateTime local = now.atZone(person.zone());
			if (local.getHour() >= this.properties.hour()) {
				due.put(id, local.toLocalDate());
			}
		}
		if (due.isEmpty()) {
			return 0;
		}
		LocalDate earliest = due.values().stream().min(LocalDate::compareTo).orElseThrow();
		Set<String> sentAlready = new HashSet<>();
		this.jdbc.sql("SELECT user_id, digest_date FROM notification_digests WHERE user_id IN (:ids) AND digest_date >= :from")
			.param("ids", List.copyOf(due.keySet()))
			.param("from", earliest)
			.query((RowCallbackHandler) rs -> sentAlready
				.add(rs.getLong("user_id") + "@" + rs.getObject("digest_date", LocalDate.class)));
		due.entrySet().removeIf(entry -> sentAlready.contains(entry.getKey() + "@" + entry.getValue()));
		if (due.isEmpty()) {
			return 0;
		}
		Map<Long, List<Pending>> pending = pending(List.copyOf(due.keySet()));
		int sent = 0;
		for (Map.Entry<Long, LocalDate> entry : due.entrySet()) {
			List<Pending> rows = pending.getOrDefault(entry.getKey(), List.of());
			if (sent >= most) {
				break;
			}
			if (!rows.isEmpty() && claim(entry.getKey(), entry.getValue(), rows.size(), now)) {
				if (send(persons.get(entry.getKey()), entry.getValue(), rows, now)) {
					sent++;
				}
			}
		}
		return sent;
	}

	/** The pending notifications of these people, newest first, at most {@value #COVERED} each: one query. */
	private Map<Long, List<Pending>> pending(List<Long> users) {
		Map<Long, List<Pending>> pending = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, user_id, title, body, created_at FROM (
				    SELECT id, user_id, title, body, created_at,
				           ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS position
				    FROM notifications
				    WHERE delivery = 'DIGEST' AND emailed_at IS NULL AND user_id IN (:ids)) newest
				WHERE position <= :covered
				ORDER BY user_id, created_at DESC, id DESC""")
			.param("ids", users)
			.param("covered", COVERED)
			.query((RowCallbackHandler) rs -> pending.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>())
				.add(new Pending(rs.getLong("id"), rs.getLong("user_id"), rs.getString("title"), rs.getString("body"),
						instant(rs.getTimestamp("created_at")))));
		return pending;
	}

	/** Inserts the person's digest row for the date and commits it; false when another run already has it. */
	private boolean claim(long userId, LocalDate date, int count, Instant now) {
		try {
			return Boolean.TRUE.equals(this.claim.execute(status -> this.jdbc.sql("""
					INSERT INTO notification_digests (user_id, digest_date, notification_count, sent_at)
					VALUES (:user, :date, :count, :at)""")
				.param("user", userId)
				.param("date", date)
				.param("count", count)
				.param("at", utc(now))
				.update() == 1));
		}
		catch (DataIntegrityViolationException ex) {
			// Another run (or instance) inserted it first: that run sends the digest.
			return false;
		}
		catch (DataAccessException ex) {
			// Waiting for the other run's lock failed: nothing was inserted, so a later run retries.
			log.debug("Could not claim the digest of person {}: {}", userId, ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * Mails the digest and marks exactly the covered notifications e-mailed, in one transaction. A mail
	 * that fails (SMTP down) gives the claim back, so that a later run sends the digest.
	 */
	private boolean send(Person person, LocalDate date, List<Pending> rows, Instant now) {
		Locale locale = locale(person);
		List<Map<String, Object>> items = new ArrayList<>();
		for (Pending row : rows.subList(0, Math.min(rows.size(), this.properties.listed()))) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("title", row.title());
			item.put("body", row.body() == null ? "" : row.body());
			item.put("link", "/notifications/" + row.id() + "/open");
			item.put("at", row.createdAt() == null ? "" : MOMENT.withLocale(locale).format(row.createdAt().atZone(person.zone())));
			items.add(item);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", person.fullName());
		model.put("items", items);
		model.put("more", rows.size() - items.size());
		model.put("count", rows.size());
		String subject = this.messages.getMessage("notification.digest.subject", new Object[] { rows.size() }, locale);
		try {
			this.send.executeWithoutResult(status -> {
				this.mailer.deliver(person.email(), subject, "notification-digest", model);
				List<Long> ids = rows.stream().map(Pending::id).toList();
				this.jdbc.sql("UPDATE notifications SET emailed_at = :at WHERE user_id = :user AND emailed_at IS NULL AND id IN (:ids)")
					.param("at", utc(now))
					.param("user", person.id())
					.param("ids", ids)
					.update();
			});
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not send the digest of person {}: {}; a later run tries again", person.id(),
					ex.getClass().getSimpleName());
			this.claim.executeWithoutResult(status -> this.jdbc
				.sql("DELETE FROM notification_digests WHERE user_id = :user AND digest_date = :date")
				.param("user", person.id())
				.param("date", date)
				.update());
			return false;
		}
	}

	private static Locale locale(Person person) {
		return person.locale() == null || person.locale().isBlank() ? Locale.ENGLISH
				: Locale.forLanguageTag(person.locale().replace('_', '-'));
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
	}

}
