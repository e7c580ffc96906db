package org.mentorhub.identity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.stereotype.Component;

/**
 * Each demo user's last sign-in, taken from the demo's audit trail (which runs before this seed): an
 * administrator read that a person had never signed in beside a person's sign-ins in the audit log.
 */
@Component
class SignInDemoData implements DemoSeed {

	private final DemoRows rows;

	SignInDemoData(DemoRows rows) {
		this.rows = rows;
	}

	@Override
	public int order() {
		// After the audit trail (1400).
		return 1450;
	}

	@Override
	public void seed(DemoContext demo) {
		List<Object[]> updates = new ArrayList<>();
		for (Map.Entry<Long, LocalDateTime> signIn : demo.lastSignIns().entrySet()) {
			updates.add(new Object[] { signIn.getValue(), signIn.getKey() });
		}
		this.rows.batch("UPDATE users SET last_login_at = ? WHERE id = ?", updates);
	}

}
