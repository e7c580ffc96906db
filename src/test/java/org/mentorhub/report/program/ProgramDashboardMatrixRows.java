package org.mentorhub.report.program;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Relation;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.Matrix.World;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;


/**
 * Matrix rows of the program dashboard and its exports. The dashboard's record is the owner's
 * department, passed as {@code ?department=}: administrators may pass any department of their
 * institution (another institution's is not found), coordinators only their own (another is refused),
 * and nobody else may open the dashboard at all. The marker is planted nowhere: a dashboard shows only
 * aggregates, so the refused answers are checked by their status. The exports share one rate limit
 * (10 per 10 minutes), so their rows are called once per persona, without a department.
 */
public class ProgramDashboardMatrixRows implements Matrix.Rows {

	static final Set<Persona> MANAGERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR);

	/**
	 * The owner's department; for an owner of the run's university without one (the administrator
	 * persona), its CS department; 0 for an owner of no institution (refused before it is looked up).
	 */
	static final Fixture DEPARTMENT = (world, owner, marker) -> new Target(owner.departmentId() != null
			? String.valueOf(owner.departmentId())
			: owner.institutionId() == null ? "0" : String.valueOf(world.university().department("CS")), marker);

	/**
	 * A weekly subscription of the owner (of the run's university when the owner has no institution).
	 * A subscription shows no text of its own, so the marker shows nowhere; a refused removal must
	 * leave the row in place.
	 */
	static final Fixture SUBSCRIPTION = new Fixture() {

		@Override
		public Target plant(World world, Account owner, String marker) {
			KeyHolder keys = new GeneratedKeyHolder();
			world.jdbc().sql("""
					INSERT INTO report_subscriptions (owner_id, institution_id, department_id, frequency, next_run_at,
					active, created_at) VALUES (:o, :i, :d, 'WEEKLY', :next, TRUE, :now)""")
				.param("o", owner.id())
				.param("i", owner.institutionId() != null ? owner.institutionId() : world.university().id())
				.param("d", owner.departmentId())
				.param("next", LocalDateTime.now().plusDays(7)).param("now", LocalDateTime.now())
				.update(keys, "id");
			return new Target(String.valueOf(keys.getKeyAs(Number.class).longValue()), marker);
		}

		@Override
		public String unexpectedChange(World world, Target target) {
			return world.jdbc().sql("SELECT COUNT(*) FROM report_subscriptions WHERE id = :id")
				.param("id", Long.parseLong(target.id())).query(Long.class).single() == 0 ? "the subscription was removed"
						: null;
		}

	};

	/**
	 * The dashboard of the caller's own department (the CS department for the administrator): figures,
	 * not records, so nothing planted shows on it. That a coordinator is refused another department, and
	 * an administrator another institution's, is ProgramDashboardIntegrationTests' part.
	 */
	static Endpoint scoped(Endpoint endpoint) {
		return endpoint.allow(MANAGERS);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(scoped(Endpoint.get("/reports/program").with(DEPARTMENT).uri(t -> "/reports/program?department=" + t.id())));
		rows.add(scoped(Endpoint.get("/api/v1/reports/program").with(DEPARTMENT)
			.uri(t -> "/api/v1/reports/program?department=" + t.id())));
		rows.add(scoped(Endpoint.get("/reports/program/sessions").with(DEPARTMENT)
			.uri(t -> "/reports/program/sessions?department=" + t.id())));
		rows.add(scoped(Endpoint.get("/reports/program/health").with(DEPARTMENT)
			.uri(t -> "/reports/program/health?department=" + t.id())));
		rows.add(scoped(Endpoint.get("/api/v1/reports/program/health").with(DEPARTMENT)
			.uri(t -> "/api/v1/reports/program/health?department=" + t.id())));
		rows.add(Endpoint.get("/reports/program/export").uri(t -> "/reports/program/export?format=csv").allow(MANAGERS));
		rows.add(Endpoint.get("/reports/program/sessions/export").uri(t -> "/reports/program/sessions/export?format=xlsx")
			.allow(MANAGERS));
		rows.add(Endpoint.get("/api/v1/reports/program/export").uri(t -> "/api/v1/reports/program/export?format=xlsx")
			.allow(MANAGERS));
		rows.add(Endpoint.get("/api/v1/reports/program/sessions/export")
			.uri(t -> "/api/v1/reports/program/sessions/export?format=csv").allow(MANAGERS));
		// The mentor's mentees at a glance (report.HomeDashboardRestController): the caller's own, mentors only.
		rows.add(Endpoint.get("/api/v1/reports/my-mentees").uri(t -> "/api/v1/reports/my-mentees")
			.allow(EnumSet.of(Persona.MENTOR)));
		// The other personal dashboards' twins: the caller's own, for the role whose home page shows it.
		rows.add(Endpoint.get("/api/v1/reports/my-mentoring").uri(t -> "/api/v1/reports/my-mentoring")
			.allow(EnumSet.of(Persona.MENTEE, Persona.NEW_MOTHER)));
		rows.add(Endpoint.get("/api/v1/reports/my-support").uri(t -> "/api/v1/reports/my-support")
			.allow(EnumSet.of(Persona.NEW_MOTHER)));
		rows.add(Endpoint.get("/api/v1/reports/platform").uri(t -> "/api/v1/reports/platform")
			.allow(EnumSet.of(Persona.PLATFORM_ADMIN)));
		rows.add(Endpoint.get("/api/v1/reports/institution").uri(t -> "/api/v1/reports/institution")
			.allow(EnumSet.of(Persona.ADMIN)));
		rows.add(Endpoint.get("/api/v1/reports/department").uri(t -> "/api/v1/reports/department")
			.allow(EnumSet.of(Persona.COORDINATOR)));
		rows.add(Endpoint.get("/reports/program.pdf").uri(t -> "/reports/program.pdf").allow(MANAGERS));
		rows.add(Endpoint.get("/api/v1/reports/program.pdf").uri(t -> "/api/v1/reports/program.pdf").allow(MANAGERS));
		rows.add(Endpoint.get("/api/v1/reports/subscriptions").allow(MANAGERS));
		rows.add(Endpoint.post("/api/v1/reports/subscriptions").json("{\"frequency\":\"WEEKLY\"}").allow(MANAGERS));
		rows.add(Endpoint.delete("/api/v1/reports/subscriptions/{id}").on(SUBSCRIPTION).allow(MANAGERS, Relation.OWN));
		rows.add(Endpoint.post("/reports/program/subscriptions").form("frequency", "MONTHLY").allow(MANAGERS));
		rows.add(Endpoint.post("/reports/program/subscriptions/{id}/delete").on(SUBSCRIPTION)
			.allow(MANAGERS, Relation.OWN));
		return rows;
	}

}
