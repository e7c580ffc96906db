package org.mentorhub.session;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoContext.Pairing;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * The demo's sessions: a fortnightly history for every mentorship that started (completed, a few
 * cancelled), with notes, action items and feedback, and for the ongoing ones a confirmed session
 * and a proposal ahead. Past sessions are written as they ended up: the workflow's guards judge
 * changes made now, not a history.
 */
@Component
class SessionDemoData implements DemoSeed {

	private static final String[] TOPICS = { "Getting started and setting goals", "Study plan review",
			"Career options", "Project feedback", "Exam preparation", "Networking", "Time management",
			"Internship applications", "Research interests", "Mid-term check-in", "Presentation practice",
			"Next-term planning" };

	private final DemoRows rows;

	SessionDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 600;
	}

	@Override
	public void seed(DemoContext demo) {
		for (Pairing pairing : demo.pairings(DemoContext.UNIVERSITY)) {
			if (!pairing.status().equals("REQUESTED")) {
				sessions(demo, pairing, pairing.status().equals("ACTIVE"), 10);
			}
		}
		for (Pairing pairing : demo.pairings(DemoContext.COMPANY)) {
			if (pairing.status().equals("ACTIVE")) {
				boolean mother = demo.group(DemoContext.COMPANY + "/mothers").contains(pairing.menteeId());
				sessions(demo, pairing, true, mother ? 5 : 6);
			}
		}
	}

	private void sessions(DemoContext demo, Pairing pairing, boolean ongoing, int pastCount) {
		LocalDateTime first = demo.now().minusDays(14L * pastCount + 3).withHour(10 + demo.random().nextInt(6))
			.withMinute(0);
		for (int i = 0; i < pastCount; i++) {
			LocalDateTime at = first.plusDays(14L * i);
			boolean cancelled = demo.random().nextInt(10) == 0;
			Map<String, Object> values = sessionValues(demo, pairing, TOPICS[i % TOPICS.length], at);
			values.put("status", cancelled ? "CANCELLED" : "COMPLETED");
			if (cancelled) {
				values.put("cancelled_at", at.minusDays(1));
				values.put("response_message", "Clash with an exam; let us meet next time.");
			}
			else {
				values.put("topic", TOPICS[i % TOPICS.length]);
				values.put("summary", "Reviewed progress and agreed the next steps.");
				values.put("attendance", demo.random().nextInt(12) == 0 ? "LATE" : "PRESENT");
				values.put("next_meeting_on", at.plusDays(14).toLocalDate());
				values.put("completed_at", at.plusMinutes(60));
				// Confirmed a few hours to two days after it was asked for (created_at, a week before).
				values.put("confirmed_at", at.minusDays(7).plusHours(2 + 7 * (i % 7)));
			}
			long session = this.rows.insert("mentoring_sessions", values);
			if (!cancelled) {
				followUps(demo, session, pairing.mentorId(), pairing.menteeId(), at);
			}
		}
		if (ongoing) {
			LocalDateTime next = demo.now().plusDays(2 + demo.random().nextInt(10)).withHour(14).withMinute(0)
				.withSecond(0);
			Map<String, Object> confirmed = sessionValues(demo, pairing, "Progress check-in", next);
			confirmed.put("status", "CONFIRMED");
			confirmed.put("agenda", "1. Wins since last time\n2. Blockers\n3. Next goals");
			this.rows.insert("mentoring_sessions", confirmed);
			Map<String, Object> proposed = sessionValues(demo, pairing, "Planning the next term", next.plusDays(14));
			proposed.put("status", "PROPOSED");
			proposed.put("proposed_by_id", pairing.mentorId());
			this.rows.insert("mentoring_sessions", proposed);
		}
	}

	private Map<String, Object> sessionValues(DemoContext demo, Pairing pairing, String title, LocalDateTime at) {
		long mentorship = pairing.mentorshipId();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("mentorship_id", mentorship);
		values.put("mentor_id", pairing.mentorId());
		values.put("mentee_id", pairing.menteeId());
		values.put("title", title);
		values.put("description", "Regular mentoring session.");
		values.put("scheduled_at", at);
		values.put("time_zone", "Europe/London");
		values.put("duration_minutes", 60);
		boolean online = demo.random().nextBoolean();
		values.put("mode", online ? "ONLINE" : "IN_PERSON");
		values.put(online ? "meeting_link" : "location", online ? "https://meet.example.org/mentorhub-" + mentorship
				: "Library, room " + (100 + demo.random().nextInt(50)));
		values.put("created_by_id", pairing.mentorId());
		values.put("ical_uid", "session-"
				+ UUID.nameUUIDFromBytes((mentorship + "/" + at).getBytes(StandardCharsets.UTF_8)) + "@mentorhub");
		values.put("created_at", at.minusDays(7));
		values.put("updated_at", at.minusDays(1));
		return values;
	}

	private void followUps(DemoContext demo, long session, long mentor, long mentee, LocalDateTime at) {
		this.rows.insert("session_notes", row("session_id", session, "created_by_id", mentor, "content",
				"Good progress. Follow up on the study plan.", "is_private", false, "created_at", at.plusHours(1),
				"updated_at", at.plusHours(1)));
		if (demo.random().nextInt(3) == 0) {
			LocalDateTime due = at.plusDays(10);
			String status = due.isBefore(demo.now()) ? (demo.random().nextInt(4) == 0 ? "IN_PROGRESS" : "COMPLETED")
					: "PENDING";
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("session_id", session);
			item.put("assigned_to_id", mentee);
			item.put("created_by_id", mentor);
			item.put("title", "Draft the next milestone");
			item.put("description", "Write down the next milestone and share it before the next session.");
			item.put("due_date", due);
			item.put("status", status);
			item.put("completed_at", status.equals("COMPLETED") ? due.minusDays(1) : null);
			item.put("created_at", at.plusHours(1));
			item.put("updated_at", at.plusDays(2));
			this.rows.insert("action_items", item);
		}
		if (demo.random().nextInt(2) == 0) {
			this.rows.insert("session_feedback", row("session_id", session, "giver_id", mentee, "recipient_id", mentor,
					"type", "MENTEE_TO_MENTOR", "rating", 3 + demo.random().nextInt(3), "comments",
					"Helpful and encouraging.", "visibility", "SHARED", "created_at", at.plusHours(3), "updated_at",
					at.plusHours(3), "revealed_at", at.plusHours(4)));
			this.rows.insert("session_feedback", row("session_id", session, "giver_id", mentor, "recipient_id", mentee,
					"type", "MENTOR_TO_MENTEE", "rating", 3 + demo.random().nextInt(3), "comments", "Well prepared.",
					"visibility", "SHARED", "created_at", at.plusHours(4), "updated_at", at.plusHours(4), "revealed_at",
					at.plusHours(4)));
		}
	}

}
