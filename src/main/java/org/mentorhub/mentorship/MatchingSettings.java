package org.mentorhub.mentorship;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.mentorship.matching.MatchWeights;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The match-score weights of each institution (table {@code institution_match_weights}, one row per
 * institution; no row = {@link MatchWeights#DEFAULTS}). An administrator of the institution changes
 * them; every change is audited ({@code MATCH_WEIGHTS_CHANGED}, before and after) and guarded by
 * the row's version (optimistic locking).
 */
@Service
public class MatchingSettings {

	/** The stored weights with their version (0 when nothing is stored yet) and who changed them last. */
	public record StoredWeights(long institutionId, MatchWeights weights, long version, Long updatedById,
			Instant updatedAt) {

		/** Whether these are the defaults because nothing is stored. */
		public boolean defaults() {
			return this.version == 0;
		}

	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	MatchingSettings(JdbcClient jdbc, Tenancy tenancy, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The institution's weights, the defaults when none are stored. No authorization check: the
	 * weights are not personal data, and background runs (bulk assignment) read them without a
	 * signed-in caller. Callers check the institution is the caller's.
	 */
	@Transactional(readOnly = true)
	public MatchWeights weightsOf(long institutionId) {
		return find(institutionId).map(StoredWeights::weights).orElse(MatchWeights.DEFAULTS);
	}

	/** The stored weights with their version, for the administrator's form: own institution only. */
	@Transactional(readOnly = true)
	public StoredWeights settings(long institutionId) {
		requireAdminOf(institutionId);
		return find(institutionId).orElse(new StoredWeights(institutionId, MatchWeights.DEFAULTS, 0, null, null));
	}

	/**
	 * Changes the institution's weights: administrators of that institution only (another
	 * institution: not found; anyone else: forbidden). {@code expectedVersion} is the version the
	 * caller read (0 when nothing was stored); a different one gives 409. {@code null} skips the check.
	 */
	@Transactional
	public StoredWeights update(long institutionId, MatchWeights weights, Long expectedVersion) {
		requireAdminOf(institutionId);
		if (weights == null) {
			throw new InvalidInputException("weights", "Give the six weights.");
		}
		Optional<StoredWeights> current = find(institutionId);
		long version = current.map(StoredWeights::version).orElse(0L);
		if (expectedVersion != null && expectedVersion != version) {
			throw new StateTransitionException(
					"Someone changed the matching weights meanwhile. Reload them and apply your change again.");
		}
		long me = this.tenancy.actor().id();
		Instant now = this.clock.instant();
		if (current.isEmpty()) {
			try {
				this.jdbc.sql("""
						INSERT INTO institution_match_weights (institution_id, shared_skills, availability_overlap,
						  same_department, goals_expertise, supports_new_mothers, remaining_capacity, updated_by_id,
						  updated_at, version)
						VALUES (:i, :a, :b, :c, :d, :e, :f, :by, :at, 1)""")
					.param("i", institutionId)
					.params(columns(weights))
					.param("by", me)
					.param("at", Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new StateTransitionException(
						"Someone changed the matching weights meanwhile. Reload them and apply your change again.");
			}
		}
		else {
			int updated = this.jdbc.sql("""
					UPDATE institution_match_weights SET shared_skills = :a, availability_overlap = :b,
					  same_department = :c, goals_expertise = :d, supports_new_mothers = :e, remaining_capacity = :f,
					  updated_by_id = :by, updated_at = :at, version = version + 1
					WHERE institution_id = :i AND version = :v""")
				.param("i", institutionId)
				.params(columns(weights))
				.param("by", me)
				.param("at", Timestamp.from(now))
				.param("v", version)
				.update();
			if (updated != 1) {
				throw new StateTransitionException(
						"Someone changed the matching weights meanwhile. Reload them and apply your change again.");
			}
		}
		MatchWeights before = current.map(StoredWeights::weights).orElse(MatchWeights.DEFAULTS);
		this.audit.record(AuditRecord.change("MATCH_WEIGHTS_CHANGED", "institution_match_weights", institutionId,
				state(before), state(weights)));
		return find(institutionId).orElseThrow();
	}

	private Optional<StoredWeights> find(long institutionId) {
		return this.jdbc.sql("""
				SELECT shared_skills, availability_overlap, same_department, goals_expertise, supports_new_mothers,
				       remaining_capacity, version, updated_by_id, updated_at
				FROM institution_match_weights WHERE institution_id = :i""")
			.param("i", institutionId)
			.query((rs, n) -> new StoredWeights(institutionId,
					new MatchWeights(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
					rs.getLong(7), rs.getObject(8, Long.class),
					rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
			.optional();
	}

	private void requireAdminOf(long institutionId) {
		if (!this.tenancy.hasRole("ADMIN")) {
			throw new AccessDeniedException("Only administrators change the matching weights");
		}
		this.tenancy.requireInstitution(institutionId, "Institution");
	}

	private static Map<String, Object> columns(MatchWeights w) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("a", w.sharedSkillsAndInterests());
		params.put("b", w.availabilityOverlap());
		params.put("c", w.sameDepartment());
		params.put("d", w.goalsAndExpertise());
		params.put("e", w.supportsNewMothers());
		params.put("f", w.remainingCapacity());
		return params;
	}

	static Map<String, Object> state(MatchWeights w) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("sharedSkillsAndInterests", w.sharedSkillsAndInterests());
		state.put("availabilityOverlap", w.availabilityOverlap());
		state.put("sameDepartment", w.sameDepartment());
		state.put("goalsAndExpertise", w.goalsAndExpertise());
		state.put("supportsNewMothers", w.supportsNewMothers());
		state.put("remainingCapacity", w.remainingCapacity());
		return state;
	}

}
