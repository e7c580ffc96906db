package org.mentorhub.organization;

import java.time.LocalDateTime;

import org.mentorhub.platform.DemoContext;
import org.mentorhub.platform.DemoRows;
import org.mentorhub.platform.DemoSeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.mentorhub.platform.DemoContext.row;

/** The demo's two institutions and their departments; the demo counts as loaded once the university exists. */
@Component
class OrganizationDemoData implements DemoSeed {

	static final String[][] UNIVERSITY_DEPARTMENTS = { { "CS", "Computer Science" }, { "BUS", "Business School" },
			{ "ENG", "Engineering" }, { "PSY", "Psychology" } };

	static final String[][] COMPANY_DEPARTMENTS = { { "ENGR", "Engineering" }, { "PEOPLE", "People & Culture" },
			{ "SALES", "Sales" } };

	private final JdbcClient jdbc;

	private final DemoRows rows;

	OrganizationDemoData(JdbcClient jdbc, DemoRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public boolean alreadySeeded() {
		return this.jdbc.sql("SELECT COUNT(*) FROM institutions WHERE code = :code")
			.param("code", DemoContext.UNIVERSITY)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public void seed(DemoContext demo) {
		LocalDateTime created = demo.now().minusDays(400);
		institution(demo, row("name", "Northbridge University", "code", DemoContext.UNIVERSITY, "kind", "UNIVERSITY",
				"address", "1 College Green, Northbridge NB1 2AB", "contact_email", "mentoring@northbridge.demo",
				"time_zone", "Europe/London", "mentorship_approval_required", true, "created_at", created, "updated_at",
				created), UNIVERSITY_DEPARTMENTS, created);
		created = demo.now().minusDays(380);
		institution(demo, row("name", "Acme Digital", "code", DemoContext.COMPANY, "kind", "COMPANY", "address",
				"200 Market Street, Springfield", "contact_email", "people@acme.demo", "time_zone", "America/New_York",
				"mentorship_approval_required", false, "created_at", created, "updated_at", created),
				COMPANY_DEPARTMENTS, created);
	}

	private void institution(DemoContext demo, java.util.Map<String, Object> values, String[][] departments,
			LocalDateTime created) {
		String code = (String) values.get("code");
		long institution = this.rows.insert("institutions", values);
		demo.institution(code, institution);
		for (String[] d : departments) {
			demo.department(code, d[0], this.rows.insert("departments", row("institution_id", institution, "code", d[0],
					"name", d[1], "created_at", created, "updated_at", created)));
		}
	}

}
