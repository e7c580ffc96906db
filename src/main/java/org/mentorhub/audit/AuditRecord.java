package org.mentorhub.audit;

import java.util.Map;

/**
 * One fact for the audit log: what was done ({@code action}, e.g. {@code USER_DISABLED}) to which
 * record ({@code entity} and {@code entityId}), with the state before and after. Secrets in the
 * states (passwords, tokens, answers, hashes) are removed before anything is stored. A read of a student's
 * education record by someone else names the student as its {@code subjectUserId}: the FERPA disclosure log
 * (docs/privacy.md) is those rows.
 */
public record AuditRecord(String action, String entity, String entityId, Map<String, ?> before,
		Map<String, ?> after, Long subjectUserId) {

	/** A record about no person in particular. */
	public AuditRecord(String action, String entity, String entityId, Map<String, ?> before, Map<String, ?> after) {
		this(action, entity, entityId, before, after, null);
	}

	/** The same record, naming the person whose record was read or changed (the FERPA disclosure log). */
	public AuditRecord about(long subjectUserId) {
		return new AuditRecord(this.action, this.entity, this.entityId, this.before, this.after, subjectUserId);
	}

	/** A record with no before and after state. */
	public static AuditRecord of(String action, String entity, Object entityId) {
		return new AuditRecord(action, entity, entityId == null ? null : String.valueOf(entityId), null, null);
	}

	/** A record of a change from {@code before} to {@code after}. */
	public static AuditRecord change(String action, String entity, Object entityId, Map<String, ?> before,
			Map<String, ?> after) {
		return new AuditRecord(action, entity, entityId == null ? null : String.valueOf(entityId), before, after);
	}

}
