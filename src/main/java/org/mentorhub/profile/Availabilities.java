package org.mentorhub.profile;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.People;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly availability and absences. The signed-in person reads and changes only their own (the
 * "me" methods take no user id, so nobody can name another person's); other modules read anyone's
 * by id through {@link #weekOf(long)} and {@link #absencesOf(long)} for overlap and scheduling.
 */
@Service
public class Availabilities {

	/** The longest absence, in days: a year of leave. */
	static final int MAX_ABSENCE_DAYS = 366;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final People people;

	private final ApplicationEventPublisher events;

	Availabilities(JdbcClient jdbc, Tenancy tenancy, AuditTrail audit, People people, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.audit = audit;
		this.people = people;
		this.events = events;
	}

	/** The caller's weekly availability; without slots, empty in the zone of their account. */
	@Transactional(readOnly = true)
	public WeeklyAvailability mine() {
		return weekOf(this.tenancy.actor().id());
	}

	/** Replaces the caller's weekly availability with the checked one, as a whole. */
	@Transactional
	public WeeklyAvailability replaceMine(WeeklyAvailability week) {
		return replaceMine(week, null);
	}

	/**
	 * Replaces the caller's weekly availability, if it is still the one with {@code expectedVersion}
	 * ({@link WeeklyAvailability#version()}, as read before the edit); another version means someone
	 * saved in between (another tab, a script): {@link ObjectOptimisticLockingFailureException}, nothing
	 * written. A null version replaces whatever is there.
	 */
	@Transactional
	public WeeklyAvailability replaceMine(WeeklyAvailability week, String expectedVersion) {
		long me = this.tenancy.actor().id();
		// Two saves of one person's week take turns: the second one sees the first one's version.
		this.people.lock(List.of(me));
		WeeklyAvailability before = weekOf(me);
		if (expectedVersion != null && !expectedVersion.isBlank() && !expectedVersion.strip().equals(before.version())) {
			throw new ObjectOptimisticLockingFailureException("availability", me);
		}
		this.jdbc.sql("DELETE FROM availability_slots WHERE user_id = :user").param("user", me).update();
		for (AvailabilitySlot slot : week.slots()) {
			this.jdbc
				.sql("INSERT INTO availability_slots (user_id, day_of_week, start_time, end_time, time_zone) "
						+ "VALUES (:user, :day, :start, :end, :zone)")
				.param("user", me)
				.param("day", slot.day().getValue())
				.param("start", slot.start())
				.param("end", slot.end())
				.param("zone", week.zone().getId())
				.update();
		}
		this.audit.record(AuditRecord.change("AVAILABILITY_CHANGED", "availability", me,
				Map.of("zone", before.zone().getId(), "minutes", before.weeklyMinutes()),
				Map.of("zone", week.zone().getId(), "minutes", week.weeklyMinutes())));
		this.events.publishEvent(new MatchingProfileChanged(me));
		return weekOf(me);
	}

	/** Anyone's weekly availability, by user id, for overlap and scheduling (no access check). */
	@Transactional(readOnly = true)
	public WeeklyAvailability weekOf(long userId) {
		List<Object[]> rows = this.jdbc
			.sql("SELECT day_of_week, start_time, end_time, time_zone FROM availability_slots WHERE user_id = :user")
			.param("user", userId)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime(),
					rs.getString(4) })
			.list();
		if (rows.isEmpty()) {
			return WeeklyAvailability.empty(accountZone(userId));
		}
		List<AvailabilitySlot> slots = new ArrayList<>();
		for (Object[] row : rows) {
			slots.add(new AvailabilitySlot(DayOfWeek.of((Integer) row[0]), (LocalTime) row[1], (LocalTime) row[2]));
		}
		return new WeeklyAvailability(ZoneId.of((String) rows.get(0)[3]), slots);
	}

	/** Anyone's absences, by user id, earliest first (no access check). */
	@Transactional(readOnly = true)
	public List<AvailabilityAbsence> absencesOf(long userId) {
		return this.jdbc
			.sql("SELECT id, starts_on, ends_on, reason FROM availability_exceptions WHERE user_id = :user "
					+ "ORDER BY starts_on, id")
			.param("user", userId)
			.query((rs, n) -> new AvailabilityAbsence(rs.getLong(1), rs.getDate(2).toLocalDate(),
					rs.getDate(3).toLocalDate(), rs.getString(4)))
			.list();
	}

	/** The caller's absences, earliest first. */
	@Transactional(readOnly = true)
	public List<AvailabilityAbsence> myAbsences() {
		return absencesOf(this.tenancy.actor().id());
	}

	/**
	 * Adds an absence for the caller: both dates given, the end not before the start, at most a year
	 * long, and a reason of at most 200 characters.
	 */
	@Transactional
	public AvailabilityAbsence addMyAbsence(LocalDate startsOn, LocalDate endsOn, String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		if (startsOn == null) {
			problems.add(new FieldProblem("startsOn", "Give the first day of the absence."));
		}
		if (endsOn == null) {
			problems.add(new FieldProblem("endsOn", "Give the last day of the absence."));
		}
		if (startsOn != null && endsOn != null) {
			if (endsOn.isBefore(startsOn)) {
				problems.add(new FieldProblem("endsOn",
						"The absence ends (" + endsOn + ") before it starts (" + startsOn + ")."));
			}
			else if (startsOn.plusDays(MAX_ABSENCE_DAYS).isBefore(endsOn)) {
				problems.add(new FieldProblem("endsOn", "An absence lasts at most " + MAX_ABSENCE_DAYS + " days."));
			}
		}
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (text != null && text.length() > 200) {
			problems.add(new FieldProblem("reason", "The reason has at most 200 characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long me = this.tenancy.actor().id();
		this.jdbc
			.sql("INSERT INTO availability_exceptions (user_id, starts_on, ends_on, reason) "
					+ "VALUES (:user, :starts, :ends, :reason)")
			.param("user", me)
			.param("starts", startsOn)
			.param("ends", endsOn)
			.param("reason", text)
			.update();
		AvailabilityAbsence added = myAbsences().stream()
			.filter(a -> a.startsOn().equals(startsOn) && a.endsOn().equals(endsOn))
			.reduce((first, second) -> second)
			.orElseThrow();
		this.audit.record(AuditRecord.change("AVAILABILITY_ABSENCE_ADDED", "availability_exception", added.id(), null,
				Map.of("startsOn", startsOn.toString(), "endsOn", endsOn.toString())));
		return added;
	}

	/** Removes one of the caller's absences; another person's answers "not found". */
	@Transactional
	public void removeMyAbsence(long id) {
		long me = this.tenancy.actor().id();
		int removed = this.jdbc.sql("DELETE FROM availability_exceptions WHERE id = :id AND user_id = :user")
			.param("id", id)
			.param("user", me)
			.update();
		if (removed == 0) {
			throw new NotFoundException("Absence not found");
		}
		this.audit.record(AuditRecord.of("AVAILABILITY_ABSENCE_REMOVED", "availability_exception", id));
	}

	private ZoneId accountZone(long userId) {
		return this.people.zoneOf(userId);
	}

}
