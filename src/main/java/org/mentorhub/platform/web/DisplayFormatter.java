package org.mentorhub.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.UserDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one way values reach people in templates (the bean {@code display}: its {@code label} of a
 * status, its {@code dateTime} of a start; docs/ui.md): codes become labels from the messages, never
 * the code itself, and times are shown in the viewer's time zone, in one format.
 * <p>
 * Labels: an enum constant {@code IN_PERSON} of {@code Mode} is looked up as {@code enum.Mode.IN_PERSON},
 * then {@code status.IN_PERSON} (the shared status labels), and shown as "In person" when neither
 * exists, so that a forgotten key shows words, not a code. Times: one format (Wed 9 Dec 2026, 14:00);
 * an {@link Instant} (or offset/zoned time) is moved into the viewer's zone ({@code users.time_zone},
 * looked up once per request), a {@link LocalDateTime} is taken as already local.
 */
@Component("display")
public class DisplayFormatter {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	/** Titles that come before a name and are no part of its initials. */
	static final Set<String> TITLES = Set.of("dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame",
			"rev", "hon", "phd");

	private static final String ZONE_ATTRIBUTE = DisplayFormatter.class.getName() + ".zone";

	private final MessageSource messages;

	private final UserDirectory users;

	private final Clock clock;

	DisplayFormatter(MessageSource messages, UserDirectory users, Clock clock) {
		this.messages = messages;
		this.users = users;
		this.clock = clock;
	}

	/** The label of a code (an enum constant or its name); empty for {@code null}. */
	public String label(Object code) {
		if (code == null) {
			return "";
		}
		String name = code instanceof Enum<?> e ? e.name() : code.toString();
		Locale locale = LocaleContextHolder.getLocale();
		if (code instanceof Enum<?> e) {
			String label = this.messages.getMessage("enum." + e.getDeclaringClass().getSimpleName() + "." + name, null,
					null, locale);
			if (label != null) {
				return label;
			}
		}
		String status = this.messages.getMessage("status." + name, null, null, locale);
		return status != null ? status : humanize(name);
	}

	/**
	 * The label of a code of a known enum that arrives as its name (a query's column): {@code enum.<type>.<code>},
	 * then as {@link #label(Object)}. For example the session status PENDING is Draft
	 * ({@code enum.SessionStatus.PENDING}) where the bare code PENDING is Pending.
	 */
	public String label(String type, Object code) {
		if (code == null) {
			return "";
		}
		String name = code instanceof Enum<?> e ? e.name() : code.toString();
		String label = this.messages.getMessage("enum." + type + "." + name, null, null, LocaleContextHolder.getLocale());
		return label != null ? label : label(code);
	}

	/**
	 * The CSS class of a status badge ({@code status-active}); one colour per status (mentorhub.css). An
	 * alert's severity is a badge of the same palette: {@code status-critical} red, {@code status-warn} amber
	 * and {@code status-info} blue.
	 */
	public String statusClass(Object code) {
		return code == null ? "" : "status-" + (code instanceof Enum<?> e ? e.name() : code.toString()).toLowerCase(Locale.ROOT);
	}

	/** Date and time in the viewer's zone, as Wed 9 Dec 2026, 14:00. */
	public String dateTime(Object value) {
		return format(value, DATE_TIME);
	}

	/**
	 * Date and time in the viewer's zone of a {@link LocalDateTime} that a query read as UTC (a
	 * {@code TIMESTAMP} column without a zone), as Wed 9 Dec 2026, 14:00.
	 */
	public String dateTimeUtc(LocalDateTime utc) {
		return utc == null ? "" : dateTime(utc.toInstant(ZoneOffset.UTC));
	}

	/**
	 * A span of time in the viewer's zone in the one format: Wed 9 Dec 2026, 14:00–15:00 when it ends on
	 * the day it starts, otherwise both ends in full (Wed 9 Dec 2026, 23:00 – Thu 10 Dec 2026, 01:00).
	 */
	public String dateTimeRange(Object start, Object end) {
		if (start == null) {
			return "";
		}
		if (end == null) {
			return dateTime(start);
		}
		if (date(start).equals(date(end))) {
			return dateTime(start) + "–" + time(end);
		}
		return dateTime(start) + " – " + dateTime(end);
	}

