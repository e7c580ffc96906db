package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scheduling workflow through the facade (who may make which transition, illegal ones 409, bad
 * input 400, events, audit, iCalendar UID and SEQUENCE, zones, drafts, booking slots) and through the
 * API and pages (status codes, problem JSON, inline errors).
 */
@MentorHubIntegrationTest
@RecordApplicationEvents
class SessionWorkflowIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	@Autowired
	Sessions sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	SessionFixtures.Pair pair() {
		return SessionFixtures.pair(this.jdbc, this.college.code(), "CS", "ACTIVE");
	}

	static String at(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	static SessionDraft draft(Instant start, int minutes) {
		return new SessionDraft("Plan the term", "d", "1. goals", at(start), "UTC", minutes, "ONLINE", null,
				"https://meet.example.org/abc");
	}

	<T> T as(Account account, Callable<T> work) {
		return RunAs.as(this.users.loadUserByUsername(account.email()), work);
	}

	/** The events published for the session, by type, oldest first. */
	List<Class<?>> kinds(long sessionId) {
		return this.events.stream(SessionLifecycleEvent.class)
			.filter(e -> e.session().sessionId() == sessionId)
			.<Class<?>>map(Object::getClass)
			.toList();
	}

	int audits(long sessionId, String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE entity = 'session' AND entity_id = :id AND action = :a")
			.param("id", String.valueOf(sessionId)).param("a", action).query(Integer.class).single();
	}

	/** When the session was first confirmed (null: never), and when it was last written, as stored. */
	LocalDateTime[] confirmedAndUpdated(long sessionId) {
		return this.jdbc.sql("SELECT confirmed_at, updated_at FROM mentoring_sessions WHERE id = :id")
			.param("id", sessionId)
			.query((rs, n) -> new LocalDateTime[] { rs.getObject(1, LocalDateTime.class),
					rs.getObject(2, LocalDateTime.class) })
			.single();
	}

	@Test
	void theMentorProposesAndOnlyTheMenteeConfirms() {
		SessionFixtures.Pair p = pair();
		Instant start = SessionFixtures.randomHour(20, 30);
		SessionView s = as(p.mentor(), () -> this.sessions.create(p.mentorshipId(), draft(start, 60), false));
		assertThat(s.status()).isEqualTo(SessionStatus.PROPOSED);
		assertThat(s.start()).isEqualTo(start);
		assertThat(s.icalUid()).endsWith("@mentorhub");
		assertThat(s.icalSequence()).isZero();
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.confirm(s.id(), null, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(confirmedAndUpdated(s.id())[0]).as("not confirmed yet").isNull();
		SessionView confirmed = as(p.mentee(), () -> this.sessions.confirm(s.id(), "See you", s.version()));
		assertThat(confirmed.status()).isEqualTo(SessionStatus.CONFIRMED);
		LocalDateTime[] times = confirmedAndUpdated(s.id());
		assertThat(times[0]).as("confirmed_at, written with the status").isNotNull().isEqualTo(times[1]);
		assertThat(confirmed.responseMessage()).isEqualTo("See you");
		assertThat(confirmed.icalSequence()).as("the first confirmation keeps SEQUENCE 0").isZero();
		assertThat(confirmed.icalUid()).isEqualTo(s.icalUid());
		assertThat(kinds(s.id())).containsExactly(SessionProposed.class, SessionConfirmed.class);
		assertThat(audits(s.id(), "SESSION_PROPOSED")).isEqualTo(1);
		assertThat(audits(s.id(), "SESSION_CONFIRMED")).isEqualTo(1);
		// Confirming again is an illegal transition.
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.confirm(s.id(), null, null)))
			.isInstanceOf(StateTransitionException.class)
			.hasMessageContaining("confirmed");
	}

	@Test
	void theMenteeRequestsTheMentorRejectsWithAMessage() {
		SessionFixtures.Pair p = pair();
		SessionView s = as(p.mentee(), () -> this.sessions.create(p.mentorshipId(), draft(SessionFixtures.randomHour(20, 30), 30), false));
		assertThat(s.status()).isEqualTo(SessionStatus.REQUESTED);
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.reject(s.id(), "no", null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.reject(s.id(), " ", null)))
			.isInstanceOf(InvalidInputException.class);
		SessionView rejected = as(p.mentor(), () -> this.sessions.reject(s.id(), "Exams that week", null));
		assertThat(rejected.status()).isEqualTo(SessionStatus.REJECTED);
		assertThat(confirmedAndUpdated(s.id())[0]).as("a rejected session was never confirmed").isNull();
		assertThat(rejected.responseMessage()).isEqualTo("Exams that week");
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.cancel(s.id(), null, null)))
			.isInstanceOf(StateTransitionException.class);
	}

	@Test
	void rescheduleAcceptDeclineAndTheSequence() {
		SessionFixtures.Pair p = pair();
		Instant first = SessionFixtures.randomHour(20, 25);
		Instant second = first.plus(2, ChronoUnit.DAYS);
		Instant third = first.plus(4, ChronoUnit.DAYS);
		SessionView s = as(p.mentee(), () -> this.sessions.create(p.mentorshipId(), draft(first, 60), false));
		// The mentor proposes another time instead of confirming.
		SessionView moved = as(p.mentor(), () -> this.sessions.proposeNewTime(s.id(), at(second), "UTC", "Thursday?", null));
		assertThat(moved.status()).isEqualTo(SessionStatus.RESCHEDULED);
		assertThat(moved.proposedDate()).isEqualTo(second);
		assertThat(moved.proposedById()).isEqualTo(p.mentor().id());
		assertThat(moved.icalSequence()).isZero();
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.acceptNewTime(s.id(), null, null)))
			.as("the proposer does not accept their own time").isInstanceOf(AccessDeniedException.class);
		SessionView accepted = as(p.mentee(), () -> this.sessions.acceptNewTime(s.id(), null, null));
		assertThat(accepted.status()).isEqualTo(SessionStatus.CONFIRMED);
		assertThat(accepted.start()).isEqualTo(second);
		assertThat(accepted.proposedDate()).isNull();
		assertThat(accepted.icalSequence()).as("first confirmation").isZero();
		// Accepting the mentor's time was the request's first confirmation: its time is kept.
		LocalDateTime[] firstConfirmation = confirmedAndUpdated(s.id());
		assertThat(firstConfirmation[0]).isNotNull().isEqualTo(firstConfirmation[1]);
		// After the first confirmation every change raises SEQUENCE.
		SessionView again = as(p.mentor(), () -> this.sessions.proposeNewTime(s.id(), at(third), "UTC", null, null));
		assertThat(again.icalSequence()).isEqualTo(1);
		SessionView declined = as(p.mentee(), () -> this.sessions.declineNewTime(s.id(), "Cannot", null));
		assertThat(declined.status()).isEqualTo(SessionStatus.CONFIRMED);
		LocalDateTime[] afterDecline = confirmedAndUpdated(s.id());
		assertThat(afterDecline[1]).as("written again").isAfter(firstConfirmation[0]);
		assertThat(afterDecline[0]).as("a later change keeps the first confirmation").isEqualTo(firstConfirmation[0]);
		assertThat(declined.start()).isEqualTo(second);
		assertThat(declined.icalSequence()).isEqualTo(2);
		SessionView cancelled = as(p.mentee(), () -> this.sessions.cancel(s.id(), "Ill", null));
		assertThat(cancelled.status()).isEqualTo(SessionStatus.CANCELLED);
		assertThat(cancelled.cancelledAt()).isNotNull();
		assertThat(cancelled.icalSequence()).isEqualTo(3);
		assertThat(cancelled.icalUid()).isEqualTo(s.icalUid());
		assertThat(kinds(s.id())).containsExactly(SessionRequested.class, SessionRescheduleProposed.class,
				SessionRescheduled.class, SessionRescheduleProposed.class, SessionRescheduleDeclined.class,
				SessionCancelled.class);
	}

	@Test
	void declineReturnsToThePreviousStatus() {
		SessionFixtures.Pair p = pair();
		Instant first = SessionFixtures.randomHour(20, 25);
		SessionView s = as(p.mentor(), () -> this.sessions.create(p.mentorshipId(), draft(first, 60), false));
		as(p.mentee(), () -> this.sessions.proposeNewTime(s.id(), at(first.plus(1, ChronoUnit.DAYS)), "UTC", null, null));
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.proposeNewTime(s.id(),
				at(first.plus(2, ChronoUnit.DAYS)), "UTC", null, null))).isInstanceOf(StateTransitionException.class);
		SessionView back = as(p.mentor(), () -> this.sessions.declineNewTime(s.id(), null, null));
		assertThat(back.status()).isEqualTo(SessionStatus.PROPOSED);
		assertThat(back.start()).isEqualTo(first);
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.declineNewTime(s.id(), null, null)))
			.isInstanceOf(StateTransitionException.class);
	}

	@Test
	void theRecordOnlyAfterTheStartAndOnlyOnce() {
		SessionFixtures.Pair p = pair();
		SessionView s = as(p.mentor(), () -> this.sessions.create(p.mentorshipId(), draft(SessionFixtures.randomHour(20, 25), 60), false));
		SessionRecordInput record = new SessionRecordInput("LATE", "CV review", "Went well", null);
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.complete(s.id(), record, null)))
			.as("a proposal is not recorded").isInstanceOf(StateTransitionException.class);
		as(p.mentee(), () -> this.sessions.confirm(s.id(), null, null));
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.complete(s.id(), record, null)))
			.as("not started yet").isInstanceOf(StateTransitionException.class).hasMessageContaining("not started");
		this.jdbc.sql("UPDATE mentoring_sessions SET scheduled_at = :t WHERE id = :id")
			.param("t", LocalDateTime.ofInstant(Instant.now().minus(3, ChronoUnit.HOURS), ZoneOffset.UTC)).param("id", s.id()).update();
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.complete(s.id(),
				new SessionRecordInput("SLEEPING", null, null, "tomorrow"), null)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidInputException.FieldProblem::field).containsExactlyInAnyOrder("attendance", "nextMeetingOn"));
		String next = java.time.LocalDate.now().plusDays(14).toString();
		SessionView done = as(p.mentee(), () -> this.sessions.complete(s.id(),
				new SessionRecordInput("LATE", "CV review", "Went well", next), null));
		assertThat(done.status()).isEqualTo(SessionStatus.COMPLETED);
		assertThat(done.attendance()).isEqualTo(Attendance.LATE);
		assertThat(done.topic()).isEqualTo("CV review");
		assertThat(done.nextMeetingOn()).hasToString(next);
		assertThat(done.completedAt()).isNotNull();
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.complete(s.id(), record, null)))
			.isInstanceOf(StateTransitionException.class);
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.cancel(s.id(), null, null)))
			.isInstanceOf(StateTransitionException.class);
		assertThat(audits(s.id(), "SESSION_COMPLETED")).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedAndNothingIsWritten() {
		SessionFixtures.Pair p = pair();
		Instant ok = SessionFixtures.randomHour(20, 25);
		long before = count(p.mentorshipId());
		assertProblem(p.mentor(), p.mentorshipId(), draft(Instant.now().minus(1, ChronoUnit.HOURS), 60), "start");
		assertProblem(p.mentor(), p.mentorshipId(), draft(ok, 0), "durationMinutes");
		assertProblem(p.mentor(), p.mentorshipId(), draft(ok, 481), "durationMinutes");
		assertProblem(p.mentor(), p.mentorshipId(), draft(ok, 100_000), "durationMinutes");
		assertProblem(p.mentor(), p.mentorshipId(),
				new SessionDraft("T", null, null, at(ok), "Mars/Olympus", 60, null, null, null), "zone");
		assertProblem(p.mentor(), p.mentorshipId(),
				new SessionDraft("T", null, null, at(ok), "UTC", 60, null, null, "javascript:alert(1)"), "meetingLink");
		assertProblem(p.mentor(), p.mentorshipId(),
				new SessionDraft("T", null, null, at(ok), "UTC", 60, null, null, "ftp://files.example.org"), "meetingLink");
		assertProblem(p.mentor(), p.mentorshipId(),
				new SessionDraft("T", null, null, "next tuesday", "UTC", 60, null, null, null), "start");
		assertProblem(p.mentor(), p.mentorshipId(),
				new SessionDraft(" ", null, null, at(ok), "UTC", 60, "BY_PIGEON", null, null), "title");
		assertThat(count(p.mentorshipId())).isEqualTo(before);
	}

	@Test
	void onlyInsideAnActiveMentorshipOfMine() {
		for (String status : List.of("PAUSED", "ENDED", "REQUESTED")) {
			SessionFixtures.Pair p = SessionFixtures.pair(this.jdbc, this.college.code(), "CS", status);
			assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.create(p.mentorshipId(),
					draft(SessionFixtures.randomHour(20, 25), 60), false)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.problems().get(0).field()).isEqualTo("mentorshipId"));
			assertThat(count(p.mentorshipId())).isZero();
		}
		SessionFixtures.Pair p = pair();
		Account stranger = this.college.a(RoleName.MENTOR).inDepartment("CS").create(this.jdbc);
		assertThatThrownBy(() -> as(stranger, () -> this.sessions.create(p.mentorshipId(),
				draft(SessionFixtures.randomHour(20, 25), 60), false))).isInstanceOf(NotFoundException.class);
	}

	@Test
	void overlappingSessionsOfEitherPersonAreRefused() {
		SessionFixtures.Pair p = pair();
		Instant start = SessionFixtures.randomHour(30, 40);
		as(p.mentor(), () -> this.sessions.create(p.mentorshipId(), draft(start, 60), false));
		// The same mentor with another mentee, 30 minutes later: overlaps.
		Account otherMentee = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		long other = SessionFixtures.mentorship(this.jdbc, p.mentor(), otherMentee, "ACTIVE");
		assertThatThrownBy(() -> as(otherMentee, () -> this.sessions.create(other,
				draft(start.plus(30, ChronoUnit.MINUTES), 60), false)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.getMessage()).contains("overlaps"));
		// Right after it ends is fine; a draft holds no time.
		SessionView after = as(otherMentee, () -> this.sessions.create(other, draft(start.plus(60, ChronoUnit.MINUTES), 30), false));
		assertThat(after.status()).isEqualTo(SessionStatus.REQUESTED);
		SessionView pending = as(otherMentee, () -> this.sessions.create(other, draft(start, 60), true));
		assertThat(pending.status()).isEqualTo(SessionStatus.PENDING);
		assertThatThrownBy(() -> as(otherMentee, () -> this.sessions.submit(pending.id(), null)))
			.isInstanceOf(InvalidInputException.class);
		// A cancelled session frees its time.
		as(p.mentor(), () -> this.sessions.cancel(after.id(), "Moved", null));
		as(otherMentee, () -> this.sessions.create(other, draft(start.plus(60, ChronoUnit.MINUTES), 30), false));
	}

	@Test
	void draftsAreTheCreatorsUntilSent() {
		SessionFixtures.Pair p = pair();
		SessionView d = as(p.mentee(), () -> this.sessions.create(p.mentorshipId(), draft(SessionFixtures.randomHour(40, 50), 60), true));
		assertThat(d.status()).isEqualTo(SessionStatus.PENDING);
		assertThat(kinds(d.id())).isEmpty();
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.get(d.id()))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> as(p.mentor(), () -> this.sessions.confirm(d.id(), null, null))).isInstanceOf(NotFoundException.class);
		SessionView sent = as(p.mentee(), () -> this.sessions.submit(d.id(), d.version()));
		assertThat(sent.status()).isEqualTo(SessionStatus.REQUESTED);
		assertThat(as(p.mentor(), () -> this.sessions.get(d.id())).title()).isEqualTo("Plan the term");
	}

	@Test
	void aStaleVersionIsRefusedAndOutsidersSeeNothing() {
		SessionFixtures.Pair p = pair();
		SessionView s = as(p.mentor(), () -> this.sessions.create(p.mentorshipId(), draft(SessionFixtures.randomHour(50, 60), 60), false));
		as(p.mentor(), () -> this.sessions.proposeNewTime(s.id(), at(s.start().plus(1, ChronoUnit.DAYS)), "UTC", null, s.version()));
		assertThatThrownBy(() -> as(p.mentee(), () -> this.sessions.confirm(s.id(), null, s.version())))
			.isInstanceOf(OptimisticLockingFailureException.class);
		for (RoleName role : List.of(RoleName.ADMIN, RoleName.COORDINATOR, RoleName.MENTOR)) {
			Account outsider = this.college.a(role).inDepartment("CS").create(this.jdbc);
			assertThatThrownBy(() -> as(outsider, () -> this.sessions.get(s.id()))).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> as(outsider, () -> this.sessions.cancel(s.id(), null, null)))
				.isInstanceOf(NotFoundException.class);
		}
	}

	@Test
	void timesAreStoredInUtcAndShownInEachViewersZone() {
		SessionFixtures.Pair p = pair();
		this.jdbc.sql("UPDATE users SET time_zone = 'Europe/Berlin' WHERE id = :id").param("id", p.mentor().id()).update();
		this.jdbc.sql("UPDATE users SET time_zone = 'America/New_York' WHERE id = :id").param("id", p.mentee().id()).update();
		int year = java.time.LocalDate.now().getYear() + 1;
		String local = year + "-01-15T10:00";
		SessionView s = as(p.mentor(), () -> this.sessions.create(p.mentorshipId(),
				new SessionDraft("Zones", null, null, local, "", 60, "PHONE", null, null), false));
		assertThat(s.timeZone()).isEqualTo("Europe/Berlin");
		assertThat(s.start()).isEqualTo(Instant.parse(year + "-01-15T09:00:00Z"));
		assertThat(s.localStart()).hasToString(year + "-01-15T10:00");
		String stored = this.jdbc.sql("SELECT scheduled_at FROM mentoring_sessions WHERE id = :id").param("id", s.id())
			.query((rs, n) -> rs.getObject(1, LocalDateTime.class).toString()).single();
		assertThat(stored).isEqualTo(year + "-01-15T09:00");
		SessionView seen = as(p.mentee(), () -> this.sessions.get(s.id()));
		assertThat(seen.viewerZone()).isEqualTo("America/New_York");
		assertThat(seen.localStart()).hasToString(year + "-01-15T04:00");
		assertThat(as(p.mentee(), () -> this.sessions.week(java.time.LocalDate.of(year, 1, 15))))
			.extracting(SessionView::id).contains(s.id());
	}

	@Test
	void theBookingViewOffersCommonFreeSlotsWithoutOtherSessions() {
		SessionFixtures.Pair p = pair();
		for (Account a : List.of(p.mentor(), p.mentee())) {
			for (int day = 1; day <= 7; day++) {
				this.jdbc.sql("INSERT INTO availability_slots (user_id, day_of_week, start_time, end_time, time_zone) "
						+ "VALUES (:u, :d, :s, :e, 'UTC')")
					.param("u", a.id()).param("d", day)
					.param("s", java.time.LocalTime.of(a == p.mentor() ? 9 : 10, 0))
					.param("e", java.time.LocalTime.of(a == p.mentor() ? 12 : 13, 0))
					.update();
			}
		}
		java.time.LocalDate from = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(3);
		Sessions.Booking booking = as(p.mentee(), () -> this.sessions.booking(p.mentorshipId(), from, 60));
		assertThat(booking.slots()).isNotEmpty();
		assertThat(booking.slots()).allSatisfy(slot -> {
			assertThat(slot.localStart().getHour()).isBetween(10, 11);
			assertThat(slot.end()).isEqualTo(slot.start().plus(60, ChronoUnit.MINUTES));
		});
		Instant taken = from.atTime(10, 0).toInstant(ZoneOffset.UTC);
		assertThat(booking.slots()).extracting(SessionSlot::start).contains(taken);
		// The mentor's session with someone else takes that hour away.
		Account otherMentee = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		long other = SessionFixtures.mentorship(this.jdbc, p.mentor(), otherMentee, "ACTIVE");
		SessionFixtures.session(this.jdbc, other, p.mentor().id(), otherMentee.id(), otherMentee.id(), "CONFIRMED", taken, "Busy");
		Sessions.Booking after = as(p.mentee(), () -> this.sessions.booking(p.mentorshipId(), from, 60));
		assertThat(after.slots()).extracting(SessionSlot::start)
			.doesNotContain(taken, taken.plus(30, ChronoUnit.MINUTES))
			.contains(taken.plus(60, ChronoUnit.MINUTES));
	}

	@Test
	void theApiAnswers201400409AndTheProblem() throws Exception {
		SessionFixtures.Pair p = pair();
		Instant start = SessionFixtures.randomHour(60, 70);
		String body = "{\"mentorshipId\":" + p.mentorshipId() + ",\"title\":\"API\",\"start\":\"" + at(start)
				+ "\",\"zone\":\"UTC\",\"durationMinutes\":45,\"mode\":\"IN_PERSON\",\"location\":\"Room 4\"}";
		String created = this.mvc.perform(post("/api/v1/sessions").with(user(this.users.loadUserByUsername(p.mentee().email())))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REQUESTED"))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
		// The same time again: double booking.
		this.mvc.perform(post("/api/v1/sessions").with(user(this.users.loadUserByUsername(p.mentee().email())))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/v1/sessions").with(user(this.users.loadUserByUsername(p.mentee().email())))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("\"durationMinutes\":45", "\"durationMinutes\":0")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/sessions/" + id + "/complete").with(user(this.users.loadUserByUsername(p.mentor().email())))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"attendance\":\"PRESENT\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/sessions/" + id + "/confirm").with(user(this.users.loadUserByUsername(p.mentee().email())))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/sessions/" + id + "/confirm").with(user(this.users.loadUserByUsername(p.mentor().email())))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
		this.mvc.perform(get("/api/v1/sessions").param("mentorship", String.valueOf(p.mentorshipId()))
				.with(user(this.users.loadUserByUsername(p.mentee().email()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id));
	}

	@Test
	void thePagesShowErrorsInlineAndWorkWithoutJavaScript() throws Exception {
		SessionFixtures.Pair p = pair();
		var mentee = user(this.users.loadUserByUsername(p.mentee().email()));
		this.mvc.perform(post("/sessions").with(mentee).with(csrf())
				.param("mentorshipId", String.valueOf(p.mentorshipId())).param("title", "Page")
				.param("start", "2001-01-01T10:00").param("zone", "UTC").param("durationMinutes", "60"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a time in the future.")));
		String start = at(SessionFixtures.randomHour(80, 90));
		String location = this.mvc.perform(post("/sessions").with(mentee).with(csrf())
				.param("mentorshipId", String.valueOf(p.mentorshipId())).param("title", "Page")
				.param("start", start).param("zone", "UTC").param("durationMinutes", "60"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		var mentor = user(this.users.loadUserByUsername(p.mentor().email()));
		this.mvc.perform(get(location).with(mentor))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"confirm-form\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"notes-section\"")));
		// Exactly the forms of the actions the domain allows: the mentor answers the mentee's request.
		assertForms(location, mentor, "confirm-form", "reject-form", "reschedule-form", "cancel-form");
		assertForms(location, mentee, "reschedule-form", "cancel-form");
		this.mvc.perform(get(location.replace("/sessions/", "/api/v1/sessions/")).with(mentor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.actions", org.hamcrest.Matchers.contains("CONFIRM", "REJECT", "RESCHEDULE", "CANCEL")));
		this.mvc.perform(post(location + "/cancel").with(mentee).with(csrf()).param("version", "old"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("This form is out of date")));
		this.mvc.perform(get(location).with(mentor).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"session-body\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
		this.mvc.perform(post(location + "/complete").with(mentor).with(csrf()).param("attendance", "PRESENT"))
			.andExpect(status().isConflict());
		this.mvc.perform(post(location + "/confirm").with(mentor).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"session-body\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
		this.mvc.perform(get("/sessions").with(mentee)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Page")));
		this.mvc.perform(get("/sessions/week").with(mentee).param("date", start.substring(0, 10))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Page")));
	}

	static final java.util.List<String> FORMS = java.util.List.of("submit-form", "confirm-form", "reject-form",
			"accept-time-form", "decline-time-form", "reschedule-form", "complete-form", "cancel-form");

	/** The session page shows these action forms and none of the others. */
	void assertForms(String page, org.springframework.test.web.servlet.request.RequestPostProcessor who,
			String... expected) throws Exception {
		String html = this.mvc.perform(get(page).with(who)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		java.util.List<String> shown = FORMS.stream().filter(form -> html.contains("id=\"" + form + "\"")).toList();
		org.assertj.core.api.Assertions.assertThat(shown).containsExactlyInAnyOrder(expected);
	}

	long count(long mentorshipId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mentoring_sessions WHERE mentorship_id = :m").param("m", mentorshipId)
			.query(Long.class).single();
	}

	void assertProblem(Account who, long mentorshipId, SessionDraft draft, String field) {
		assertThatThrownBy(() -> as(who, () -> this.sessions.create(mentorshipId, draft, false)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field).contains(field));
	}

	@Test
	void theListPagesWithPlainLinks() throws Exception {
		SessionFixtures.Pair p = pair();
		for (int i = 0; i < 25; i++) {
			SessionFixtures.session(this.jdbc, p.mentorshipId(), p.mentor().id(), p.mentee().id(), p.mentor().id(),
					"CONFIRMED", Instant.now().plus(java.time.Duration.ofDays(1 + i)), "Paged " + i);
		}
		org.springframework.test.web.servlet.request.RequestPostProcessor mentor =
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.users.loadUserByUsername(p.mentor().email()));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/sessions").with(mentor))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Page 1 of 2")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"next-page\" href=\"/sessions?tab=upcoming")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hx-get=\"/sessions?"))));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/sessions")
				.param("page", "1").with(mentor))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Page 2 of 2")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Paged 24")));
	}

}
