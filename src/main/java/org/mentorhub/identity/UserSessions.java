package org.mentorhub.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The signed-in browser sessions of a user, kept in the database by Spring Session so that every
 * instance sees them. Ending them signs the user out everywhere at once (QUALITY S6), as a
 * password reset, a deactivation or "sign out everywhere" must.
 */
@Service
public class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** One active session: its id is never shown, only a short, non-secret reference. */
	public record ActiveSession(String reference, java.time.Instant createdAt, java.time.Instant lastAccessedAt) {
	}

	/** The user's active sessions, most recently used first. */
	public List<ActiveSession> activeSessions(String username) {
		return byId(username).entrySet()
			.stream()
			.map(entry -> new ActiveSession(reference(entry.getKey()), entry.getValue().getCreationTime(),
					entry.getValue().getLastAccessedTime()))
			.sorted(Comparator.comparing(ActiveSession::lastAccessedAt).reversed())
			.toList();
	}

	/** Ends one of the user's sessions, named by its reference; returns whether it existed. */
	public boolean end(String username, String reference) {
		for (String id : byId(username).keySet()) {
			if (reference(id).equals(reference)) {
				this.sessions.deleteById(id);
				return true;
			}
		}
		return false;
	}

	/** Ends every session of the user except {@code keepSessionId} (may be null); returns how many. */
	public int endAll(String username, String keepSessionId) {
		int ended = 0;
		for (String id : byId(username).keySet()) {
			if (!id.equals(keepSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	private Map<String, ? extends Session> byId(String username) {
		return this.sessions.findByPrincipalName(username);
	}

	/** A stable, non-secret handle for a session: a hash prefix of its id. */
	public static String reference(String sessionId) {
		return TokenHashing.sha256Hex(sessionId).substring(0, 16);
	}

}