	/** The date in the viewer's zone: "Wed 9 Dec 2026". */
	public String date(Object value) {
		return format(value, DATE);
	}

	/** The time of day in the viewer's zone, as 14:00. */
	public String time(Object value) {
		return format(value, TIME);
	}

	/** The machine form for {@code <time datetime>}: ISO-8601, an instant in UTC. */
	public String iso(Object value) {
		if (value == null) {
			return null;
		}
		Instant instant = instantOf(value);
		return instant != null ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : value.toString();
	}

	/** How far away a moment is: "in 2 days", "3 hours ago", "in 5 minutes", "just now". */
	public String relative(Object value) {
		if (value == null) {
			return "";
		}
		Instant then = instantOf(value);
		if (then == null && value instanceof LocalDateTime local) {
			then = local.atZone(viewerZone()).toInstant();
		}
		if (then == null && value instanceof LocalDate day) {
			long days = ChronoUnit.DAYS.between(LocalDate.now(this.clock.withZone(viewerZone())), day);
			return days == 0 ? message("ui.time.today") : relativeUnits(days, "day");
		}
		if (then == null) {
			return "";
		}
		Duration between = Duration.between(this.clock.instant(), then);
		long seconds = between.getSeconds();
		long abs = Math.abs(seconds);
		if (abs < 60) {
			return message("ui.time.now");
		}
		if (abs < 3600) {
			return relativeUnits(seconds / 60, "minute");
		}
		if (abs < 86_400) {
			return relativeUnits(seconds / 3600, "hour");
		}
		if (abs < 60L * 86_400) {
			return relativeUnits(seconds / 86_400, "day");
		}
		return relativeUnits(seconds / (30L * 86_400), "month");
	}

	/** The sentence that names the viewer's zone once on a page: "Times are in Europe/London." */
	public String zoneNote() {
		return message("ui.time.zone", viewerZone().getId());
	}

	/** The viewer's time zone: the signed-in user's, UTC for nobody. Looked up once per request. */
	public ZoneId viewerZone() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ZONE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId zone) {
			return zone;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		ZoneId zone = authentication != null && authentication.getPrincipal() instanceof Actor actor
				? this.users.zoneOf(actor.id()) : ZoneOffset.UTC;
		if (request != null) {
			request.setAttribute(ZONE_ATTRIBUTE, zone, RequestAttributes.SCOPE_REQUEST);
		}
		return zone;
	}

	private String format(Object value, DateTimeFormatter format) {
		if (value == null) {
			return "";
		}
		Instant instant = instantOf(value);
		if (instant != null) {
			return format.format(instant.atZone(viewerZone()));
		}
		if (value instanceof LocalDate day && format != DATE) {
			return DATE.format(day);
		}
		if (value instanceof TemporalAccessor temporal) {
			return format.format(temporal);
		}
		return value.toString();
	}

	private static Instant instantOf(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		return null;
	}

	private String relativeUnits(long amount, String unit) {
		String key = "ui.time." + unit + (amount < 0 ? ".ago" : ".in");
		return message(key, Math.abs(amount));
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/**
	 * The initials of a person's name for an avatar without a photo: the first letters of the first
	 * and the last word, ignoring titles ("Dr. Maya Singh" → "MS", "Prof Ana de Souza" → "AS").
	 */
	public String initials(String name) {
		if (name == null) {
			return "?";
		}
		List<String> words = new ArrayList<>();
		for (String word : name.strip().split("\\s+")) {
			String bare = word.replace(".", "").toLowerCase(Locale.ROOT);
			if (!word.isEmpty() && !TITLES.contains(bare) && Character.isLetter(word.codePointAt(0))) {
				words.add(word);
			}
		}
		if (words.isEmpty()) {
			return "?";
		}
		String first = new String(Character.toChars(words.get(0).codePointAt(0)));
		String last = words.size() > 1 ? new String(Character.toChars(words.get(words.size() - 1).codePointAt(0))) : "";
		return (first + last).toUpperCase(Locale.ROOT);
	}

	/** "IN_PERSON" → "In person". */
	static String humanize(String code) {
		String words = code.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
