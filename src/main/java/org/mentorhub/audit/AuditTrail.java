package org.mentorhub.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.mentorhub.platform.Actor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

	private static final String INSERT = """
			INSERT INTO audit_logs (user_id, institution_id, actor_label, action, entity, entity_id,
			                        before_state, after_state, ip, user_agent, created_at, subject_user_id)
			VALUES (:user, :institution, :label, :action, :entity, :entityId, :before, :after, :ip, :agent, :at,
			        :subject)""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock) {
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

	/**
	 * Records several facts done by the signed-in user in one batch, in the caller's transaction: for
	 * reads that show many records at once (the notes of a session), one row per record.
	 */
	@Transactional
	public void recordAll(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		Actor actor = currentActor();
		Long userId = actor == null ? null : actor.id();
		Long institutionId = actor == null ? null : actor.institutionId();
		this.jdbc.batchUpdate(INSERT, records.stream()
			.map(record -> params(record, userId, institutionId, null))
			.toArray(SqlParameterSource[]::new));
	}

	private void insert(AuditRecord record, Long userId, Long institutionId, String actorLabel) {
		this.jdbc.update(INSERT, params(record, userId, institutionId, actorLabel));
	}

	private SqlParameterSource params(AuditRecord record, Long userId, Long institutionId, String actorLabel) {
		HttpServletRequest request = currentRequest();
		return new MapSqlParameterSource().addValue("user", userId)
			.addValue("institution", institutionId)
			.addValue("label", truncate(actorLabel, 100))
			.addValue("action", truncate(record.action(), 64))
			.addValue("entity", truncate(record.entity(), 64))
			.addValue("entityId", truncate(record.entityId(), 64))
			.addValue("before", toJson(record.before()))
			.addValue("after", toJson(record.after()))
			.addValue("ip", request == null ? null : truncate(request.getRemoteAddr(), 45))
			.addValue("agent", request == null ? null : truncate(request.getHeader("User-Agent"), 500))
			.addValue("at", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.addValue("subject", record.subjectUserId());
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
