package org.mentorhub.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The model of the calendar's mail: times in the recipient's own zone, and nothing but time, place and link. */
final class MailTimes {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

	private MailTimes() {
	}

	static ZoneId zone(String preferred, String fallback) {
		for (String candidate : new String[] { preferred, fallback }) {
			if (candidate != null && !candidate.isBlank()) {
				try {
					return ZoneId.of(candidate);
				}
				catch (DateTimeException ex) {
					// try the next
				}
			}
		}
		return ZoneOffset.UTC;
	}

	static String when(Instant instant, ZoneId zone) {
		return WHEN.format(instant.atZone(zone));
	}

	/** The mail model for one recipient of a session's mail. */
	static Map<String, Object> model(CalendarSession session, CalendarSession.Person recipient) {
		ZoneId zone = zone(recipient.timeZone(), session.timeZone());
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", recipient.name());
		model.put("other", session.other(recipient.id()).name());
		model.put("title", session.title());
		model.put("when", when(session.start(), zone));
		model.put("zone", zone.getId());
		model.put("duration", session.durationMinutes());
		model.put("mode", switch (session.mode() == null ? "" : session.mode()) {
			case "IN_PERSON" -> "in person";
			case "PHONE" -> "by phone";
			default -> "online";
		});
		model.put("location", session.location());
		java.net.URI link = ICalendars.webLink(session.meetingLink());
		model.put("meetingLink", link == null ? null : link.toString());
		model.put("sessionPath", "/sessions/" + session.id());
		return model;
	}

}
