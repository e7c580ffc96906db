package org.mentorhub.identity.browsersessions;

import org.mentorhub.identity.SignedInUser;
import org.mentorhub.identity.UserSessions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.stereotype.Service;

/**
 * The signed-in person's own browser sessions: which are active (created, last used, which one is
 * this one), and ending any of them or all the others. Only the caller's own sessions are ever
 * listed or ended; a reference to anybody else's session is simply not found.
 */
@Service
public class MySessions {

	private final UserSessions sessions;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	MySessions(UserSessions sessions, Tenancy tenancy, AuditTrail audit) {
		this.sessions = sessions;
		this.tenancy = tenancy;
		this.audit = audit;
	}

	/**
	 * One of the caller's sessions.
	 * @param reference a short, non-secret handle (never the session id)
	 * @param current whether it is the session of this request
	 */
	public record MySession(String reference, Instant createdAt, Instant lastUsedAt, boolean current) {
	}

	/**
	 * The caller's active sessions, most recently used first.
	 * @param currentSessionId the id of the session of this request, or null
	 */
	public List<MySession> list(String currentSessionId) {
		String current = currentSessionId == null ? null : UserSessions.reference(currentSessionId);
		return this.sessions.activeSessions(username())
			.stream()
			.map(s -> new MySession(s.reference(), s.createdAt(), s.lastAccessedAt(), s.reference().equals(current)))
			.toList();
	}

	/** Ends one of the caller's sessions (possibly this one); an unknown reference is not found. */
	public void end(String reference) {
		if (reference == null || !reference.matches("[0-9a-f]{16}")
				|| !this.sessions.end(username(), reference)) {
			throw new NotFoundException("Session not found");
		}
		this.audit.record(AuditRecord.change("SESSION_ENDED", "users", this.tenancy.actor().id(), null,
				Map.of("reference", reference)));
	}

	/**
	 * Ends every session of the caller except this one; returns how many ended.
	 * @param currentSessionId the session that stays signed in, or null to end every session
	 */
	public int endOthers(String currentSessionId) {
		int ended = this.sessions.endAll(username(), currentSessionId);
		if (ended > 0) {
			this.audit.record(AuditRecord.change("SESSION_ENDED", "users", this.tenancy.actor().id(), null,
					Map.of("reference", "all others", "count", ended)));
		}
		return ended;
	}

	private String username() {
		if (this.tenancy.actor() instanceof SignedInUser user) {
			return user.getUsername();
		}
		throw new org.springframework.security.access.AccessDeniedException("Only a signed-in person has sessions");
	}

}
