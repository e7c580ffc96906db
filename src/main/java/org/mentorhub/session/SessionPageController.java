package org.mentorhub.session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The session pages: my sessions (upcoming and past tabs, filters, pages), the week view in my zone,
 * one session with the actions I may take, the new-session form with the free slots to book, and the
 * coordinator's attendance view. Forms bind to {@code *Form} records. Every action is a plain form
 * (post, redirect); with htmx the same form is answered by the {@link HxRequest} handler beside it,
 * which returns only the session's section. Errors show on the page: 400 for bad input, 409 for an
 * illegal transition or a stale form (the htmx answer is 200 with the message in the section,
 * because htmx swaps only successful answers).
 */
@Controller
@RequestMapping("/sessions")
class SessionPageController {

	static final int PAGE_SIZE = 20;

	/** The actions of one session, named in the URL as in {@link SessionAction} ({@code accept-time}). */
	static final String ACTION = "/{id:\\d+}/{action:submit|confirm|reject|reschedule|accept-time|decline-time|cancel|complete}";

	private final Sessions sessions;

	private final FormBinding binding;

	SessionPageController(Sessions sessions, FormBinding binding) {
		this.sessions = sessions;
		this.binding = binding;
	}

	@GetMapping
	String mine(SessionFilterForm filter, BindingResult ignored, Model model) {
		boolean upcoming = filter.upcoming();
		SessionStatus status = parseStatusOrNull(filter.status());
		model.addAttribute("result",
				this.sessions.mine(upcoming, status, filter.mentorship(), filter.pageOrFirst(), PAGE_SIZE));
		model.addAttribute("tab", upcoming ? "upcoming" : "past");
		model.addAttribute("status", status == null ? "" : status.name());
		model.addAttribute("mentorship", filter.mentorship());
		model.addAttribute("statuses", SessionStatus.values());
		model.addAttribute("zone", this.sessions.myZone().getId());
		model.addAttribute("plannable", this.sessions.plannable());
		return "session/list";
	}

	@GetMapping("/week")
	String week(SessionFilterForm filter, BindingResult ignored, Model model) {
		LocalDate day = parseDayOrNull(filter.date());
		LocalDate monday = (day == null ? this.sessions.today() : day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<SessionView> items = this.sessions.week(monday);
		List<Map<String, Object>> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate d = monday.plusDays(i);
			days.add(Map.of("date", d, "sessions", items.stream().filter(s -> s.localStart().toLocalDate().equals(d)).toList()));
		}
		model.addAttribute("days", days);
		model.addAttribute("monday", monday);
		model.addAttribute("previous", monday.minusWeeks(1));
		model.addAttribute("next", monday.plusWeeks(1));
		model.addAttribute("zone", this.sessions.myZone().getId());
		return "session/week";
	}

