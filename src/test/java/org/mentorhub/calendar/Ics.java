package org.mentorhub.calendar;

import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyListAccessor;
import net.fortuna.ical4j.model.component.VEvent;

/** Reading parsed iCalendar in tests. */
final class Ics {

	private Ics() {
	}

	static String value(PropertyListAccessor container, String name) {
		return container.getProperty(name).map(Property::getValue).orElse(null);
	}

	static List<String> values(PropertyListAccessor container, String name) {
		return container.getProperties(name).stream().map(Property::getValue).toList();
	}

	static List<VEvent> events(Calendar calendar) {
		return calendar.getComponents("VEVENT");
	}

	static VEvent onlyEvent(Calendar calendar) {
		List<VEvent> events = events(calendar);
		if (events.size() != 1) {
			throw new AssertionError("Expected one VEVENT, got " + events.size());
		}
		return events.get(0);
	}

}
