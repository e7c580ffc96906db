package org.mentorhub.wellbeing.coverage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Leave-coverage requests planted with SQL, as the wellbeing module writes them. */
public final class CoverageFixtures {

	private CoverageFixtures() {
	}

	/** A request of the status; {@code started} marks the leave as begun. */
	public static long request(JdbcClient jdbc, long motherId, long proxyId, String status, LocalDate start,
			LocalDate end, String notes, boolean approvalRequired, boolean started) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO proxy_requests (mother_id, proxy_id, status, start_date, expected_end_date, notes, requested_by_id,
				                            approval_required, started_at, created_at, updated_at, version)
				VALUES (:m, :p, :s, :start, :end, :notes, :m, :a, :started, :now, :now, 0)""")
			.param("m", motherId).param("p", proxyId).param("s", status).param("start", start).param("end", end)
			.param("notes", notes).param("a", approvalRequired).param("started", started ? now : null).param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
