package org.mentorhub.audit;

import java.util.Map;

/**
 * One fact for the audit log: what was done ({@code action}, e.g. {@code USER_DISABLED}) to which
 * record ({@code entity} and {@code entityId}), with the state before and after. Secrets in the
 * states (passwords, tokens, answers, hashes) are removed before anything is stored.
 */
public record AuditRecord(String action, String entity, String entityId, Map<String, ?> before,
		Map<String, ?> after) {

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
