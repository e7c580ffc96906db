package org.mentorhub.session;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The session pages: my sessions (upcoming and past tabs, filters, pages), the week view in my zone,
 * one session with the actions I may take (plain forms; with htmx they update the page in place),
 * the new-session form with the free slots to book, and the coordinator's attendance view. Errors
 * show on the page: 400 for bad input, 409 for an illegal transition or a stale form (an htmx call
 * gets the updated section with the message instead, so that htmx swaps it in).
 */
@Controller
@RequestMapping("/sessions")
class SessionPageController {

	static final int PAGE_SIZE = 20;

	private final Sessions sessions;

	private final Tenancy tenancy;

	private final java.time.Clock clock;

	SessionPageController(Sessions sessions, Tenancy tenancy, java.time.Clock clock) {
		this.sessions = sessions;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	@GetMapping
	String mine(@RequestParam(defaultValue = "upcoming") String tab, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long mentorship, @RequestParam(defaultValue = "0") int page, Model model) {
		boolean upcoming = !"past".equals(tab);
		SessionStatus filter = parseStatusOrNull(status);
		model.addAttribute("result", this.sessions.mine(upcoming, filter, mentorship, page, PAGE_SIZE));
		model.addAttribute("tab", upcoming ? "upcoming" : "past");
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("mentorship", mentorship);
		model.addAttribute("statuses", SessionStatus.values());
		model.addAttribute("zone", this.sessions.myZone().getId());
		model.addAttribute("plannable", this.sessions.plannable());
		return "session/list";
	}

	@GetMapping("/week")
	String week(@RequestParam(required = false) String date, Model model) {
		LocalDate day;
		try {
			day = date == null || date.isBlank() ? this.sessions.today() : LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			day = this.sessions.today();
		}
		LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
		var items = this.sessions.week(monday);
		java.util.List<java.util.Map<String, Object>> days = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate d = monday.plusDays(i);
			days.add(java.util.Map.of("date", d, "sessions",
					items.stream().filter(s -> s.localStart().toLocalDate().equals(d)).toList()));
		}
		model.addAttribute("days", days);
		model.addAttribute("monday", monday);
		model.addAttribute("previous", monday.minusWeeks(1));
		model.addAttribute("next", monday.plusWeeks(1));
		model.addAttribute("zone", this.sessions.myZone().getId());
		return "session/week";
	}

	@GetMapping("/new")
	ModelAndView newForm(@RequestParam Long mentorship, @RequestParam(required = false) String from,
			@RequestParam(required = false) Integer duration, @RequestParam(required = false) String start, Model model) {
		LocalDate fromDay = null;
		if (from != null && !from.isBlank()) {
			try {
				fromDay = LocalDate.parse(from.strip());
			}
			catch (DateTimeParseException ex) {
				fromDay = null;
			}
		}
		int minutes = duration == null || duration < Sessions.MIN_DURATION || duration > Sessions.MAX_DURATION ? 60
				: duration;
		Sessions.Booking booking = this.sessions.booking(mentorship, fromDay, minutes);
		SessionDraft draft = new SessionDraft("", "", "", start == null ? "" : start, booking.zone(), minutes, "ONLINE",
				"", "");
		return newPage(model, booking, draft, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView create(@RequestParam(required = false) Long mentorshipId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String agenda,
			@RequestParam(required = false) String start, @RequestParam(required = false) String zone,
			@RequestParam(required = false) String durationMinutes, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String location, @RequestParam(required = false) String meetingLink,
			@RequestParam(required = false) String draft, Model model, RedirectAttributes redirect) {
		Integer minutes = parseMinutes(durationMinutes);
		SessionDraft input = new SessionDraft(title, description, agenda, start, zone, minutes, mode, location,
				meetingLink);
		try {
			if (mentorshipId == null) {
				throw new InvalidInputException("mentorshipId", "Choose one of your mentorships.");
			}
			if (durationMinutes != null && !durationMinutes.isBlank() && minutes == null) {
				throw new InvalidInputException("durationMinutes", "Give the duration in whole minutes.");
			}
			SessionView created = this.sessions.create(mentorshipId, input, draft != null);
			redirect.addFlashAttribute("saved", draft != null ? "drafted" : "created");
			return new ModelAndView("redirect:/sessions/" + created.id());
		}
		catch (InvalidInputException ex) {
			if (mentorshipId == null) {
				throw ex;
			}
			Sessions.Booking booking = this.sessions.booking(mentorshipId, null,
					minutes == null || minutes < Sessions.MIN_DURATION || minutes > Sessions.MAX_DURATION ? 60 : minutes);
			return newPage(model, booking, input, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	ModelAndView view(@PathVariable long id, Model model) {
		return detail(model, id, null, FieldErrors.none(), HttpStatus.OK, false);
	}

	@PostMapping("/{id:\\d+}/submit")
	ModelAndView submit(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "submitted", () -> this.sessions.submit(id, version));
	}

	@PostMapping("/{id:\\d+}/confirm")
	ModelAndView confirm(@PathVariable long id, @RequestParam(required = false) String message,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "confirmed", () -> this.sessions.confirm(id, message, version));
	}

	@PostMapping("/{id:\\d+}/reject")
	ModelAndView reject(@PathVariable long id, @RequestParam(required = false) String message,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "rejected", () -> this.sessions.reject(id, message, version));
	}

	@PostMapping("/{id:\\d+}/reschedule")
	ModelAndView reschedule(@PathVariable long id, @RequestParam(required = false) String start,
			@RequestParam(required = false) String zone, @RequestParam(required = false) String message,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "rescheduleProposed",
				() -> this.sessions.proposeNewTime(id, start, zone, message, version));
	}

	@PostMapping("/{id:\\d+}/accept-time")
	ModelAndView acceptTime(@PathVariable long id, @RequestParam(required = false) String message,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "rescheduled", () -> this.sessions.acceptNewTime(id, message, version));
	}

