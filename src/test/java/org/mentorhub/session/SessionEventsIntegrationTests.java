package org.mentorhub.session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.session.SessionNotesFixtures.Pair;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The events the session module publishes for notifications besides the life cycle: an action item
 * given to someone ({@link ActionItemAssigned}) and shared feedback that became readable
 * ({@link SessionFeedbackRevealed}), once each, with the right ids and never the feedback itself.
 */
@MentorHubIntegrationTest
class SessionEventsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	@Autowired
	FeedbackReveals reveals;

	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	ResultActions send(Account who, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return this.mvc.perform(request.with(user(this.users.loadUserByUsername(who.email()))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long itemId(ResultActions created) throws Exception {
		String body = created.andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.parse(body).read("$.id", Long.class);
	}

	@Test
	void givingAnActionItemToTheOtherParticipantPublishesOneEventAndGivingItToYourselfNone() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "CONFIRMED");
		String base = "/api/v1/sessions/" + pair.sessionId() + "/action-items";
		String due = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
		try (CapturedEvents<ActionItemAssigned> events = CapturedEvents.of(this.context, ActionItemAssigned.class)) {
			long given = itemId(send(pair.mentor(), post(base),
					"{\"title\":\"Read chapter 3\",\"description\":\"PRIVATE-DETAIL\",\"assigneeId\":" + pair.mentee().id()
							+ ",\"dueDate\":\"" + due + "\"}")
				.andExpect(status().isCreated()));
			long own = itemId(send(pair.mentee(), post(base), "{\"title\":\"Own task\",\"assigneeId\":" + pair.mentee().id() + "}")
				.andExpect(status().isCreated()));
			// A bad item publishes nothing.
			send(pair.mentor(), post(base), "{\"title\":\"\",\"assigneeId\":" + pair.mentee().id() + "}")
				.andExpect(status().isBadRequest());
			assertThat(events.matching(e -> e.sessionId() == pair.sessionId())).singleElement().satisfies(e -> {
				assertThat(e.actionItemId()).isEqualTo(given);
				assertThat(e.mentorshipId()).isEqualTo(pair.mentorshipId());
				assertThat(e.assigneeId()).isEqualTo(pair.mentee().id());
				assertThat(e.actorId()).isEqualTo(pair.mentor().id());
				assertThat(e.title()).isEqualTo("Read chapter 3");
				assertThat(e.dueDate()).isEqualTo(LocalDate.parse(due));
				assertThat(e.occurredAt()).isNotNull();
				assertThat(e.toString()).doesNotContain("PRIVATE-DETAIL");
			});
			// A change that keeps the assignee publishes nothing; handing the own item to the mentor does.
			send(pair.mentor(), put(base + "/" + given), "{\"title\":\"Read chapter 4\",\"assigneeId\":" + pair.mentee().id()
					+ ",\"version\":0}")
				.andExpect(status().isOk());
			send(pair.mentee(), put(base + "/" + own), "{\"title\":\"Your task now\",\"assigneeId\":" + pair.mentor().id()
					+ ",\"version\":0}")
				.andExpect(status().isOk());
			// Taking an item over yourself tells nobody.
			send(pair.mentee(), put(base + "/" + given), "{\"title\":\"Mine after all\",\"assigneeId\":" + pair.mentee().id()
					+ ",\"version\":1}")
				.andExpect(status().isOk());
			send(pair.mentor(), put(base + "/" + given), "{\"title\":\"Mine after all\",\"assigneeId\":" + pair.mentor().id()
					+ ",\"version\":2}")
				.andExpect(status().isOk());
			assertThat(events.matching(e -> e.sessionId() == pair.sessionId())).hasSize(2).last().satisfies(e -> {
				assertThat(e.actionItemId()).isEqualTo(own);
				assertThat(e.assigneeId()).isEqualTo(pair.mentor().id());
				assertThat(e.actorId()).isEqualTo(pair.mentee().id());
				assertThat(e.title()).isEqualTo("Your task now");
				assertThat(e.dueDate()).isNull();
			});
		}
	}

	String feedback(Pair pair) {
		return "/api/v1/sessions/" + pair.sessionId() + "/feedback";
	}

	@Test
	void sharedFeedbackIsRevealedToItsRecipientOnceWhenTheyGaveTheirsToo() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "COMPLETED");
		try (CapturedEvents<SessionFeedbackRevealed> events = CapturedEvents.of(this.context, SessionFeedbackRevealed.class)) {
			send(pair.mentee(), post(feedback(pair)), "{\"rating\":5,\"comments\":\"MENTEE-SECRET\"}")
				.andExpect(status().isCreated());
			assertThat(events.matching(e -> e.sessionId() == pair.sessionId())).isEmpty();
			// The mentor gives theirs: the mentee can now read it and is told; the mentor reads the
			// mentee's in the answer, so nobody tells them.
			send(pair.mentor(), post(feedback(pair)), "{\"rating\":4,\"comments\":\"MENTOR-SECRET\"}")
				.andExpect(status().isCreated());
			this.reveals.revealDue();
			assertThat(events.matching(e -> e.sessionId() == pair.sessionId())).singleElement().satisfies(e -> {
				assertThat(e.mentorshipId()).isEqualTo(pair.mentorshipId());
				assertThat(e.recipientId()).isEqualTo(pair.mentee().id());
				assertThat(e.giverId()).isEqualTo(pair.mentor().id());
				assertThat(e.occurredAt()).isNotNull();
				assertThat(e.toString()).doesNotContain("SECRET");
			});
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM session_feedback WHERE session_id = :s AND revealed_at IS NULL")
			.param("s", pair.sessionId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void sharedFeedbackIsRevealedOnceWhenTheDeadlinePassesAndCoordinatorOnlyFeedbackNever() throws Exception {
		Account mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		long mentorship = SessionNotesFixtures.mentorship(this.jdbc, mentor, mentee);
		Pair recent = new Pair(mentor, mentee, mentorship, SessionNotesFixtures.session(this.jdbc, mentorship, mentor.id(),
				mentee.id(), "COMPLETED", LocalDateTime.now(ZoneOffset.UTC).minusDays(6)));
		Pair hidden = new Pair(mentor, mentee, mentorship, SessionNotesFixtures.session(this.jdbc, mentorship, mentor.id(),
				mentee.id(), "COMPLETED", LocalDateTime.now(ZoneOffset.UTC).minusDays(6)));
		Pair old = new Pair(mentor, mentee, mentorship, SessionNotesFixtures.session(this.jdbc, mentorship, mentor.id(),
				mentee.id(), "COMPLETED", LocalDateTime.now(ZoneOffset.UTC).minusDays(8)));
		try (CapturedEvents<SessionFeedbackRevealed> events = CapturedEvents.of(this.context, SessionFeedbackRevealed.class)) {
			send(mentee, post(feedback(recent)), "{\"rating\":3}").andExpect(status().isCreated());
			send(mentee, post(feedback(hidden)), "{\"rating\":2,\"visibility\":\"COORDINATORS\"}").andExpect(status().isCreated());
			// Given after the deadline: readable, and told, at once.
			send(mentee, post(feedback(old)), "{\"rating\":4}").andExpect(status().isCreated());
			this.reveals.revealDue();
			assertThat(events.matching(e -> e.mentorshipId() == mentorship)).singleElement().satisfies(e -> {
				assertThat(e.sessionId()).isEqualTo(old.sessionId());
				assertThat(e.recipientId()).isEqualTo(mentor.id());
				assertThat(e.giverId()).isEqualTo(mentee.id());
			});
			// Two days later the deadline of the other sessions passes: the job reveals the shared one, once.
			this.jdbc.sql("UPDATE mentoring_sessions SET completed_at = :at WHERE id IN (:ids)")
				.param("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(8))
				.param("ids", java.util.List.of(recent.sessionId(), hidden.sessionId()))
				.update();
			this.reveals.revealDue();
			this.reveals.revealDue();
			assertThat(events.matching(e -> e.mentorshipId() == mentorship)).hasSize(2).last().satisfies(e -> {
				assertThat(e.sessionId()).isEqualTo(recent.sessionId());
				assertThat(e.recipientId()).isEqualTo(mentor.id());
				assertThat(e.giverId()).isEqualTo(mentee.id());
			});
			// The mentor gives theirs afterwards: the mentee is told about the mentor's, nothing more.
			send(mentor, post(feedback(recent)), "{\"rating\":5}").andExpect(status().isCreated());
			assertThat(events.matching(e -> e.mentorshipId() == mentorship)).hasSize(3).last().satisfies(e -> {
				assertThat(e.sessionId()).isEqualTo(recent.sessionId());
				assertThat(e.recipientId()).isEqualTo(mentee.id());
				assertThat(e.giverId()).isEqualTo(mentor.id());
			});
		}
	}

}
