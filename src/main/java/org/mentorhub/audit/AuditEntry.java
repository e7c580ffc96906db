package org.mentorhub.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One row of the audit log as the viewer shows it.
 * @param userEmail the acting user's e-mail address, if the user still exists
 * @param actorLabel who acted when there is no user (e.g. the login typed at a failed sign-in)
 * @param beforeState the state before, as JSON with secrets removed, or null
 * @param afterState the state after, as JSON with secrets removed, or null
 */
public record AuditEntry(long id, Instant createdAt, Long userId, String userEmail, String actorLabel, String action,
		String entity, String entityId, String ip, String userAgent, String beforeState, String afterState) {

	/** The time in UTC, for display. */
	public LocalDateTime createdAtUtc() {
		return LocalDateTime.ofInstant(this.createdAt, ZoneOffset.UTC);
	}

	/** Who acted, as shown: the e-mail address, the label, the user id or nothing. */
	public String actor() {
		if (this.userEmail != null) {
			return this.userEmail;
		}
		if (this.actorLabel != null) {
			return this.actorLabel;
		}
		return this.userId == null ? "" : "#" + this.userId;
	}

}
