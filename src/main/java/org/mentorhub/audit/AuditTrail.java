package org.mentorhub.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.platform.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit module's API: appends facts to the audit log, in UTC, with the acting user, their
 * institution, the client's IP and user agent. It only ever inserts: the application has no way to
 * change or delete an audit row (QUALITY S12).
 */
@Service
public class AuditTrail {

	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i).*(password|passwd|secret|token|answer|hash|credential|cookie|session).*");

	private static final String REDACTED = "[removed]";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Records a fact done by the signed-in user, in the caller's transaction. */
	@Transactional
	public void record(AuditRecord record) {
		Actor actor = currentActor();
		insert(record, actor == null ? null : actor.id(), actor == null ? null : actor.institutionId(), null);
	}

	/**
	 * Records a fact about an actor who is not (or not yet) signed in, such as a failed sign-in, in a
	 * transaction of its own, so that it stays even when the caller's work is rolled back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFor(AuditRecord record, Long userId, Long institutionId, String actorLabel) {
		insert(record, userId, institutionId, actorLabel);
	}

	private void insert(AuditRecord record, Long userId, Long institutionId, String actorLabel) {
		HttpServletRequest request = currentRequest();
		this.jdbc.sql("""
				INSERT INTO audit_logs (user_id, institution_id, actor_label, action, entity, entity_id,
				                        before_state, after_state, ip, user_agent, created_at)
				VALUES (:user, :institution, :label, :action, :entity, :entityId, :before, :after, :ip, :agent, :at)""")
			.param("user", userId)
			.param("institution", institutionId)
			.param("label", truncate(actorLabel, 100))
			.param("action", truncate(record.action(), 64))
			.param("entity", truncate(record.entity(), 64))
			.param("entityId", truncate(record.entityId(), 64))
			.param("before", toJson(record.before()))
			.param("after", toJson(record.after()))
			.param("ip", request == null ? null : truncate(request.getRemoteAddr(), 45))
			.param("agent", request == null ? null : truncate(request.getHeader("User-Agent"), 500))
			.param("at", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/** The state as JSON with every secret-looking key's value removed, or null. */
	String toJson(Map<String, ?> state) {
		if (state == null) {
			return null;
		}
		return this.json.writeValueAsString(redact(state));
	}

	static Map<String, Object> redact(Map<String, ?> state) {
		Map<String, Object> safe = new LinkedHashMap<>();
		state.forEach((key, value) -> {
			if (SECRET_KEY.matcher(key).matches()) {
				safe.put(key, REDACTED);
			}
			else if (value instanceof Map<?, ?> nested) {
				Map<String, Object> inner = new LinkedHashMap<>();
				nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
				safe.put(key, redact(inner));
			}
			else {
				safe.put(key, value);
			}
		});
		return safe;
	}

	private static Actor currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
