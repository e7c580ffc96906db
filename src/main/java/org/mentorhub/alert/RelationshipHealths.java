package org.mentorhub.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mentorhub.alert.AlertAccess.Reader;
import org.mentorhub.alert.RelationshipHealthRules.Expectation;
import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.mentorship.MentorshipHealthSource;
import org.mentorhub.mentorship.MentorshipView;
import org.mentorhub.mentorship.Mentorships;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Paged;
import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of relationship health (the rows {@link RelationshipHealthJob} stores) and the institution's
 * expectation. One mentorship's health is seen by whoever may see the mentorship (its mentor and mentee,
 * the coordinators of its department, the administrators of its institution: {@link Mentorships#get},
 * 404 for anybody else); the list of an institution's (administrators) or a department's (coordinators)
 * pairs by health is for those managers (403 for others); the expectation is set by administrators.
 * Also the mentorship pages' {@link MentorshipHealthSource}.
 */
@Service
public class RelationshipHealths implements MentorshipHealthSource {

	/** The largest page of the list. */
	public static final int MAX_PAGE_SIZE = 100;

	/** One page of the list, the worst first. */
	public record RelationshipHealthPage(List<RelationshipHealthView> items, long total, int page, int size) implements Paged {
	}

	/** An institution's expectation of its pairs. */
	public record RelationshipHealthExpectation(int expectedDays, int escalateAfterDays) {
	}

	private static final String COLUMNS = """
			SELECT h.mentorship_id, h.mentor_id, h.mentee_id, h.health, h.reasons, h.computed_at, h.stalled_since,
			       h.nudged_at, h.escalate_at, h.escalated_at, h.alert_id, mr.full_name AS mentor_name,
			       me.full_name AS mentee_name
			""";

	/** The names shown with a pair. */
	private static final String NAMES = """
			 JOIN identity_people mr ON mr.id = h.mentor_id
			JOIN identity_people me ON me.id = h.mentee_id
			""";

	private static final String SELECT = COLUMNS + "FROM relationship_health h" + NAMES;

	/** The worst first. */
	private static final String WORST_FIRST = " ORDER BY CASE h.health WHEN 'STALLED' THEN 0 WHEN 'AT_RISK' THEN 1 ELSE 2 END,"
			+ " h.mentorship_id";

	private final JdbcClient jdbc;

	private final Mentorships mentorships;

	private final AlertAccess access;

	private final RelationshipHealthSettings settings;

	private final java.time.Clock clock;

