package org.mentorhub.session;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MutableClock;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.session.SessionNotesFixtures.Pair;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The action item reminder job ({@link ActionItemReminders}): one {@link ActionItemDue} when an open,
 * assigned item is due within two days, one when it is overdue, none for completed, unassigned, far or
 * long overdue items, a new one after the due date moves, and exactly one per item even when several
 * instances run the job at the same moment. The job also runs on its own schedule in the background,
 * so the tests count the events published on any thread, not who published them.
 */
@TimeTravelTest
class ActionItemReminderIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActionItemReminders reminders;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	Pair pair() {
		String college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc).code();
		return SessionNotesFixtures.pair(this.jdbc, college, "CS", "CONFIRMED");
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	long item(Pair pair, Long assignee, String title, LocalDate due, String status) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO action_items (session_id, assigned_to_id, created_by_id, title, description, due_date, status)
				VALUES (:s, :a, :c, :t, 'PRIVATE-DESCRIPTION', :due, :status)""")
			.param("s", pair.sessionId())
			.param("a", assignee)
			.param("c", pair.mentor().id())
			.param("t", title)
			.param("due", due.atStartOfDay())
			.param("status", status)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	@Test
	void dueSoonAndOverdueArePublishedOnceEachForOpenAssignedItems() {
		Pair pair = pair();
		long mentee = pair.mentee().id();
		LocalDate today = today();
		try (CapturedEvents<ActionItemDue> events = CapturedEvents.of(this.context, ActionItemDue.class)) {
			long soon = item(pair, mentee, "Soon", today.plusDays(1), "IN_PROGRESS");
			long late = item(pair, pair.mentor().id(), "Late", today.minusDays(2), "PENDING");
			long far = item(pair, mentee, "Far", today.plusDays(5), "PENDING");
			item(pair, mentee, "Done", today.minusDays(1), "COMPLETED");
			item(pair, mentee, "Ancient", today.minusDays(30), "PENDING");
			item(pair, null, "Nobody's", today, "PENDING");

			this.reminders.publishDue();
			this.reminders.publishDue();
			List<ActionItemDue> mine = events.matching(e -> e.sessionId() == pair.sessionId());
			assertThat(mine).hasSize(2);
			assertThat(mine).filteredOn(e -> e.actionItemId() == soon).singleElement().satisfies(e -> {
				assertThat(e.assigneeId()).isEqualTo(mentee);
				assertThat(e.title()).isEqualTo("Soon");
				assertThat(e.dueDate()).isEqualTo(today.plusDays(1));
				assertThat(e.overdue()).isFalse();
				assertThat(e.occurredAt()).isNotNull();
				assertThat(e.toString()).doesNotContain("PRIVATE");
			});
			// Already overdue when first seen: told it is overdue, not that it is due soon.
			assertThat(mine).filteredOn(e -> e.actionItemId() == late).singleElement().satisfies(e -> {
				assertThat(e.assigneeId()).isEqualTo(pair.mentor().id());
				assertThat(e.overdue()).isTrue();
			});

			// Three days later: the first item is overdue now, the far one is due soon.
			this.clock.advance(Duration.ofDays(3));
			this.reminders.publishDue();
			this.reminders.publishDue();
			mine = events.matching(e -> e.sessionId() == pair.sessionId());
			assertThat(mine).hasSize(4);
			assertThat(mine).filteredOn(e -> e.actionItemId() == soon).extracting(ActionItemDue::overdue)
				.containsExactly(false, true);
			assertThat(mine).filteredOn(e -> e.actionItemId() == far).singleElement()
				.satisfies(e -> assertThat(e.overdue()).isFalse());

			// The late item is postponed: its new due date is reminded again, once.
			this.jdbc.sql("UPDATE action_items SET due_date = :due WHERE id = :id")
				.param("due", today().plusDays(2).atStartOfDay())
				.param("id", late)
				.update();
			this.reminders.publishDue();
			this.reminders.publishDue();
			assertThat(events.matching(e -> e.actionItemId() == late)).extracting(ActionItemDue::dueDate)
				.containsExactly(today.minusDays(2), today().plusDays(2));
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM action_item_reminders r JOIN action_items a ON a.id = r.action_item_id "
				+ "WHERE a.session_id = :s")
			.param("s", pair.sessionId())
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void twoInstancesAtOncePublishOneEventPerItem() throws Exception {
		Pair pair = pair();
		long first = item(pair, pair.mentee().id(), "Raced soon", today().plusDays(1), "PENDING");
		long second = item(pair, pair.mentor().id(), "Raced late", today().minusDays(1), "PENDING");
		int instances = 4;
		CyclicBarrier start = new CyclicBarrier(instances);
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try (CapturedEvents<ActionItemDue> events = CapturedEvents.of(this.context, ActionItemDue.class)) {
			List<CompletableFuture<Integer>> runs = IntStream.range(0, instances)
				.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await(10, TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return this.reminders.publishDue();
				}, pool))
				.toList();
			for (CompletableFuture<Integer> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
			assertThat(events.matching(e -> e.actionItemId() == first)).singleElement()
				.satisfies(e -> assertThat(e.overdue()).isFalse());
			assertThat(events.matching(e -> e.actionItemId() == second)).singleElement()
				.satisfies(e -> assertThat(e.overdue()).isTrue());
		}
		finally {
			pool.shutdownNow();
		}
	}

}
