package org.mentorhub.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

/**
 * A past trail of sign-ins in each demo institution, at least the 10,000s of rows seed 003's
 * post-seed figures name for the university. It only appends, like {@link AuditTrail}, but with
 * timestamps in the past, which the trail does not allow.
 */
@Component
class AuditDemoData implements DemoSeed {

	private static final String[] AGENTS = { "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0",
			"Mozilla/5.0 (Macintosh) Safari/18.1", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0" };

	private final DemoRows rows;

	AuditDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		return 1400;
	}

	@Override
	public void seed(DemoContext demo) {
		trail(demo, DemoContext.UNIVERSITY, demo.person("admin@northbridge.demo"),
				demo.group(DemoContext.UNIVERSITY + "/students"), 10_500);
		trail(demo, DemoContext.COMPANY, demo.person("admin@acme.demo"), demo.group(DemoContext.COMPANY + "/mentees"),
				1_500);
	}

	private void trail(DemoContext demo, String code, long admin, List<Long> users, int total) {
		long institution = demo.institution(code);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			long user = i % 25 == 0 ? admin : users.get(i % users.size());
			boolean failure = i % 40 == 7;
			LocalDateTime at = demo.now().minusMinutes((long) (total - i) * 12);
			if (!failure) {
				demo.signedIn(user, at);
			}
			rows.add(new Object[] { user, institution, failure ? "SIGN_IN_FAILED" : "SIGN_IN_SUCCEEDED", "users",
					String.valueOf(user), "10.0." + (i % 200) + "." + (1 + i % 250), AGENTS[i % AGENTS.length], at });
		}
		this.rows.batch("INSERT INTO audit_logs (user_id, institution_id, action, entity, entity_id, ip, user_agent, "
				+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

}
