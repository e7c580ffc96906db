package org.mentorhub.messaging;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * The company's connections and direct messages: each mentee and new mother is connected with a
 * mentor and has a short exchange with them (the last message unread), so that the conversations, the
 * network page and the unread badge have something to show.
 */
@Component
class MessagingDemoData implements DemoSeed {

	private final DemoRows rows;

	MessagingDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 1300;
	}

	@Override
	public void seed(DemoContext demo) {
		String acme = DemoContext.COMPANY;
		List<Long> mentors = demo.group(acme + "/mentors");
		List<Long> mentees = demo.group(acme + "/mentees");
		List<Long> people = new ArrayList<>(mentees);
		people.addAll(demo.group(acme + "/mothers"));
		for (int i = 0; i < people.size(); i++) {
			long mentee = people.get(i);
			long mentor = i < mentees.size() ? mentors.get(i % 3) : mentors.get(3);
			this.rows.insert("user_connections", row("requester_id", mentee, "receiver_id", mentor, "user_low_id",
					Math.min(mentee, mentor), "user_high_id", Math.max(mentee, mentor), "status", "ACCEPTED",
					"created_at", demo.now().minusDays(100), "updated_at", demo.now().minusDays(99)));
			for (int m = 0; m < 4; m++) {
				boolean fromMentee = m % 2 == 0;
				LocalDateTime at = demo.now().minusDays(10L - 2 * m);
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("sender_id", fromMentee ? mentee : mentor);
				message.put("receiver_id", fromMentee ? mentor : mentee);
				message.put("message", fromMentee ? "Could we look at my plan before our next session?"
						: "Of course. Send it over and I will read it before then.");
				message.put("is_read", m < 3);
				message.put("read_at", m < 3 ? at.plusHours(1) : null);
				message.put("created_at", at);
				this.rows.insert("direct_messages", message);
			}
		}
	}

}
