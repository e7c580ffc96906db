package org.mentorhub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.writer.CsvWriter;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log viewer's service: searches and exports the caller's audit rows. An institution's
 * administrator (permission {@code AUDIT_READ}) sees only their institution's rows; the platform
 * administrator sees only the platform-level rows, those that belong to no institution. Reading is
 * all it does: the log is append-only, and only {@link AuditTrail} writes to it.
 */
@Service
public class AuditLog {

	/** Rows per page in the viewer. */
	public static final int PAGE_SIZE = 25;

	/** The most rows one API page may ask for. */
	public static final int MAX_PAGE_SIZE = 100;

	/** The deepest page one may ask for (25 rows a page: the newest 250,000 rows). */
	public static final int MAX_PAGE = 10_000;

	/** The most rows one CSV export holds. */
	public static final int EXPORT_LIMIT = 100_000;

	/** Rows fetched per query while exporting (keyset pagination: no long-open cursor). */
	static final int EXPORT_BATCH = 1_000;

	private static final Pattern ENTITY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private static final Pattern ACTION = Pattern.compile("[A-Z0-9_]{1,64}");

	private static final Pattern USER_ID = Pattern.compile("[0-9]{1,18}");

	private static final String COLUMNS = "id, user_id, actor_label, action, entity, entity_id, before_state, "
			+ "after_state, ip, user_agent, created_at";

	/**
	 * Newest first. The scope's column leads, though the WHERE clause fixes it: H2 reads an index in order
	 * only for an ORDER BY that is a prefix of the index's columns ({@code ix_audit_logs_institution_created},
	 * descending on H2 since V111), and otherwise sorts every row of the institution (1,250,000 at full
	 * scale: seconds instead of 10 ms, docs/performance.md).
	 */
	private static final String NEWEST_FIRST = " ORDER BY institution_id DESC, created_at DESC, id DESC";

	/**
	 * The viewer's and the export's query: the rows that match, newest first, {@code limit} from {@code offset}.
	 * Public for its plan test on H2 (H2AuditLogPlanTests), which runs the migrations on a database of its own.
	 */
	public static String newestFirst(String where, int limit, long offset) {
		return "SELECT " + COLUMNS + " FROM audit_logs WHERE " + where + NEWEST_FIRST + " LIMIT " + limit
				+ (offset > 0 ? " OFFSET " + offset : "");
	}

	/** The end of a day at the databases' precision (microseconds); LocalTime.MAX would round up to the next day. */
	private static final LocalTime LAST_MICROSECOND = LocalTime.of(23, 59, 59, 999_999_000);

	private static final LocalDateTime EARLIEST = LocalDateTime.of(1970, 1, 1, 0, 0);

	private static final LocalDateTime LATEST = LocalDateTime.of(9999, 12, 31, 0, 0);

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final UserDirectory directory;