	@PostMapping("/{id:\\d+}/decline-time")
	ModelAndView declineTime(@PathVariable long id, @RequestParam(required = false) String message,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "rescheduleDeclined",
				() -> this.sessions.declineNewTime(id, message, version));
	}

	@PostMapping("/{id:\\d+}/cancel")
	ModelAndView cancel(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Long version, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "cancelled", () -> this.sessions.cancel(id, reason, version));
	}

	@PostMapping("/{id:\\d+}/complete")
	ModelAndView complete(@PathVariable long id, @RequestParam(required = false) String attendance,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String nextMeetingOn, @RequestParam(required = false) Long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		return act(id, htmx, model, redirect, "completed", () -> this.sessions.complete(id,
				new SessionRecordInput(attendance, topic, summary, nextMeetingOn), version));
	}

	@GetMapping("/attendance")
	String attendance(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String attendance, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate fromDay = parseDayOrNull(from);
		LocalDate toDay = parseDayOrNull(to);
		Attendance a = parseAttendanceOrNull(attendance);
		SessionStatus s = parseStatusOrNull(status);
		model.addAttribute("result", this.sessions.attendance(fromDay, toDay, a, s, page, PAGE_SIZE));
		model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
		model.addAttribute("to", toDay == null ? "" : toDay.toString());
		model.addAttribute("attendance", a == null ? "" : a.name());
		model.addAttribute("status", s == null ? "" : s.name());
		model.addAttribute("attendances", Attendance.values());
		model.addAttribute("zone", this.sessions.myZone().getId());
		return "session/attendance";
	}

	private ModelAndView act(long id, String htmx, Model model, RedirectAttributes redirect, String done,
			Supplier<SessionView> action) {
		boolean partial = htmx != null;
		try {
			SessionView result = action.get();
			if (partial) {
				model.addAttribute("saved", done);
				return detail(model, result.id(), null, FieldErrors.none(), HttpStatus.OK, true);
			}
			redirect.addFlashAttribute("saved", done);
			return new ModelAndView("redirect:/sessions/" + result.id());
		}
		catch (InvalidInputException ex) {
			return detail(model, id, ex.getMessage(), FieldErrors.of(ex), partial ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
					partial);
		}
		catch (StateTransitionException ex) {
			return detail(model, id, ex.getMessage(), FieldErrors.none(), partial ? HttpStatus.OK : HttpStatus.CONFLICT,
					partial);
		}
		catch (OptimisticLockingFailureException ex) {
			return detail(model, id, "stale", FieldErrors.none(), partial ? HttpStatus.OK : HttpStatus.CONFLICT, partial);
		}
	}

	private ModelAndView detail(Model model, long id, String problem, FieldErrors errors, HttpStatus status,
			boolean partial) {
		SessionView s = this.sessions.get(id);
		long me = this.tenancy.actor().id();
		boolean mentor = s.mentorId() == me;
		SessionStatus st = s.status();
		model.addAttribute("s", s);
		model.addAttribute("isMentor", mentor);
		model.addAttribute("canSubmit", st == SessionStatus.PENDING);
		model.addAttribute("canAnswer", (st == SessionStatus.PROPOSED && !mentor) || (st == SessionStatus.REQUESTED && mentor));
		model.addAttribute("canAnswerTime", st == SessionStatus.RESCHEDULED && s.proposedById() != null
				&& s.proposedById() != me);
		model.addAttribute("canReschedule", st == SessionStatus.PROPOSED || st == SessionStatus.REQUESTED
				|| st == SessionStatus.CONFIRMED);
		model.addAttribute("canCancel", !SessionStatus.CLOSED.contains(st));
		model.addAttribute("canComplete", st == SessionStatus.CONFIRMED && !s.start().isAfter(this.clock.instant()));
		model.addAttribute("problem", problem);
		model.addAttribute("errors", errors);
		model.addAttribute("modes", SessionMode.values());
		model.addAttribute("attendances", Attendance.values());
		return new ModelAndView(partial ? "session/view :: body" : "session/view", model.asMap(), status);
	}

	private ModelAndView newPage(Model model, Sessions.Booking booking, SessionDraft draft, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("booking", booking);
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("modes", SessionMode.values());
		model.addAttribute("nextFrom", booking.from().plusDays(Sessions.BOOKING_DAYS));
		return new ModelAndView("session/new", model.asMap(), status);
	}

	static Integer parseMinutes(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static SessionStatus parseStatusOrNull(String text) {
		return parseEnumOrNull(SessionStatus.class, text);
	}

	static Attendance parseAttendanceOrNull(String text) {
		return parseEnumOrNull(Attendance.class, text);
	}

	/** A list filter's value, in any case; blank or unknown means "no filter". */
	private static <E extends Enum<E>> E parseEnumOrNull(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static LocalDate parseDayOrNull(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