	@GetMapping("/new")
	ModelAndView newForm(SessionBookingForm query, BindingResult ignored, Model model) {
		// A slot query that does not parse falls back to today and 60 minutes.
		if (query.mentorship() == null) {
			throw new InvalidInputException("mentorship", "Choose one of your mentorships.");
		}
		int minutes = validMinutesOr60(query.duration());
		Sessions.Booking booking = this.sessions.booking(query.mentorship(), parseDayOrNull(query.from()), minutes);
		SessionDraft draft = new SessionDraft("", "", "", query.start() == null ? "" : query.start(), booking.zone(),
				minutes, "ONLINE", "", "");
		return newPage(model, booking, draft, FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView create(SessionRequestForm form, BindingResult problems, Model model, RedirectAttributes redirect) {
		if (form.mentorshipId() == null) {
			throw new InvalidInputException("mentorshipId", "Choose one of your mentorships.");
		}
		try {
			this.binding.requireValid(problems);
			SessionView created = this.sessions.create(form.mentorshipId(), form.details(), form.asDraft());
			redirect.addFlashAttribute("saved", form.asDraft() ? "drafted" : "created");
			return new ModelAndView("redirect:/sessions/" + created.id());
		}
		catch (InvalidInputException ex) {
			Sessions.Booking booking = this.sessions.booking(form.mentorshipId(), null,
					validMinutesOr60(form.durationMinutes()));
			return newPage(model, booking, form.details(), FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/{id:\\d+}")
	ModelAndView view(@PathVariable long id, Model model) {
		return detail(model, id, PageOutcome.NONE, HttpStatus.OK, false);
	}

	@HxRequest
	@GetMapping("/{id:\\d+}")
	ModelAndView section(@PathVariable long id, Model model) {
		return detail(model, id, PageOutcome.NONE, HttpStatus.OK, true);
	}

	@PostMapping(ACTION)
	ModelAndView act(@PathVariable long id, @PathVariable String action, SessionTransitionForm form,
			BindingResult problems, Model model, RedirectAttributes redirect) {
		PageOutcome outcome = attempt(id, action, form, problems);
		if (outcome.succeeded()) {
			redirect.addFlashAttribute("saved", outcome.done());
			return new ModelAndView("redirect:/sessions/" + id);
		}
		return detail(model, id, outcome, outcome.status(), false);
	}

	@HxRequest
	@PostMapping(ACTION)
	ModelAndView actInPlace(@PathVariable long id, @PathVariable String action, SessionTransitionForm form,
			BindingResult problems, Model model) {
		// htmx swaps only successful answers: a refused action answers 200 with its message in the section.
		return detail(model, id, attempt(id, action, form, problems), HttpStatus.OK, true);
	}

	@GetMapping("/attendance")
	String attendance(SessionFilterForm filter, BindingResult ignored, Model model) {
		Sessions.DayPeriod period = this.sessions.attendancePeriod(parseDayOrNull(filter.from()),
				parseDayOrNull(filter.to()));
		LocalDate fromDay = period.from();
		LocalDate toDay = period.to();
		Attendance a = parseAttendanceOrNull(filter.attendance());
		SessionStatus s = parseStatusOrNull(filter.status());
		model.addAttribute("result", this.sessions.attendance(fromDay, toDay, a, s, filter.pageOrFirst(), PAGE_SIZE));
		model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
		model.addAttribute("to", toDay == null ? "" : toDay.toString());
		model.addAttribute("attendance", a == null ? "" : a.name());
		model.addAttribute("status", s == null ? "" : s.name());
		model.addAttribute("attendances", Attendance.values());
		model.addAttribute("zone", this.sessions.myZone().getId());
		return "session/attendance";
	}

	private PageOutcome attempt(long id, String segment, SessionTransitionForm form, BindingResult problems) {
		SessionAction action = SessionAction.valueOf(segment.toUpperCase(Locale.ROOT).replace('-', '_'));
		return PageOutcome.attempt(done(action), Map.of(), () -> {
			this.binding.requireValid(problems);
			return apply(id, action, form);
		});
	}

	private SessionView apply(long id, SessionAction action, SessionTransitionForm f) {
		return switch (action) {
			case SUBMIT -> this.sessions.submit(id, f.version());
			case CONFIRM -> this.sessions.confirm(id, f.message(), f.version());
			case REJECT -> this.sessions.reject(id, f.message(), f.version());
			case RESCHEDULE -> this.sessions.proposeNewTime(id, f.start(), f.zone(), f.message(), f.version());
			case ACCEPT_TIME -> this.sessions.acceptNewTime(id, f.message(), f.version());
			case DECLINE_TIME -> this.sessions.declineNewTime(id, f.message(), f.version());
			case CANCEL -> this.sessions.cancel(id, f.reason(), f.version());
			case COMPLETE -> this.sessions.complete(id, f.record(), f.version());
		};
	}

	/** The key of the flash message ({@code session.done.*}). */
	private static String done(SessionAction action) {
		return switch (action) {
			case SUBMIT -> "submitted";
			case CONFIRM -> "confirmed";
			case REJECT -> "rejected";
			case RESCHEDULE -> "rescheduleProposed";
			case ACCEPT_TIME -> "rescheduled";
			case DECLINE_TIME -> "rescheduleDeclined";
			case CANCEL -> "cancelled";
			case COMPLETE -> "completed";
		};
	}

	/** The session with the actions I may take ({@link SessionView#actions()}): the page, or only its section. */
	private ModelAndView detail(Model model, long id, PageOutcome outcome, HttpStatus status, boolean section) {
		SessionView s = this.sessions.get(id);
		model.addAttribute("s", s);
		if (outcome.done() != null) {
			model.addAttribute("saved", outcome.done());
		}
		model.addAttribute("problem", outcome.problem());
		model.addAttribute("errors", outcome.errors());
		model.addAttribute("modes", SessionMode.values());
		model.addAttribute("attendances", Attendance.values());
		return new ModelAndView(section ? "session/view :: body" : "session/view", model.asMap(), status);
	}

	private static int validMinutesOr60(Integer minutes) {
		return minutes == null || minutes < Sessions.MIN_DURATION || minutes > Sessions.MAX_DURATION ? 60 : minutes;
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
