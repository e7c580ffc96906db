package org.mentorhub.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * Three support tickets in each demo institution (open, in progress, resolved) with their messages.
 * The desk itself is {@link SupportDesk}; these rows predate it and carry no response or resolution times.
 */
@Component
class SupportDemoData implements DemoSeed {

	private static final String[][] TICKETS = { { "Cannot see my mentor's availability", "IN_PROGRESS", "MATCHING" },
			{ "Calendar invite shows the wrong time", "RESOLVED", "SESSIONS" },
			{ "Please change my department", "OPEN", "ACCOUNT" } };

	private final DemoRows rows;

	SupportDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 1100;
	}

	@Override
	public void seed(DemoContext demo) {
		tickets(demo, DemoContext.UNIVERSITY, demo.group(DemoContext.UNIVERSITY + "/students"),
				demo.person("admin@northbridge.demo"));
		tickets(demo, DemoContext.COMPANY, demo.group(DemoContext.COMPANY + "/mentees"), demo.person("admin@acme.demo"));
	}

	private void tickets(DemoContext demo, String code, List<Long> reporters, long admin) {
		for (int i = 0; i < TICKETS.length; i++) {
			String[] ticket = TICKETS[i];
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("institution_id", demo.institution(code));
			values.put("user_id", reporters.get(i));
			values.put("title", ticket[0]);
			values.put("description", "Details: " + ticket[0].toLowerCase(Locale.ROOT) + ".");
			values.put("category", ticket[2]);
			values.put("status", ticket[1]);
			values.put("assigned_to_id", ticket[1].equals("OPEN") ? null : admin);
			values.put("resolved_at", ticket[1].equals("RESOLVED") ? demo.now().minusDays(2) : null);
			values.put("created_at", demo.now().minusDays(10 - i));
			values.put("updated_at", demo.now().minusDays(2));
			long issue = this.rows.insert("reported_issues", values);
			this.rows.insert("issue_messages", row("issue_id", issue, "user_id", reporters.get(i), "message",
					"It started this week.", "created_at", demo.now().minusDays(10 - i)));
			if (!ticket[1].equals("OPEN")) {
				this.rows.insert("issue_messages", row("issue_id", issue, "user_id", admin, "message",
						"Thanks, we are looking into it.", "created_at", demo.now().minusDays(9 - i)));
			}
		}
	}

}
