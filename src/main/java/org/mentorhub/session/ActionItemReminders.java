package org.mentorhub.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link ActionItemDue} for open action items with an assignee and a due date: once when the
 * item is due within the next {@link #SOON_DAYS} days (today included) in the assignee's time zone,
 * and once when its due date has passed there. The job runs once per cluster (ShedLock) every
 * {@code mentorhub.session.action-item-reminder-interval} (15 minutes by default), and an event is
 * never published twice even if two runs overlap: each one first inserts its row in
 * {@code action_item_reminders} (unique per item, kind and due date) in a transaction of its own,
 * and publishes the event in that same transaction, so only the run whose insert commits publishes
 * it. A postponed item (new due date) is reminded again. Items overdue for more than
 * {@link #OVERDUE_WINDOW_DAYS} days when the job first sees them are left alone.
 */
@Component
class ActionItemReminders {

	static final String DUE_SOON = "DUE_SOON";

	static final String OVERDUE = "OVERDUE";

	/** Due soon: due today or within this many days after today. */
	static final int SOON_DAYS = 2;

	/** Overdue items are told about only up to this many days after their due date. */
	static final int OVERDUE_WINDOW_DAYS = 7;

	private static final Logger log = LoggerFactory.getLogger(ActionItemReminders.class);

	private final JdbcClient jdbc;

	private final People people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate claim;

	ActionItemReminders(JdbcClient jdbc, People people, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.people = people;
		this.events = events;
		this.clock = clock;
		this.claim = new TransactionTemplate(transactions);
		this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${mentorhub.session.action-item-reminder-interval:PT15M}",
			initialDelayString = "${mentorhub.session.action-item-reminder-initial-delay:PT2M}")
	@SchedulerLock(name = "session-action-item-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
	void run() {
		int published = publishDue();
		if (published > 0) {
			log.info("Published {} action item reminders", published);
		}
	}

	private record Candidate(long id, long sessionId, long assigneeId, String title, LocalDate due, boolean soonSent,
			boolean overdueSent) {
	}

	/** Publishes the reminders that are due now; returns how many this call published. */
	int publishDue() {
		Instant now = this.clock.instant();
		// Every zone's today is within a day of today in UTC: the query takes a day more on each side,
		// and the assignee's own zone decides below.
		LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<Candidate> candidates = this.jdbc.sql("""
				SELECT a.id, a.session_id, a.assigned_to_id, a.title, a.due_date,
				       CASE WHEN EXISTS (SELECT 1 FROM action_item_reminders r WHERE r.action_item_id = a.id
				                         AND r.kind = 'DUE_SOON' AND r.due_date = a.due_date) THEN 1 ELSE 0 END AS soon_sent,
				       CASE WHEN EXISTS (SELECT 1 FROM action_item_reminders r WHERE r.action_item_id = a.id
				                         AND r.kind = 'OVERDUE' AND r.due_date = a.due_date) THEN 1 ELSE 0 END AS overdue_sent
				FROM action_items a
				WHERE a.due_date >= :oldest AND a.due_date <= :latest AND a.status <> 'COMPLETED'
				  AND a.assigned_to_id IS NOT NULL
				  AND ((a.due_date <= :overdueFrom AND NOT EXISTS (SELECT 1 FROM action_item_reminders r
				          WHERE r.action_item_id = a.id AND r.kind = 'OVERDUE' AND r.due_date = a.due_date))
				    OR (a.due_date >= :soonFrom AND NOT EXISTS (SELECT 1 FROM action_item_reminders r
				          WHERE r.action_item_id = a.id AND r.kind = 'DUE_SOON' AND r.due_date = a.due_date)))
				ORDER BY a.due_date, a.id
				LIMIT 500""")
			.param("oldest", utcToday.minusDays(OVERDUE_WINDOW_DAYS + 1L).atStartOfDay())
			.param("latest", utcToday.plusDays(SOON_DAYS + 1L).atStartOfDay())
			.param("overdueFrom", utcToday.atStartOfDay())
			.param("soonFrom", utcToday.minusDays(1).atStartOfDay())
			.query((rs, i) -> new Candidate(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("assigned_to_id"),
					rs.getString("title"), rs.getObject("due_date", LocalDateTime.class).toLocalDate(),
					rs.getInt("soon_sent") == 1, rs.getInt("overdue_sent") == 1))
			.list();
		if (candidates.isEmpty()) {
			return 0;
		}
		Map<Long, Person> assignees = this.people.summaries(candidates.stream().map(Candidate::assigneeId).toList());
		int published = 0;
		for (Candidate item : candidates) {
			Person assignee = assignees.get(item.assigneeId());
			ZoneId zone = assignee == null ? ZoneOffset.UTC : assignee.zone();
			LocalDate today = LocalDate.ofInstant(now, zone);
			if (item.due().isBefore(today)) {
				if (!item.overdueSent() && !item.due().isBefore(today.minusDays(OVERDUE_WINDOW_DAYS))
						&& claimAndPublish(item, OVERDUE, now)) {
					published++;
				}
			}
			else if (!item.due().isAfter(today.plusDays(SOON_DAYS)) && !item.soonSent()
					&& claimAndPublish(item, DUE_SOON, now)) {
				published++;
			}
		}
		return published;
	}

	/**
	 * Inserts the reminder's row and publishes the event in one transaction of its own, and commits
	 * both; false when another run already has the row.
	 */
	private boolean claimAndPublish(Candidate item, String kind, Instant now) {
		try {
			return Boolean.TRUE.equals(this.claim.execute(status -> {
				int inserted = this.jdbc.sql("""
						INSERT INTO action_item_reminders (action_item_id, kind, due_date, sent_at)
						VALUES (:item, :kind, :due, :at)""")
					.param("item", item.id())
					.param("kind", kind)
					.param("due", item.due().atStartOfDay())
					.param("at", SessionParticipants.utc(now))
					.update();
				if (inserted != 1) {
					return false;
				}
				this.events.publishEvent(new ActionItemDue(item.id(), item.sessionId(), item.assigneeId(), item.title(),
						item.due(), OVERDUE.equals(kind), now));
				return true;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			// Another run (or instance) inserted it first: that run published the event.
			return false;
		}
		catch (DataAccessException ex) {
			// Waiting for the other run's lock failed: nothing was inserted, so a later run retries.
			log.debug("Could not claim the {} reminder of action item {}: {}", kind, item.id(),
					ex.getClass().getSimpleName());
			return false;
		}
	}

}