	private final AuditTrail trail;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Tenancy tenancy, UserDirectory directory, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.directory = directory;
		this.trail = trail;
		this.clock = clock;
	}

	/** One page of the caller's audit rows that match the filter, newest first. */
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	@Transactional(readOnly = true)
	public AuditPage search(AuditFilter filter) {
		Query query = parse(filter, true);
		Where where = where(query, null);
		List<Row> rows = this.jdbc
			.sql(newestFirst(where.sql(), query.size() + 1, (long) (query.page() - 1) * query.size()))
			.params(where.params())
			.query(AuditLog::row)
			.list();
		boolean hasNext = rows.size() > query.size();
		List<AuditEntry> entries = withEmails(hasNext ? rows.subList(0, query.size()) : rows);
		return new AuditPage(entries, query.page(), query.size(), hasNext);
	}

	/**
	 * Checks the filter and writes the caller's matching rows (newest first, at most
	 * {@link #EXPORT_LIMIT}) as CSV to the writer that {@code open} returns for a file name. The
	 * export itself is audited ({@code AUDIT_EXPORTED}) before the first row is written. Returns the
	 * number of rows written.
	 */
	@PreAuthorize("hasAuthority('AUDIT_READ')")
	public int export(AuditFilter filter, Function<String, Writer> open) {
		Query query = parse(filter, false);
		this.trail.record(AuditRecord.change("AUDIT_EXPORTED", "audit_logs", null, null, describe(query)));
		String fileName = "audit-log-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
			.format(LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)) + ".csv";
		CsvWriter csv = CsvWriter.builder().build(open.apply(fileName));
		csv.writeRecord("created_at_utc", "user_id", "user_email", "actor_label", "action", "entity", "entity_id",
				"ip", "user_agent", "before_state", "after_state");
		int written = 0;
		Row last = null;
		while (written < EXPORT_LIMIT) {
			Where where = where(query, last);
			int batch = Math.min(EXPORT_BATCH, EXPORT_LIMIT - written);
			List<Row> rows = this.jdbc
				.sql(newestFirst(where.sql(), batch, 0))
				.params(where.params())
				.query(AuditLog::row)
				.list();
			for (AuditEntry entry : withEmails(rows)) {
				csv.writeRecord(entry.createdAt().toString(), entry.userId() == null ? "" : entry.userId().toString(),
						cell(entry.userEmail()), cell(entry.actorLabel()), cell(entry.action()), cell(entry.entity()),
						cell(entry.entityId()), cell(entry.ip()), cell(entry.userAgent()), cell(entry.beforeState()),
						cell(entry.afterState()));
			}
			written += rows.size();
			if (rows.size() < batch) {
				break;
			}
			last = rows.get(rows.size() - 1);
		}
		try {
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written;
	}

	/**
	 * A cell as it is safe to open in a spreadsheet: text that a spreadsheet would run as a formula
	 * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP CSV injection).
	 */
	static String cell(String value) {
		return org.mentorhub.platform.CsvText.safeCell(value);
	}

	// ------------------------------------------------------------------ query

	/** The checked filter. {@code userId} -1 stands for "a user that does not exist" (no rows). */
	record Query(Long institutionId, Long userId, String entity, String entityId, String action, LocalDateTime from,
			LocalDateTime to, int page, int size, AuditFilter filter) {
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private record Row(long id, Instant createdAt, Long userId, String actorLabel, String action, String entity,
			String entityId, String ip, String userAgent, String beforeState, String afterState) {
	}

	Query parse(AuditFilter filter, boolean paged) {
		Actor actor = this.tenancy.actor();
		List<FieldProblem> problems = new ArrayList<>();
		Long userId = null;
		String user = blankToNull(filter.user());
		if (user != null) {
			if (user.length() > 320) {
				problems.add(new FieldProblem("user", "Enter an e-mail address, a username or a user id."));
			}
			else if (USER_ID.matcher(user).matches()) {
				userId = Long.parseLong(user);
			}
			else {
				userId = this.directory.findIdByLogin(user).orElse(-1L);
			}
		}
		String entity = blankToNull(filter.entity());
		if (entity != null && !ENTITY.matcher(entity).matches()) {
			problems.add(new FieldProblem("entity",
					"Enter a record kind such as users: letters, digits and _ . : - only, at most 64."));
		}
		String entityId = blankToNull(filter.entityId());
		if (entityId != null && entityId.length() > 64) {
			problems.add(new FieldProblem("entityId", "A record id has at most 64 characters."));
		}
		String action = blankToNull(filter.action());
		if (action != null) {
			action = action.toUpperCase(Locale.ROOT);
			if (!ACTION.matcher(action).matches()) {
				problems.add(new FieldProblem("action",
						"Enter an action such as USER_INVITED: letters, digits and _ only, at most 64."));
			}
		}
		LocalDateTime from = moment(filter.from(), false, "from", problems);
		LocalDateTime to = moment(filter.to(), true, "to", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(new FieldProblem("to", "The end of the date range is before its start."));
		}
		int page = filter.page() == null ? 1 : filter.page();
		int size = filter.size() == null ? PAGE_SIZE : filter.size();
		if (paged && (page < 1 || page > MAX_PAGE)) {
			problems.add(new FieldProblem("page", "Choose a page from 1 to " + MAX_PAGE + "."));
		}
		if (paged && (size < 1 || size > MAX_PAGE_SIZE)) {
			problems.add(new FieldProblem("size", "Choose a page size from 1 to " + MAX_PAGE_SIZE + "."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Query(actor.institutionId(), userId, entity, entityId, action, from, to, page, size, filter);
	}

	/**
	 * A date ({@code yyyy-MM-dd}, the whole day in UTC) or a moment ({@code yyyy-MM-ddTHH:mm[:ss]} in
	 * UTC, or with an offset); null when blank.
	 */
	private static LocalDateTime moment(String text, boolean endOfDay, String field, List<FieldProblem> problems) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		LocalDateTime moment = null;
		if (value.length() <= 40) {
			try {
				LocalDate date = LocalDate.parse(value);
				moment = endOfDay ? date.atTime(LAST_MICROSECOND) : date.atStartOfDay();
			}
			catch (DateTimeException notADate) {
				try {
					moment = LocalDateTime.parse(value);
				}
				catch (DateTimeException notALocalTime) {
					try {
						moment = OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
					}
					catch (DateTimeException notAnInstant) {
						moment = null;
					}
				}
			}
		}
		if (moment == null || moment.isBefore(EARLIEST) || moment.isAfter(LATEST)) {
			problems.add(new FieldProblem(field,
					"Enter a date as yyyy-MM-dd or a time as yyyy-MM-ddTHH:mm (UTC), between 1970 and 9999."));
			return null;
		}
		return moment;
	}

	/** The WHERE clause: the caller's scope, the filter and, when exporting, the keyset position. */
	private static Where where(Query query, Row after) {
		StringBuilder sql = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.institutionId() == null) {
			sql.append("institution_id IS NULL");
		}
		else {
			sql.append("institution_id = :institution");
			params.put("institution", query.institutionId());
		}
		if (query.userId() != null) {
			sql.append(" AND user_id = :user");
			params.put("user", query.userId());
		}
		if (query.entity() != null) {
			sql.append(" AND entity = :entity");
			params.put("entity", query.entity());
		}
		if (query.entityId() != null) {
			sql.append(" AND entity_id = :entityId");
			params.put("entityId", query.entityId());
		}
		if (query.action() != null) {
			sql.append(" AND action = :action");
			params.put("action", query.action());
		}
		if (query.from() != null) {
			sql.append(" AND created_at >= :from");
			params.put("from", query.from());
		}
		if (query.to() != null) {
			sql.append(" AND created_at <= :to");
			params.put("to", query.to());
		}
		if (after != null) {
			// The first condition bounds the index range, so a later batch starts where the last one ended.
			sql.append(" AND created_at <= :afterAt AND (created_at < :afterAt OR id < :afterId)");
			params.put("afterAt", LocalDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
			params.put("afterId", after.id());
		}
		return new Where(sql.toString(), params);
	}

	/** The filter as the AUDIT_EXPORTED row records it. */
	private static Map<String, Object> describe(Query query) {
		Map<String, Object> state = new LinkedHashMap<>();
		AuditFilter filter = query.filter();
		putIfPresent(state, "user", filter.user());
		putIfPresent(state, "entity", query.entity());
		putIfPresent(state, "entityId", query.entityId());
		putIfPresent(state, "action", query.action());
		putIfPresent(state, "from", query.from() == null ? null : query.from().toString());
		putIfPresent(state, "to", query.to() == null ? null : query.to().toString());
		state.put("limit", EXPORT_LIMIT);
		return state;
	}

	private static void putIfPresent(Map<String, Object> state, String key, String value) {
		String text = blankToNull(value);
		if (text != null) {
			state.put(key, text);
		}
	}

	private List<AuditEntry> withEmails(List<Row> rows) {
		Set<Long> ids = new HashSet<>();
		rows.forEach(row -> {
			if (row.userId() != null) {
				ids.add(row.userId());
			}
		});
		Map<Long, String> emails = ids.isEmpty() ? Map.of() : this.directory.emailsOf(ids);
		return rows.stream()
			.map(row -> new AuditEntry(row.id(), row.createdAt(), row.userId(),
					row.userId() == null ? null : emails.get(row.userId()), row.actorLabel(), row.action(),
					row.entity(), row.entityId(), row.ip(), row.userAgent(), row.beforeState(), row.afterState()))
			.toList();
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		long userId = rs.getLong("user_id");
		Long user = rs.wasNull() ? null : userId;
		LocalDateTime createdAt = rs.getObject("created_at", LocalDateTime.class);
		return new Row(rs.getLong("id"), createdAt.toInstant(ZoneOffset.UTC), user, rs.getString("actor_label"),
				rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"), rs.getString("ip"),
				rs.getString("user_agent"), rs.getString("before_state"), rs.getString("after_state"));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
