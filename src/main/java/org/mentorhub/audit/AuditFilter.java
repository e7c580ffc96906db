package org.mentorhub.audit;

/**
 * What to look for in the audit log, as typed by a person or sent by an API client; every field is
 * optional and is checked by {@link AuditLog}.
 * @param user an e-mail address, a username or a user id
 * @param entity the kind of record, such as {@code users}
 * @param entityId the record's id
 * @param action what was done, such as {@code USER_INVITED} (case does not matter)
 * @param from the first day (UTC, {@code yyyy-MM-dd}) or moment ({@code yyyy-MM-ddTHH:mm[:ss]}, UTC)
 * @param to the last day or moment, inclusive
 * @param page the page, from 1
 * @param size rows per page, 1 to 100 (25 when null)
 */
public record AuditFilter(String user, String entity, String entityId, String action, String from, String to,
		Integer page, Integer size) {

	/** No filter: the newest rows. */
	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null, null, null);
	}

}
