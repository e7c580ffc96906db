package org.mentorhub.session;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the session pages: the scheduling workflow, booking slots, the record and attendance. */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions", description = "Mentoring sessions inside an active mentorship: the mentor proposes, the "
		+ "mentee requests, the other confirms or rejects; either proposes a new time, the other accepts or declines; "
		+ "either cancels or records the outcome. Times are UTC instants; each answer also gives them in the caller's "
		+ "zone. 400 for bad input (past date, duration outside 5..480, a taken time, a bad link or zone, a mentorship "
		+ "that is not active), 409 for an illegal transition or a stale version, 403 for the wrong participant, 404 "
		+ "for a session that is not yours.")
class SessionRestController {

	private final Sessions sessions;

	SessionRestController(Sessions sessions) {
		this.sessions = sessions;
	}

	/** A new session (or draft). */
	record CreateBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The mentorship (must be ACTIVE and yours)") Long mentorshipId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Sessions.MAX_TITLE) String title,
			@Schema(maxLength = Sessions.MAX_TEXT) String description, @Schema(maxLength = Sessions.MAX_TEXT) String agenda,
			@Schema(description = "Local date-time in zone (2030-05-14T10:30) or an instant (2030-05-14T08:30:00Z)",
					example = "2030-05-14T10:30", requiredMode = Schema.RequiredMode.REQUIRED) String start,
			@Schema(description = "IANA zone id; blank for the account's", example = "Europe/Berlin") String zone,
			@Schema(minimum = "5", maximum = "" + Sessions.MAX_DURATION, example = "60") Integer durationMinutes,
			@Schema(description = "IN_PERSON, ONLINE or PHONE") String mode,
			@Schema(maxLength = Sessions.MAX_LOCATION) String location,
			@Schema(description = "http(s) link", maxLength = Sessions.MAX_LINK) String meetingLink,
			@Schema(description = "Keep as a PENDING draft that only you see") Boolean draft) {
	}

	/** A transition's optional message and the version the caller read. */
	// Named: springdoc names schemas by simple class name, and both modules have a TransitionBody.
	@Schema(name = "SessionTransitionBody")
	record TransitionBody(@Schema(maxLength = Sessions.MAX_MESSAGE) String message,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "The version read") Long version) {
	}

	/** A new time. */
	record RescheduleBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2030-05-14T10:30") String start,
			@Schema(example = "Europe/Berlin") String zone, @Schema(maxLength = Sessions.MAX_MESSAGE) String message,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "The version read") Long version) {
	}

	/** The record of a session that has happened. */
	record RecordBody(@Schema(description = "PRESENT, LATE, ABSENT or EXCUSED") String attendance, String topic,
			String summary, @Schema(description = "yyyy-mm-dd") String nextMeetingOn, Long version) {
	}

	@GetMapping
	@Operation(summary = "My sessions", description = "Upcoming (soonest first) or past (newest first), optionally of "
			+ "one status or mentorship, in pages of at most 100.")
	SessionPage<SessionView> mine(@RequestParam(defaultValue = "upcoming") @Parameter(description = "upcoming or past") String tab,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long mentorship,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (!"upcoming".equals(tab) && !"past".equals(tab)) {
			throw new InvalidInputException("tab", "Choose upcoming or past.");
		}
		return this.sessions.mine("upcoming".equals(tab), parseStatus(status), mentorship, page, size);
	}

	@GetMapping("/week")
	@Operation(summary = "My week", description = "My sessions in the week (Monday to Sunday, in my zone) of the day.")
	List<SessionView> week(@RequestParam(required = false) @Parameter(description = "yyyy-mm-dd; today when empty") String date) {
		return this.sessions.week(date == null || date.isBlank() ? this.sessions.today() : parseDay("date", date));
	}

	@GetMapping("/slots")
	@Operation(summary = "Free slots to book", description = "The times in the 14 days from `from` when both people of "
			+ "the mentorship are available for the duration and neither has another session.")
	Sessions.Booking slots(@RequestParam long mentorship, @RequestParam(required = false) String from,
			@RequestParam(required = false) Integer durationMinutes) {
		return this.sessions.booking(mentorship, from == null || from.isBlank() ? null : parseDay("from", from),
				durationMinutes);
	}

	@GetMapping("/attendance")
	@Operation(summary = "Attendance (administrator, coordinator)", description = "Confirmed and completed sessions of "
			+ "the institution (coordinator: department), newest first, filtered by period (the last 30 days up to today "
			+ "when neither from nor to is given), attendance and status.")
	SessionPage<AttendanceRow> attendance(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String attendance,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Attendance a = null;
		if (attendance != null && !attendance.isBlank()) {
			try {
				a = Attendance.valueOf(attendance.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("attendance", "Choose one of PRESENT, LATE, ABSENT or EXCUSED.");
			}
		}
		return this.sessions.attendance(from == null || from.isBlank() ? null : parseDay("from", from),
				to == null || to.isBlank() ? null : parseDay("to", to), a, parseStatus(status), page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a session", description = "Its mentor and mentee; a draft only its creator.")
	SessionView get(@PathVariable long id) {
		return this.sessions.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Propose (mentor) or request (mentee) a session",
			description = "In an ACTIVE mentorship of yours; PROPOSED when you are its mentor, REQUESTED when you are "
					+ "its mentee, PENDING with draft=true. 400 for a taken time (double booking).")
	ResponseEntity<SessionView> create(@RequestBody CreateBody body) {
		if (body == null) {
			throw new InvalidInputException("mentorshipId", "Choose one of your mentorships.");
		}
		SessionView created = this.sessions.create(body.mentorshipId(), new SessionDraft(body.title(), body.description(),
				body.agenda(), body.start(), body.zone(), body.durationMinutes(), body.mode(), body.location(),
				body.meetingLink()), Boolean.TRUE.equals(body.draft()));
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + created.id())).body(created);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Send a draft (its creator)")
	SessionView submit(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.sessions.submit(id, body == null ? null : body.version());
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm (the mentee a proposal, the mentor a request)")
	SessionView confirm(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.sessions.confirm(id, message(body), version(body));
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject, with a message (the mentee a proposal, the mentor a request)")
	SessionView reject(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.sessions.reject(id, message(body), version(body));
	}

	@PostMapping("/{id}/reschedule")
	@Operation(summary = "Propose a new time (either participant)", description = "The session is RESCHEDULED until "
			+ "the other accepts or declines.")
	SessionView reschedule(@PathVariable long id, @RequestBody(required = false) RescheduleBody body) {
		return this.sessions.proposeNewTime(id, body == null ? null : body.start(), body == null ? null : body.zone(),
				body == null ? null : body.message(), body == null ? null : body.version());
	}

	@PostMapping("/{id}/accept-time")
	@Operation(summary = "Accept the new time (the other participant)", description = "CONFIRMED at the new time.")
	SessionView acceptTime(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.sessions.acceptNewTime(id, message(body), version(body));
	}

	@PostMapping("/{id}/decline-time")
	@Operation(summary = "Decline the new time (the other participant)", description = "Back to the previous status.")
	SessionView declineTime(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.sessions.declineNewTime(id, message(body), version(body));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel (either participant)", description = "A session that is not over.")
	SessionView cancel(@PathVariable long id, @RequestBody(required = false) TransitionBody body) {
		return this.sessions.cancel(id, message(body), version(body));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Record the outcome (either participant)", description = "A confirmed session that has "
			+ "started: attendance, topic, summary, next meeting; it becomes COMPLETED.")
	SessionView complete(@PathVariable long id, @RequestBody(required = false) RecordBody body) {
		return this.sessions.complete(id, body == null ? null
				: new SessionRecordInput(body.attendance(), body.topic(), body.summary(), body.nextMeetingOn()),
				body == null ? null : body.version());
	}

	private static String message(TransitionBody body) {
		return body == null ? null : body.message();
	}

	private static Long version(TransitionBody body) {
		return body == null ? null : body.version();
	}

	private static SessionStatus parseStatus(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return SessionStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "Choose one of the statuses: "
					+ String.join(", ", java.util.Arrays.stream(SessionStatus.values()).map(Enum::name).toList()) + ".");
		}
	}

	private static LocalDate parseDay(String field, String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "Give the date as yyyy-mm-dd.");
		}
	}

}
