package org.mentorhub.privacy.erasure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each institution's legal hold of academic records: whether erasure keeps a person's education record
 * (the student record: programme, GPA, attendance, risk), as laws such as FERPA or a national archive law
 * may require, and why. On by default (an institution that has not decided keeps them). The person is
 * told before they ask and again when the erasure is done.
 */
@Service
public class LegalHolds {

	static final int MAX_REASON = 1000;

	/**
	 * An institution's hold.
	 * @param keepAcademicRecords whether erasure keeps the education record
	 * @param reason why, in the institution's words (null: the default wording)
	 */
	public record Hold(boolean keepAcademicRecords, String reason) {
	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	LegalHolds(JdbcClient jdbc, Tenancy tenancy, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/** The institution's hold (on, with the default wording, when it never decided). */
	@Transactional(readOnly = true)
	public Hold of(long institutionId) {
		return this.jdbc.sql("SELECT keep_academic_records, reason FROM privacy_legal_holds WHERE institution_id = :id")
			.param("id", institutionId)
			.query((rs, n) -> new Hold(rs.getBoolean(1), rs.getString(2)))
			.optional()
			.orElse(new Hold(true, null));
	}

	/** The hold of the administrator's own institution. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public Hold mine() {
		return of(this.tenancy.institutionId());
	}

	/** Changes the hold of the administrator's institution; the reason is at most 1,000 characters. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public Hold change(boolean keepAcademicRecords, String reason) {
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "The reason is at most " + MAX_REASON + " characters.");
		}
		long institutionId = this.tenancy.institutionId();
		Hold before = of(institutionId);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("id", institutionId);
		params.put("keep", keepAcademicRecords);
		params.put("reason", why);
		params.put("by", this.tenancy.actor().id());
		params.put("now", ErasureStore.utc(this.clock.instant()));
		int updated = this.jdbc.sql("""
				UPDATE privacy_legal_holds SET keep_academic_records = :keep, reason = :reason, updated_by_id = :by,
				  updated_at = :now WHERE institution_id = :id""").params(params).update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO privacy_legal_holds (institution_id, keep_academic_records, reason, updated_by_id, updated_at)
					VALUES (:id, :keep, :reason, :by, :now)""").params(params).update();
		}
		Hold after = new Hold(keepAcademicRecords, why);
		this.audit.record(AuditRecord.change("PRIVACY_LEGAL_HOLD_CHANGED", "privacy_legal_holds", institutionId,
				auditable(before), auditable(after)));
		return after;
	}

	private static Map<String, Object> auditable(Hold hold) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("keepAcademicRecords", hold.keepAcademicRecords());
		state.put("reason", hold.reason());
		return state;
	}

}
