package org.mentorhub.wellbeing.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.wellbeing.CoveragePlans;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CoveragePlans} from {@code proxy_requests}: one statement for any number of mothers, each
 * mother's requests numbered (open first, then the latest leave first) and cut at {@link CoveragePlans#SHOWN}.
 */
@Service
class CoveragePlanReader implements CoveragePlans {

	private final JdbcClient jdbc;

	CoveragePlanReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, List<CoveragePlan>> of(Collection<Long> motherIds) {
		Map<Long, List<CoveragePlan>> plans = new LinkedHashMap<>();
		if (motherIds.isEmpty()) {
			return plans;
		}
		this.jdbc.sql("""
				SELECT id, mother_id, proxy_id, proxy_name, status, start_date, expected_end_date, actual_end_date,
				       approval_required, approved_at, started_at, covered FROM (
				    SELECT r.id, r.mother_id, r.proxy_id, p.full_name AS proxy_name, r.status, r.start_date,
				           r.expected_end_date, r.actual_end_date, r.approval_required, r.approved_at, r.started_at,
				           (SELECT COUNT(*) FROM proxy_request_mentorships c
				              WHERE c.request_id = r.id AND c.mentor_id = r.mother_id) AS covered,
				           ROW_NUMBER() OVER (PARTITION BY r.mother_id ORDER BY
				               CASE WHEN r.status IN ('PENDING', 'ACCEPTED') THEN 0 ELSE 1 END, r.start_date DESC, r.id DESC)
				               AS position
				    FROM proxy_requests r JOIN identity_people p ON p.id = r.proxy_id
				    WHERE r.mother_id IN (:ids)) plans
				WHERE position <= :shown ORDER BY mother_id, position""")
			.param("ids", List.copyOf(motherIds))
			.param("shown", SHOWN)
			.query((RowCallbackHandler) rs -> {
				CoverageStatus status = CoverageStatus.valueOf(rs.getString("status"));
				LocalDate actualEnd = rs.getObject("actual_end_date", LocalDate.class);
				String phase = CoverageView.phaseOf(status, rs.getBoolean("approval_required"),
						rs.getObject("approved_at") != null, rs.getObject("started_at") != null);
				CoveragePlan plan = new CoveragePlan(rs.getLong("id"), rs.getLong("mother_id"), rs.getLong("proxy_id"),
						rs.getString("proxy_name"), status.name(), phase, rs.getObject("start_date", LocalDate.class),
						actualEnd != null ? actualEnd : rs.getObject("expected_end_date", LocalDate.class),
						rs.getInt("covered"));
				plans.computeIfAbsent(plan.motherId(), m -> new ArrayList<>()).add(plan);
			});
		return plans;
	}

}
