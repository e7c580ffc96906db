package org.mentorhub.notification;

import java.time.Duration;
import java.util.List;

import org.mentorhub.TestAccounts.Account;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * For tests of event-to-notification mappings: publishes an event as its module does (in a
 * transaction, so the listeners run after the commit) and waits for a person's notifications, each
 * checked to be fully rendered (no message placeholder left).
 */
public final class DeliveredNotifications {

	/** A notification as written. */
	public record Row(String type, String title, String body, String linkUrl, String delivery) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	public DeliveredNotifications(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
	}

	/** Publishes the event in a transaction of its own. */
	public void publish(Object event) {
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(event));
	}

	/** Waits until the person has this many notifications, and returns them oldest first. */
	public List<Row> of(Account account, int expected) {
		await().atMost(Duration.ofSeconds(20)).until(() -> rows(account).size() >= expected);
		List<Row> rows = rows(account);
		assertThat(rows).hasSize(expected);
		rows.forEach(row -> assertThat(row.title() + row.body()).doesNotContain("{").doesNotContain("}"));
		return rows;
	}

	private List<Row> rows(Account account) {
		return this.jdbc.sql("SELECT type, title, body, link_url, delivery FROM notifications WHERE user_id = :u ORDER BY id")
			.param("u", account.id())
			.query(Row.class)
			.list();
	}

}
