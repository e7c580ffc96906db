package org.mentorhub.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.notification.NotificationType.Category;
import org.mentorhub.notification.NotificationType.Channel;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's channel per notification type ({@code notification_preferences}): a row only where
 * the person chose something else than the default of the type for their roles
 * ({@link NotificationType#defaultFor}). Mandatory types (security notices) cannot be changed.
 */
@Service
class Preferences {

	/** Ids per {@code IN (...)} list. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final People people;

	private final Tenancy tenancy;

	private final Clock clock;

	Preferences(JdbcClient jdbc, People people, Tenancy tenancy, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** One type's line on the preferences page and in the API. */
	record Preference(NotificationType type, Category category, Channel channel, Channel defaultChannel,
			boolean mandatory) {
	}

	/** The signed-in person's channel of every type, grouped by category in the order of the types. */
	@Transactional(readOnly = true)
	List<Preference> mine() {
		Person me = me();
		Map<NotificationType, Channel> chosen = chosen(List.of(me.id())).getOrDefault(me.id(), Map.of());
		List<Preference> lines = new ArrayList<>();
		for (NotificationType type : NotificationType.values()) {
			lines.add(new Preference(type, type.category(), channel(type, me, chosen), type.defaultFor(me.roles()),
					type.mandatory()));
		}
		return lines;
	}

	/**
	 * Saves the signed-in person's choices: type name to channel name. Types left out keep their
	 * channel; an unknown type or channel, or a change of a mandatory type, is refused as a whole
	 * with a problem per field. A choice equal to the default is stored as no row.
	 */
	@Transactional
	List<Preference> save(Map<String, String> choices) {
		Person me = me();
		if (choices == null || choices.isEmpty()) {
			throw new InvalidInputException("preferences", "Choose a channel for at least one notification type.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<NotificationType, Channel> valid = new EnumMap<>(NotificationType.class);
		choices.forEach((name, channelName) -> {
			NotificationType type = NotificationType.of(name).orElse(null);
			Channel channel = channel(channelName);
			if (type == null) {
				problems.add(new FieldProblem(String.valueOf(name), "There is no notification type of this name."));
			}
			else if (channel == null) {
				problems.add(new FieldProblem(name, "Choose IN_APP, EMAIL or DIGEST."));
			}
			else if (type.mandatory() && channel != Channel.EMAIL) {
				problems.add(new FieldProblem(name, "Security notices are always e-mailed and cannot be switched off."));
			}
			else {
				valid.put(type, channel);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		valid.forEach((type, channel) -> {
			this.jdbc.sql("DELETE FROM notification_preferences WHERE user_id = :user AND type = :type")
				.param("user", me.id())
				.param("type", type.name())
				.update();
			if (channel != type.defaultFor(me.roles())) {
				this.jdbc.sql("""
						INSERT INTO notification_preferences (user_id, type, channel, updated_at)
						VALUES (:user, :type, :channel, :at)""")
					.param("user", me.id())
					.param("type", type.name())
					.param("channel", channel.name())
					.param("at", now)
					.update();
			}
		});
		return mine();
	}

	/** The channels these people chose, by person and type (defaults are not stored). */
	Map<Long, Map<NotificationType, Channel>> chosen(Collection<Long> userIds) {
		Map<Long, Map<NotificationType, Channel>> chosen = new HashMap<>();
		List<Long> ids = List.copyOf(userIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			this.jdbc.sql("SELECT user_id, type, channel FROM notification_preferences WHERE user_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.query(rs -> {
					NotificationType type = NotificationType.of(rs.getString("type")).orElse(null);
					Channel channel = channel(rs.getString("channel"));
					if (type != null && channel != null) {
						chosen.computeIfAbsent(rs.getLong("user_id"), id -> new EnumMap<>(NotificationType.class))
							.put(type, channel);
					}
				});
		}
		return chosen;
	}

	/** The channel of one type for a person, from their choices and their roles. */
	static Channel channel(NotificationType type, Person person, Map<NotificationType, Channel> chosen) {
		if (type.mandatory()) {
			return Channel.EMAIL;
		}
		return chosen.getOrDefault(type, type.defaultFor(person.roles()));
	}

	private static Channel channel(String name) {
		for (Channel channel : Channel.values()) {
			if (channel.name().equals(name)) {
				return channel;
			}
		}
		return null;
	}

	private Person me() {
		long id = this.tenancy.actor().id();
		return this.people.find(id).orElseThrow(() -> new NotFoundException("Your account was not found."));
	}

}
