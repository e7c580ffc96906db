package org.mentorhub.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Builds iCalendar (RFC 5545) text with ical4j: invitations and cancellations (iTIP, RFC 5546) and
 * the subscribable feed. Times are in UTC ({@code DTSTART:20260301T140000Z}), which every calendar
 * shows in its user's own zone. An event holds only the title, the time, the place and the meeting
 * link: never a description, agenda, note or feedback.
 */
final class ICalendars {

	static final String PRODUCT = "-//MentorHub//Mentoring sessions//EN";

	/** The content type of an invitation ({@code method} is REQUEST or CANCEL). */
	static String contentType(String method) {
		return "text/calendar; method=" + method + "; charset=UTF-8";
	}

	private ICalendars() {
	}

	/** The UID of a session's event: its stored {@code ical_uid}, or a stable one made from its id. */
	static String uid(CalendarSession session, String host) {
		return session.icalUid() != null && !session.icalUid().isBlank() ? session.icalUid()
				: "session-" + session.id() + "@" + host;
	}

	/** An invitation ({@code REQUEST}) or a cancellation ({@code CANCEL}) of one session. */
	static String invitation(CalendarSession session, boolean cancel, int sequence, Instant stamp, String host,
			String organizerEmail) {
		Calendar calendar = calendar(cancel ? "CANCEL" : "REQUEST");
		VEvent event = event(session, sequence, stamp, host);
		event.add(new Organizer(new ParameterList(List.of(new Cn(session.mentor().name()))),
				mailto(organizerEmail == null ? session.mentor().email() : organizerEmail)));
		for (CalendarSession.Person person : List.of(session.mentor(), session.mentee())) {
			event.add(new Attendee(new ParameterList(List.of(new Cn(person.name()), Role.REQ_PARTICIPANT,
					cancel ? PartStat.DECLINED : PartStat.ACCEPTED)), mailto(person.email())));
		}
		event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
		calendar.add(event);
		return write(calendar);
	}

	/** A user's feed: {@code METHOD:PUBLISH}, refreshed hourly, one event per session. */
	static String feed(String name, List<CalendarSession> sessions, Instant stamp, String host) {
		Calendar calendar = calendar("PUBLISH");
		calendar.add(new XProperty("X-WR-CALNAME", name));
		calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), Duration.ofHours(1)));
		calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
		for (CalendarSession session : sessions) {
			VEvent event = event(session, session.icalSequence(), stamp, host);
			event.add(ImmutableStatus.VEVENT_CONFIRMED);
			calendar.add(event);
		}
		return write(calendar);
	}

	private static Calendar calendar(String method) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(switch (method) {
			case "REQUEST" -> ImmutableMethod.REQUEST;
			case "CANCEL" -> ImmutableMethod.CANCEL;
			default -> ImmutableMethod.PUBLISH;
		});
		return calendar;
	}

	private static VEvent event(CalendarSession session, int sequence, Instant stamp, String host) {
		VEvent event = new VEvent(session.start(), session.end(), session.title());
		event.replace(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
		event.add(new Uid(uid(session, host)));
		event.add(new Sequence(Math.max(0, sequence)));
		URI link = webLink(session.meetingLink());
		String place = session.location() != null && !session.location().isBlank() ? session.location()
				: session.meetingLink();
		if (place != null && !place.isBlank()) {
			event.add(new Location(place));
		}
		if (link != null) {
			event.add(new Url(link));
		}
		return event;
	}

	/** An http(s) meeting link as a URI, or null when it is not one. */
	static URI webLink(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(link.trim());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static URI mailto(String email) {
		try {
			return new URI("mailto", email, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Not an e-mail address", ex);
		}
	}

	private static String write(Calendar calendar) {
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}


}
