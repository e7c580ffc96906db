package org.mentorhub.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.notification.NotificationType.Channel;
import org.mentorhub.platform.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications: for each {@link Notice} whose person has an active account, the title and
 * body in that person's language, the row, and (when the person's channel for the type is
 * {@link Channel#EMAIL}) the e-mail at once, in the same transaction. Called by the listeners of
 * this module only, inside the listener's transaction: a mail that fails rolls the notification
 * back, and the publication registry delivers the event again.
 */
@Component
class Inbox {

	/** A moment as the person reads it: "Wed 9 Dec 2026, 14:00 CET". */
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z");

	/** A day as the person reads it: "Wed 9 Dec 2026". */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

	/** The longest title the column holds. */
	static final int TITLE_LENGTH = 200;

	private final JdbcClient jdbc;

	private final People people;

	private final Preferences preferences;

	private final MessageSource messages;

	private final Mailer mailer;

	private final JsonMapper json;

	private final Clock clock;

	Inbox(JdbcClient jdbc, People people, Preferences preferences, MessageSource messages, Mailer mailer,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.preferences = preferences;
		this.messages = messages;
		this.mailer = mailer;
		this.json = json;
		this.clock = clock;
	}

	/** Writes one notification per notice; notices for unknown or inactive accounts are dropped. */
	@Transactional
	public int deliver(Collection<Notice> notices) {
		if (notices.isEmpty()) {
			return 0;
		}
		Set<Long> ids = new LinkedHashSet<>();
		notices.forEach(notice -> ids.add(notice.recipientId()));
		Map<Long, Person> persons = this.people.summaries(ids);
		Map<Long, Map<NotificationType, Channel>> chosen = this.preferences.chosen(ids);
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int written = 0;
		for (Notice notice : notices) {
			Person person = persons.get(notice.recipientId());
			if (person == null || !person.active()) {
				continue;
			}
			Channel channel = Preferences.channel(notice.type(), person,
					chosen.getOrDefault(person.id(), Map.of()));
			if (channel == Channel.EMAIL && person.email() == null) {
				channel = Channel.IN_APP;
			}
			Locale locale = locale(person);
			Object[] args = arguments(notice, person, locale);
			String title = clip(this.messages.getMessage(key(notice.type(), "title"), args, locale));
			String body = this.messages.getMessage(key(notice.type(), "body"), args, locale);
			this.jdbc.sql("""
					INSERT INTO notifications (user_id, type, title, body, payload, link_url, delivery, emailed_at, created_at)
					VALUES (:user, :type, :title, :body, :payload, :link, :delivery, :emailed, :at)""")
				.param("user", person.id())
				.param("type", notice.type().name())
				.param("title", title)
				.param("body", body)
				.param("payload", this.json.writeValueAsString(notice.payload()))
				.param("link", notice.link())
				.param("delivery", channel.name())
				.param("emailed", channel == Channel.EMAIL ? now : null)
				.param("at", now)
				.update();
			if (channel == Channel.EMAIL && !notice.mailedByItsModule()) {
				Map<String, Object> model = new LinkedHashMap<>();
				model.put("name", person.fullName());
				model.put("title", title);
				model.put("body", body);
				model.put("link", notice.link());
				model.put("mandatory", notice.type().mandatory());
				this.mailer.deliver(person.email(), title, "notification", model);
			}
			written++;
		}
		return written;
	}

	/**
	 * The message arguments for this person: a moment ({@link Instant}) in the person's zone and
	 * language, a day ({@link LocalDate}) in the person's language, a message
	 * ({@link MessageSourceResolvable}, its own arguments likewise) in the person's language.
	 */
	private Object[] arguments(Notice notice, Person person, Locale locale) {
		return arguments(notice.args().toArray(), person, locale);
	}

	private Object[] arguments(Object[] given, Person person, Locale locale) {
		if (given == null) {
			return null;
		}
		Object[] args = given.clone();
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof Instant moment) {
				args[i] = MOMENT.withLocale(locale).format(moment.atZone(person.zone()));
			}
			else if (args[i] instanceof LocalDate day) {
				args[i] = DAY.withLocale(locale).format(day);
			}
			else if (args[i] instanceof MessageSourceResolvable message) {
				args[i] = this.messages.getMessage(new DefaultMessageSourceResolvable(message.getCodes(),
						arguments(message.getArguments(), person, locale), message.getDefaultMessage()), locale);
			}
		}
		return args;
	}

	static String key(NotificationType type, String part) {
		return "notification.type." + type.name() + "." + part;
	}

	static Locale locale(Person person) {
		return person.locale() == null || person.locale().isBlank() ? Locale.ENGLISH
				: Locale.forLanguageTag(person.locale().replace('_', '-'));
	}

	private static String clip(String title) {
		return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH - 1) + "…";
	}

	/** A list of notices for several people about the same thing. */
	static List<Notice> toEach(Collection<Long> recipients, NotificationType type, String link,
			Map<String, Object> payload, Object... args) {
		return recipients.stream().distinct().map(id -> Notice.of(id, type, link, payload, args)).toList();
	}

	/** A payload of ids, in the order given: key, value, key, value. */
	static Map<String, Object> ids(Object... keysAndValues) {
		Map<String, Object> payload = new HashMap<>();
		for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				payload.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return payload;
	}

}
