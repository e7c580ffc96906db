package org.mentorhub.wellbeing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/**
 * The company's support for working mothers: two support groups, the new mothers' milestones, their
 * group membership and the colleagues who covered their work during leave. The honest owner of
 * these rows until the wellbeing feature exists.
 */
@Component
class WellbeingDemoData implements DemoSeed {

	private static final String[][] MILESTONES = { { "PREGNANCY", "Shared the news with my manager", "240" },
			{ "LEAVE_START", "Parental leave started", "170" }, { "BIRTH", "Welcome, baby!", "160" },
			{ "RETURN_TO_WORK", "First week back", "20" } };

	private final DemoRows rows;

	WellbeingDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 1200;
	}

	@Override
	public void seed(DemoContext demo) {
		String acme = DemoContext.COMPANY;
		long institution = demo.institution(acme);
		long admin = demo.person("admin@acme.demo");
		List<Long> mothers = demo.group(acme + "/mothers");
		List<Long> colleagues = demo.group(acme + "/mentees");
		long returners = this.rows.insert("support_groups", row("institution_id", institution, "name",
				"Returning parents", "description", "Peer support for the first months back at work.", "member_count",
				mothers.size(), "last_active_at", demo.now().minusDays(1), "created_by_id", admin, "created_at",
				demo.now().minusDays(200), "updated_at", demo.now().minusDays(1)));
		this.rows.insert("support_groups", row("institution_id", institution, "name", "Expecting parents",
				"description", "Planning for leave, together.", "member_count", 0, "created_by_id", admin, "created_at",
				demo.now().minusDays(200), "updated_at", demo.now().minusDays(30)));
		for (int i = 0; i < mothers.size(); i++) {
			long mother = mothers.get(i);
			this.rows.insert("group_memberships", row("user_id", mother, "group_id", returners, "role", "MEMBER",
					"joined_at", demo.now().minusDays(25)));
			for (String[] m : MILESTONES) {
				long daysAgo = Long.parseLong(m[2]) + 10L * i;
				this.rows.insert("milestone_logs", row("user_id", mother, "type", m[0], "title", m[1], "notes", "",
						"milestone_date", demo.now().toLocalDate().minusDays(daysAgo), "created_at",
						demo.now().minusDays(daysAgo)));
			}
			Map<String, Object> proxy = new LinkedHashMap<>();
			proxy.put("mother_id", mother);
			proxy.put("proxy_id", colleagues.get(i));
			proxy.put("status", "COMPLETED");
			proxy.put("start_date", demo.now().toLocalDate().minusDays(170 + 10L * i));
			proxy.put("expected_end_date", demo.now().toLocalDate().minusDays(25));
			proxy.put("actual_end_date", demo.now().toLocalDate().minusDays(20 + 10L * i));
			proxy.put("notes", "Covered the weekly team sync and client calls.");
			proxy.put("decided_at", demo.now().minusDays(180));
			proxy.put("created_at", demo.now().minusDays(185));
			proxy.put("updated_at", demo.now().minusDays(20));
			this.rows.insert("proxy_requests", proxy);
		}
	}

}