	RelationshipHealths(JdbcClient jdbc, Mentorships mentorships, AlertAccess access, RelationshipHealthSettings settings,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.mentorships = mentorships;
		this.access = access;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, MentorshipHealth> healthOf(Collection<Long> mentorshipIds) {
		Map<Long, MentorshipHealth> result = new HashMap<>();
		if (mentorshipIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("SELECT mentorship_id, health, reasons, computed_at FROM relationship_health WHERE mentorship_id IN (:ids)")
			.param("ids", List.copyOf(mentorshipIds))
			.query((rs, i) -> result.put(rs.getLong("mentorship_id"), new MentorshipHealth(rs.getString("health"),
					List.of(rs.getString("reasons").split("\n")), instant(rs, "computed_at"))))
			.list();
		return result;
	}

	/** One mentorship's health: 404 when the caller may not see the mentorship, or it is not active (no health). */
	@Transactional(readOnly = true)
	public RelationshipHealthView of(long mentorshipId) {
		MentorshipView mentorship = this.mentorships.get(mentorshipId);
		RelationshipHealthView health = this.jdbc.sql(SELECT + " WHERE h.mentorship_id = :id")
			.param("id", mentorshipId)
			.query(RelationshipHealths::map)
			.optional()
			.orElseThrow(() -> new NotFoundException(
					"This mentorship has no health yet: it is computed for active mentorships, once an hour."));
		Reader reader = this.access.reader();
		return reader.manages(mentorship.institutionId(), mentorship.departmentId()) ? health : health.forThePair();
	}

	/**
	 * The pairs of the caller's institution (administrators) or department (coordinators), the worst
	 * first, optionally of one health; 403 for anybody else, 400 for an unknown health.
	 */
	@Transactional(readOnly = true)
	public RelationshipHealthPage list(String health, int page, int size) {
		Reader reader = requireManager();
		return page(reader.institutionId(), reader.admin() ? null : reader.departmentId(), status(health),
				MenteeGroup.ALL, page, size);
	}

	/**
	 * The pairs of one scope (an institution, or one of its departments), optionally of one health and of one
	 * group of mentees (a kind of program), the worst first: the list behind the program dashboard's health
	 * figure. The caller's scope is checked here too: an administrator of the institution, or the coordinator of
	 * that department (403 for anybody else); 400 for an unknown health.
	 */
	@Transactional(readOnly = true)
	public RelationshipHealthPage listIn(Scope scope, MenteeGroup mentees, String health, int page, int size) {
		Reader reader = requireManager();
		if (!reader.manages(scope.institutionId(), scope.departmentId())) {
			throw new AccessDeniedException("A coordinator sees the pairs of their own department only.");
		}
		return page(scope.institutionId(), scope.departmentId(), status(health), mentees, page, size);
	}

	/** The health asked for: null when blank; 400 when unknown. */
	public static RelationshipHealthStatus status(String health) {
		return health == null || health.isBlank() ? null
				: RelationshipHealthStatus.of(health).orElseThrow(() -> new InvalidInputException("health",
						"Choose a health: HEALTHY, AT_RISK or STALLED."));
	}

	private RelationshipHealthPage page(long institutionId, Long departmentId, RelationshipHealthStatus status,
			MenteeGroup mentees, int page, int size) {
		int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int safePage = Math.max(0, page);
		String where = " WHERE h.institution_id = :inst" + (departmentId == null ? "" : " AND h.department_id = :dept")
				+ (status == null ? "" : " AND h.health = :health") + " AND " + mentees.sql("h.mentee_id");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM relationship_health h" + where)
			.param("inst", institutionId)
			.param("dept", departmentId == null ? -1L : departmentId)
			.param("health", status == null ? "" : status.name())
			.query(Long.class)
			.single();
		// The page is cut from the health rows alone and only its rows are joined to the names: joined first,
		// the administrator's list at full scale (10,000 pairs) took 94 ms by EXPLAIN ANALYZE, 8.5 ms cut first.
		List<RelationshipHealthView> items = this.jdbc
			.sql(COLUMNS + "FROM (SELECT h.* FROM relationship_health h" + where + WORST_FIRST
					+ " LIMIT :limit OFFSET :offset) h" + NAMES + WORST_FIRST)
			.param("inst", institutionId)
			.param("dept", departmentId == null ? -1L : departmentId)
			.param("health", status == null ? "" : status.name())
			.param("limit", safeSize)
			.param("offset", (long) safePage * safeSize)
			.query(RelationshipHealths::map)
			.list();
		return new RelationshipHealthPage(items, total, safePage, safeSize);
	}

	/** The caller's institution's expectation (administrators and coordinators; 403 for others). */
	@Transactional(readOnly = true)
	public RelationshipHealthExpectation settings() {
		Reader reader = requireManager();
		return view(this.settings.of(List.of(reader.institutionId())).get(reader.institutionId()));
	}

	/** Sets the caller's institution's expectation (administrators; 403 for others, 400 for a bad value). */
	@Transactional
	public RelationshipHealthExpectation updateSettings(Integer expectedDays, Integer escalateAfterDays) {
		Reader reader = this.access.reader();
		if (reader.institutionId() == null || !reader.admin()) {
			throw new AccessDeniedException("Only the institution's administrators set what it expects of its pairs.");
		}
		return view(this.settings.set(reader.institutionId(), expectedDays, escalateAfterDays, this.clock.instant()));
	}

	private Reader requireManager() {
		Reader reader = this.access.reader();
		if (!reader.manager()) {
			throw new AccessDeniedException("Relationship health lists are for coordinators and administrators.");
		}
		return reader;
	}

	private static RelationshipHealthExpectation view(Expectation expectation) {
		return new RelationshipHealthExpectation(expectation.expectedDays(), expectation.escalateAfterDays());
	}

	private static RelationshipHealthView map(ResultSet rs, int row) throws SQLException {
		return new RelationshipHealthView(rs.getLong("mentorship_id"), rs.getLong("mentor_id"), rs.getString("mentor_name"),
				rs.getLong("mentee_id"), rs.getString("mentee_name"), RelationshipHealthStatus.valueOf(rs.getString("health")),
				List.of(rs.getString("reasons").split("\n")), instant(rs, "computed_at"), instant(rs, "stalled_since"),
				instant(rs, "nudged_at"), instant(rs, "escalate_at"), instant(rs, "escalated_at"),
				rs.getObject("alert_id", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return value == null ? null : Alerts.utc(value);
	}

}
