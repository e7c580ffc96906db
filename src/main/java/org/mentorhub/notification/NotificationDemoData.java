package org.mentorhub.notification;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

/**
 * A few weeks of in-app notifications for every demo mentee and mentor, all but the newest three
 * read, so that the bell and the centre show something on the first visit. Live notifications come
 * from the events of what the demo users do.
 */
@Component
class NotificationDemoData implements DemoSeed {

	/** What a mentee is told. */
	static final String[][] FOR_MENTEES = {
			{ "SESSION_CONFIRMED", "Session confirmed", "Your next session is confirmed.", "/sessions" },
			{ "SESSION_REMINDER", "Session tomorrow", "Reminder: you have a session tomorrow.", "/sessions" },
			{ "ACTION_ITEM_DUE_SOON", "Action item due soon", "An action item is due in two days.", "/action-items" },
			{ "SESSION_COMPLETED", "Session completed", "Your feedback helps you both: give it on the session page.",
					"/sessions" },
			{ "MENTORSHIP_RESUMED", "Your mentorship resumed", "Your mentorship is active again.", "/mentorships" } };

	/** What a mentor is told: about her mentees, never "your mentor". */
	static final String[][] FOR_MENTORS = {
			{ "SESSION_CONFIRMED", "Session confirmed", "Your mentee confirmed the next session.", "/sessions" },
			{ "SESSION_REMINDER", "Session tomorrow", "Reminder: you have a session tomorrow.", "/sessions" },
			{ "ACTION_ITEM_DUE_SOON", "Action item due soon", "An action item is due in two days.", "/action-items" },
			{ "SESSION_COMPLETED", "Session completed", "Your feedback helps you both: give it on the session page.",
					"/sessions" },
			{ "MENTORSHIP_RESUMED", "Your mentorship resumed", "Your mentorship is active again.", "/mentorships" } };

	private final DemoRows rows;

	NotificationDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 800;
	}

	@Override
	public void seed(DemoContext demo) {
		String nbu = DemoContext.UNIVERSITY;
		String acme = DemoContext.COMPANY;
		demo.group(nbu + "/students").forEach(student -> notifications(demo, FOR_MENTEES, student, 40));
		demo.group(nbu + "/mentors").forEach(mentor -> notifications(demo, FOR_MENTORS, mentor, 25));
		demo.group(acme + "/mentees").forEach(mentee -> notifications(demo, FOR_MENTEES, mentee, 30));
		demo.group(acme + "/mothers").forEach(mother -> notifications(demo, FOR_MENTEES, mother, 30));
		demo.group(acme + "/mentors").forEach(mentor -> notifications(demo, FOR_MENTORS, mentor, 20));
	}

	private void notifications(DemoContext demo, String[][] kinds, long user, int count) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String[] n = kinds[i % kinds.length];
			LocalDateTime at = demo.now().minusHours(6L * (count - i) + demo.random().nextInt(5));
			rows.add(new Object[] { user, n[0], n[1], n[2], "{\"demo\":true}", n[3], i < count - 3 ? at.plusHours(2) : null,
					at });
		}
		this.rows.batch("INSERT INTO notifications (user_id, type, title, body, payload, link_url, read_at, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

}
