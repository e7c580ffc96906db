package org.mentorhub.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.Person;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Paged;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert module's API: alerts about students as cases that close the loop. A mentor raises one about
 * an active mentee, a coordinator about a student of their department, an administrator about one of
 * their institution ({@link #raise}); a source such as a rule calls {@link #raiseOrUpdate}, which never
 * opens a second case for the same student and source. A case moves by {@link #transition} along
 * {@link AlertStatus#TRANSITIONS} (409 otherwise), naming the version read (409 when stale); each move
 * writes {@code alert_events} and publishes {@link AlertStatusChanged} (and {@link AlertClosed} when it
 * closes). The managers triage their {@link #queue}, reassign and act in bulk (all or nothing), and
 * export the queue as CSV; owners work their {@link #myCases}.
 * <p>
 * Who sees what is {@link AlertAccess}'s. Every alert shown to staff who are not its student is audited
 * as {@code ALERT_READ} (entity {@code alerts}), one row per alert, as the profile's risk data is; an
 * export as {@code ALERTS_EXPORTED}.
 */
@Service
public class Alerts {

	/** The longest message, outcome note or reason. */
	public static final int MAX_TEXT = 2_000;

	/** The largest page of a list. */
	public static final int MAX_PAGE_SIZE = 100;

	/** The most alerts one bulk action takes. */
	public static final int MAX_BULK = 100;

	/** The most rows one CSV export holds. */
	public static final int EXPORT_LIMIT = 100_000;

	static final String ALERT_READ = "ALERT_READ";

	static final String ALERTS_EXPORTED = "ALERTS_EXPORTED";

	/** Somebody to choose in a form: a student to raise an alert about, or an owner. */
	public record PersonChoice(long id, String fullName) {
	}

	/**
	 * What the queue is filtered by; each part may be null or blank (all). {@code status}: a status, or
	 * {@code open} (the default: open, acknowledged and in progress) or {@code all}; {@code owner}: a
	 * person's id or {@code none} (unassigned); {@code minAgeDays}: raised at least that many days ago.
	 */
	public record Filter(String severity, String category, String status, String owner, Long departmentId,
			Integer minAgeDays) {

		public static final Filter NONE = new Filter(null, null, null, null, null, null);

	}

	/** One page of alerts. */
	public record AlertPage(List<AlertView> items, long total, int page, int size) implements Paged {
	}

	/** What a bulk action did: every alert it names, and nothing else. */
	public record BulkResult(String action, int count, List<Long> alertIds, Long ownerId) {

		BulkResult(String action, List<Long> alertIds, Long ownerId) {
			this(action, alertIds.size(), alertIds, ownerId);
		}

	}

	private static final String COLUMNS = """
			a.id, a.institution_id, a.student_id, sp.full_name AS student_name, sp.department_id, a.severity,
			a.category, a.message, a.source_ref, a.status, a.raised_by_id, rp.full_name AS raised_by_name, a.owner_id,
			op.full_name AS owner_name, a.resolution_note, a.visible_to_student, a.acknowledged_at, a.escalated_at,
			a.closed_at, a.closed_by_id, a.created_at, a.updated_at, a.version""";

	/** The names shown with an alert: its student's, its raiser's and its owner's. */
	private static final String NAMES = """
			 JOIN identity_people sp ON sp.id = a.student_id
			LEFT JOIN identity_people rp ON rp.id = a.raised_by_id
			LEFT JOIN identity_people op ON op.id = a.owner_id""";

	private static final String FROM = " FROM alerts a" + NAMES;

	/** A filter that reads the student's row (their department), not the alert's alone. */
	private static final Pattern READS_STUDENT = Pattern.compile("\\bsp\\.");

	/**
	 * Where a list finds its rows: the alerts alone, joined to the student's row only when the filter reads
	 * their department. The names are joined to the page's rows only ({@link #pageOf}): joined before the
	 * page was cut, PostgreSQL merged the institution's open alerts with every person of the institution (the
	 * administrator's queue at full scale, count and page: 23 + 69 ms by EXPLAIN ANALYZE, 0.1 + 0.6 ms after).
	 */
	private static String rowsOf(String where) {
		return (READS_STUDENT.matcher(where).find() ? " FROM alerts a JOIN identity_people sp ON sp.id = a.student_id"
				: " FROM alerts a") + " WHERE " + where;
	}

	private static String countOf(String where) {
		return "SELECT COUNT(*)" + rowsOf(where);
	}

	/** One page of the alerts the filter finds, most urgent first, with the names shown. */
	private static String pageOf(String where) {
		return "SELECT " + COLUMNS + " FROM (SELECT a.*" + rowsOf(where) + URGENCY + " LIMIT :limit OFFSET :offset) a"
				+ NAMES + URGENCY;
	}

	/** Most urgent first: the severest, then the oldest. */
	private static final String URGENCY = " ORDER BY CASE a.severity WHEN 'CRITICAL' THEN 0 WHEN 'WARN' THEN 1 ELSE 2 END,"
			+ " a.created_at, a.id";

	private final JdbcClient jdbc;

	private final AlertAccess access;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Organizations organizations;

	Alerts(JdbcClient jdbc, AlertAccess access, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			Organizations organizations) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ raising

	/**
	 * Raises an alert by hand about a student in the caller's reach (404 otherwise): severity, category
	 * and a plain-text message are required; the student sees it only when {@code visibleToStudent}.
	 * Its owner is the student's active mentor, else their department's coordinator, else nobody.
	 */
	@Transactional
	public AlertView raise(AlertInput input) {
		AlertAccess.Reader reader = this.access.reader();
		AlertInput in = input == null ? new AlertInput(null, null, null, null, null) : input;
		Person student = this.access.raisable(reader, in.studentId());
		List<FieldProblem> problems = new ArrayList<>();
		AlertSeverity severity = blank(in.severity()) ? problem(problems, "severity", "Choose a severity.")
				: AlertSeverity.of(in.severity())
					.orElseGet(() -> problem(problems, "severity", "Unknown severity: choose INFO, WARN or CRITICAL."));
		AlertCategory category = blank(in.category()) ? problem(problems, "category", "Choose a category.")
				: AlertCategory.of(in.category()).orElseGet(() -> problem(problems, "category", "Unknown category."));
		String message = text(in.message(), "message", "Write what the alert is about.", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Long owner = this.access.defaultOwners(List.of(student)).get(student.id());
		long id = insert(student, severity, category, message, null, reader.id(), owner,
				Boolean.TRUE.equals(in.visibleToStudent()), "Raised by hand.");
		return find(id, reader).orElseThrow();
	}

	/**
	 * For a source such as a rule ({@link AlertRuleSweep}): opens an alert about the student, owned
	 * like one raised by hand, or updates the open alert of the same student and source (its message and
	 * severity, with a note in its history; nothing when it already says the same) instead of opening a second one. Runs without a signed-in
	 * caller; the source decides who is flagged. Returns the alert's id.
	 */
	@Transactional
	public long raiseOrUpdate(AlertSignal signal) {
		return raiseOrUpdate(signal, null);
	}

	/** As {@link #raiseOrUpdate(AlertSignal)}, owned by {@code owner} when it opens (null: the default owner). */
	@Transactional
	long raiseOrUpdate(AlertSignal signal, Long ownerOverride) {
		if (signal.sourceRef() == null || signal.sourceRef().isBlank() || signal.sourceRef().length() > 200) {
			throw new IllegalArgumentException("A signal names its source (at most 200 characters)");
		}
		String message = signal.message().length() > MAX_TEXT ? signal.message().substring(0, MAX_TEXT)
				: signal.message();
		Optional<Long> open = openAlertOf(signal.studentId(), signal.sourceRef());
		if (open.isPresent()) {
			update(open.get(), signal, message);
			return open.get();
		}
		Person student = this.access.people().find(signal.studentId())
			.orElseThrow(() -> new NotFoundException("Student not found"));
		Long owner = ownerOverride != null ? ownerOverride
				: this.access.defaultOwners(List.of(student)).get(student.id());
		try {
			return insert(student, signal.severity(), signal.category(), message, signal.sourceRef(),
					signal.raisedById(), owner, false, "Raised by " + signal.sourceRef() + ".");
		}
		catch (DuplicateKeyException ex) {
			// Another run opened it at the same moment: that one stands, and this signal updates it.
			long id = openAlertOf(signal.studentId(), signal.sourceRef()).orElseThrow(() -> ex);
			update(id, signal, message);
			return id;
		}
	}

	private Optional<Long> openAlertOf(long studentId, String sourceRef) {
		return this.jdbc.sql("SELECT id FROM alerts WHERE student_id = :s AND open_key = :k")
			.param("s", studentId)
			.param("k", sourceRef)
			.query(Long.class)
			.optional();
	}

	private void update(long id, AlertSignal signal, String message) {
		Instant now = this.clock.instant();
		Map<String, Object> current = this.jdbc
			.sql("SELECT status, message, severity, rule_recovered_at FROM alerts WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
		String status = (String) current.get("status");
		if (message.equals(current.get("message")) && signal.severity().name().equals(current.get("severity"))
				&& current.get("rule_recovered_at") == null) {
			// The source says again what the case already says (a re-run, or two runs at once): nothing to write.
			return;
		}
		this.jdbc.sql("""
				UPDATE alerts SET message = :message, severity = :severity, rule_recovered_at = NULL, updated_at = :now,
				    version = version + 1
				WHERE id = :id""")
			.param("message", message)
			.param("severity", signal.severity().name())
			.param("now", utc(now))
			.param("id", id)
			.update();
		event(id, signal.raisedById(), status, status, "Updated by " + signal.sourceRef() + ": " + message, now);
	}

	private long insert(Person student, AlertSeverity severity, AlertCategory category, String message,
			String sourceRef, Long raisedBy, Long owner, boolean visibleToStudent, String note) {
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO alerts (institution_id, student_id, severity, category, message, source_ref, open_key, status,
				                    raised_by_id, owner_id, visible_to_student, created_at, updated_at, version)
				VALUES (:inst, :student, :severity, :category, :message, :source, :source, 'OPEN', :raisedBy, :owner,
				        :visible, :now, :now, 0)""")
			.param("inst", student.institutionId())
			.param("student", student.id())
			.param("severity", severity.name())
			.param("category", category.name())
			.param("message", message)
			.param("source", sourceRef)
			.param("raisedBy", raisedBy)
			.param("owner", owner)
			.param("visible", visibleToStudent)
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		event(id, raisedBy, null, AlertStatus.OPEN.name(), note, now);
		this.events.publishEvent(new AlertRaised(id, student.institutionId(), student.id(), severity, category,
				sourceRef, raisedBy, owner, visibleToStudent, now));
		if (owner != null && !owner.equals(raisedBy)) {
			this.events.publishEvent(new AlertAssigned(id, student.id(), severity, category, owner, raisedBy, now));
		}
		return id;
	}

	/** The students the caller may raise an alert about, by name. */
	@Transactional(readOnly = true)
	public List<PersonChoice> studentChoices() {
		return this.access.studentChoices(this.access.reader());
	}

	/** The people a case of the caller's scope may be assigned to (empty for anybody but the managers). */
	@Transactional(readOnly = true)
	public List<PersonChoice> ownerChoices() {
		return this.access.ownerChoices(this.access.reader());
	}

	/** The departments an administrator's queue may be filtered by (none for anybody else). */
	@Transactional(readOnly = true)
	public List<DepartmentSummary> departments() {
		AlertAccess.Reader reader = this.access.reader();
		return reader.admin() && reader.institutionId() != null ? this.organizations.departmentsOf(reader.institutionId())
				: List.of();
	}

	/** Whether the caller may raise alerts at all (a mentor, coordinator or administrator of an institution). */
	@Transactional(readOnly = true)
	public boolean raises() {
		AlertAccess.Reader reader = this.access.reader();
		return reader.institutionId() != null && (reader.manager() || reader.mentor());
	}

	/** Whether the caller triages alerts (a coordinator with a department, or an administrator). */
	@Transactional(readOnly = true)
	public boolean triages() {
		return this.access.reader().manager();
	}

	// ------------------------------------------------------------------ reading

	/**
	 * One alert with its history, if the caller may see it (audited when the caller is not its student). Its
	 * student sees the moves and the outcome, without the working notes.
	 */
	@Transactional
	public AlertDetails get(long id) {
		AlertAccess.Reader reader = this.access.reader();
		AlertView alert = visible(reader, id);
		auditReads(reader, List.of(alert));
		List<AlertEventView> history = history(alert);
		if (alert.studentId() == reader.id()) {
			// The student sees how the case moved and its outcome, not the staff's working notes.
			history = history.stream()
				.map(e -> e.toStatus().closed() && e.fromStatus() != e.toStatus() ? e
						: new AlertEventView(e.id(), e.actorId(), e.actorName(), e.fromStatus(), e.toStatus(), null,
								e.createdAt()))
				.toList();
		}
		return new AlertDetails(alert, history);
	}

	/** An alert's history, oldest first, if the caller may see the alert (audited like {@link #get}). */
	@Transactional
	public List<AlertEventView> history(long id) {
		return get(id).history();
	}

	/**
	 * The triage queue of a coordinator (their department's students) or an administrator (their
	 * institution's), filtered, most urgent first (severity, then age); 403 for anybody else, 400 for an
	 * unknown filter value.
	 */
	@Transactional
	public AlertPage queue(Filter filter, int page, int size) {
		AlertAccess.Reader reader = requireManager();
		Map<String, Object> params = new LinkedHashMap<>();
		String where = queueWhere(reader, filter, params);
		pageSize(page, size);
		long total = this.jdbc.sql(countOf(where)).params(params).query(Long.class)
			.single();
		List<AlertView> items = total == 0 ? List.of()
				: this.jdbc.sql(pageOf(where))
					.params(params)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, i) -> view(rs, reader))
					.list();
		auditReads(reader, items);
		return new AlertPage(items, total, page, size);
	}

	/**
	 * The caller's cases, most urgent first: the alerts they own or raised and, for a mentor, those about
	 * their active mentees; for a student, only the alerts about them that are flagged visible to them.
	 * Open cases unless {@code closed}.
	 */
	@Transactional
	public AlertPage myCases(boolean closed, int page, int size) {
		AlertAccess.Reader reader = this.access.reader();
		pageSize(page, size);
		String where = "(a.owner_id = :me OR a.raised_by_id = :me OR (a.student_id = :me AND a.visible_to_student = :yes)"
				+ (reader.mentor() ? " OR EXISTS (SELECT 1 FROM mentorship_pairs mp WHERE mp.mentor_id = :me"
						+ " AND mp.mentee_id = a.student_id AND mp.status = 'ACTIVE')" : "")
				+ ") AND a.status " + (closed ? "IN ('RESOLVED', 'DISMISSED')" : "IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')");
		long total = this.jdbc.sql(countOf(where))
			.param("me", reader.id())
			.param("yes", true)
			.query(Long.class)
			.single();
		List<AlertView> items = total == 0 ? List.of()
				: this.jdbc.sql(pageOf(where))
					.param("me", reader.id())
					.param("yes", true)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, i) -> view(rs, reader))
					.list();
		auditReads(reader, items);
		return new AlertPage(items, total, page, size);
	}

	/**
	 * Writes the filtered queue (most urgent first, at most {@link #EXPORT_LIMIT} rows) as CSV to the
	 * writer that {@code open} returns for a file name; cells a spreadsheet would run as a formula get a
	 * leading apostrophe. Audited as {@code ALERTS_EXPORTED} (with the filter) before the first row.
	 */
	@Transactional
	public int export(Filter filter, Function<String, Writer> open) {
		AlertAccess.Reader reader = requireManager();
		Map<String, Object> params = new LinkedHashMap<>();
		String where = queueWhere(reader, filter, params);
		Map<String, Object> described = new LinkedHashMap<>();
		Filter f = filter == null ? Filter.NONE : filter;
		described.put("severity", f.severity());
		described.put("category", f.category());
		described.put("status", f.status());
		described.put("owner", f.owner());
		described.put("departmentId", f.departmentId());
		described.put("minAgeDays", f.minAgeDays());
		this.audit.record(AuditRecord.change(ALERTS_EXPORTED, "alerts", null, null, described));
		String fileName = "alerts-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
			.format(LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)) + ".csv";
		CsvWriter csv = CsvWriter.builder().build(open.apply(fileName));
		csv.writeRecord("id", "student_id", "student", "department_id", "severity", "category", "status", "message",
				"source", "raised_by", "owner", "created_at_utc", "acknowledged_at_utc", "escalated_at_utc",
				"closed_at_utc", "outcome");
		int[] written = { 0 };
		try (var rows = this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where + URGENCY + " LIMIT " + EXPORT_LIMIT)
			.params(params)
			.withFetchSize(500)
			.query((rs, i) -> view(rs, reader))
			.stream()) {
			rows.forEach(a -> {
				csv.writeRecord(String.valueOf(a.id()), String.valueOf(a.studentId()), cell(a.studentName()),
						a.departmentId() == null ? "" : a.departmentId().toString(), a.severity().name(),
						a.category().name(), a.status().name(), cell(a.message()), cell(a.sourceRef()),
						cell(a.raisedByName()), cell(a.ownerName()), instant(a.createdAt()), instant(a.acknowledgedAt()),
						instant(a.escalatedAt()), instant(a.closedAt()), cell(a.resolutionNote()));
				written[0]++;
			});
		}
		try {
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written[0];
	}

	// ------------------------------------------------------------------ changing

	/**
	 * Moves a case: for its owner and the managers of its student (403 for others who may see it, 404 for
	 * the rest). RESOLVE needs an outcome note and DISMISS a reason (400); an action the status does not
	 * allow is 409 with what is allowed; a stale version is 409.
	 */
	@Transactional
	public AlertView transition(long id, String action, String note, Long version) {
		AlertAccess.Reader reader = this.access.reader();
		AlertView alert = visible(reader, id);
		Person student = this.access.people().find(alert.studentId()).orElseThrow();
		if (!AlertAccess.mayMove(reader, alert, student)) {
			throw new AccessDeniedException("Only the alert's owner and its student's coordinators and administrators move it.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		AlertStatus.Action act = blank(action) ? problem(problems, "action", "Choose what to do.")
				: AlertStatus.Action.of(action).orElseGet(() -> problem(problems, "action",
						"Unknown action: choose ACKNOWLEDGE, START, RESOLVE, DISMISS or REOPEN."));
		String text = blank(note) ? null : note.strip();
		if (text != null && text.length() > MAX_TEXT) {
			problems.add(new FieldProblem("note", "A note is at most " + MAX_TEXT + " characters."));
		}
		if (act != null && act.needsNote() && text == null) {
			problems.add(new FieldProblem("note", act == AlertStatus.Action.RESOLVE
					? "Write the outcome: how was it resolved?" : "Write why the alert is dismissed."));
		}
		version(version, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		AlertStatus next = alert.status().after(act);
		move(alert, act, next, text, version, reader.id());
		return find(id, reader).orElseThrow();
	}

	/**
	 * For a rule whose data recovered (the GPA is back above its threshold): with {@code resolve}, resolves
	 * the open alert with the note as its outcome, as nobody (publishes {@link AlertClosed} with no closer,
	 * so whoever switched the rule on hears of it); otherwise adds the note to its history once, however
	 * often the rule sees the recovery, until the rule flags the student again. Returns whether anything
	 * changed.
	 */
	@Transactional
	boolean ruleRecovered(long id, String note, boolean resolve) {
		AlertView alert = find(id, new AlertAccess.Reader(0L, null, null, false, false, false)).orElse(null);
		if (alert == null || alert.status().closed()) {
			return false;
		}
		if (resolve) {
			try {
				move(alert, AlertStatus.Action.RESOLVE, AlertStatus.RESOLVED, note, alert.version(), null);
				return true;
			}
			catch (OptimisticLockingFailureException ex) {
				// Somebody moved it meanwhile: their move stands; the next run looks again.
				return false;
			}
		}
		Instant now = this.clock.instant();
		int marked = this.jdbc.sql("UPDATE alerts SET rule_recovered_at = :now WHERE id = :id AND rule_recovered_at IS NULL")
			.param("now", utc(now))
			.param("id", id)
			.update();
		if (marked == 1) {
			event(id, null, alert.status().name(), alert.status().name(), note, now);
		}
		return marked == 1;
	}

	private void move(AlertView alert, AlertStatus.Action action, AlertStatus next, String note, Long version,
			Long actorId) {
		Instant now = this.clock.instant();
		String set;
		if (next.closed()) {
			set = "closed_at = :now, closed_by_id = :me, resolution_note = :note, open_key = NULL";
		}
		else if (action == AlertStatus.Action.REOPEN) {
			set = "closed_at = NULL, closed_by_id = NULL, open_key = source_ref, escalated_at = NULL, acknowledged_at = NULL";
		}
		else {
			set = "acknowledged_at = COALESCE(acknowledged_at, :now)";
		}
		int changed;
		try {
			changed = this.jdbc.sql("UPDATE alerts SET status = :status, updated_at = :now, version = version + 1, " + set
					+ " WHERE id = :id AND version = :version AND status = :from")
				.param("status", next.name())
				.param("now", utc(now))
				.param("me", actorId)
				.param("note", note)
				.param("id", alert.id())
				.param("version", version)
				.param("from", alert.status().name())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new StateTransitionException(
					"The student has another open alert from the same source; work on that one instead.");
		}
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale alert " + alert.id());
		}
		event(alert.id(), actorId, alert.status().name(), next.name(), note, now);
		this.events.publishEvent(new AlertStatusChanged(alert.id(), alert.studentId(), alert.status(), next, actorId, now));
		if (next.closed()) {
			this.events.publishEvent(new AlertClosed(alert.id(), alert.studentId(), alert.severity(), alert.category(),
					next, note, alert.raisedById(), alert.ownerId(), actorId, now));
		}
	}

	/**
	 * Gives a case another owner: for the managers of its student (403 for others who may see it, 404 for
	 * the rest). The owner is an active mentor, coordinator or administrator of the institution (400);
	 * a stale version is 409. Publishes {@link AlertAssigned}.
	 */
	@Transactional
	public AlertView assign(long id, Long ownerId, Long version) {
		AlertAccess.Reader reader = this.access.reader();
		AlertView alert = visible(reader, id);
		Person student = this.access.people().find(alert.studentId()).orElseThrow();
		if (!reader.manages(student.institutionId(), student.departmentId())) {
			throw new AccessDeniedException("Only the student's coordinators and administrators reassign an alert.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Person owner = owner(student.institutionId(), ownerId, problems);
		version(version, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("""
				UPDATE alerts SET owner_id = :owner, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("owner", owner.id())
			.param("now", utc(now))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale alert " + id);
		}
		assigned(alert, owner, reader.id(), now);
		return find(id, reader).orElseThrow();
	}

	/**
	 * Assigns every named alert to one owner, or none of them: each must be in the caller's queue (404
	 * naming the first that is not) and the owner must be able to own them (400).
	 */
	@Transactional
	public BulkResult bulkAssign(List<Long> ids, Long ownerId) {
		AlertAccess.Reader reader = requireManager();
		List<AlertView> alerts = bulk(reader, ids);
		List<FieldProblem> problems = new ArrayList<>();
		Person owner = owner(reader.institutionId(), ownerId, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		for (AlertView alert : alerts) {
			this.jdbc.sql("UPDATE alerts SET owner_id = :owner, updated_at = :now, version = version + 1 WHERE id = :id")
				.param("owner", owner.id())
				.param("now", utc(now))
				.param("id", alert.id())
				.update();
			assigned(alert, owner, reader.id(), now);
		}
		return new BulkResult("ASSIGN", alerts.stream().map(AlertView::id).toList(), owner.id());
	}

	/**
	 * Acknowledges every named alert, or none of them: each must be in the caller's queue (404 naming the
	 * first that is not) and OPEN (409 naming those that are not).
	 */
	@Transactional
	public BulkResult bulkAcknowledge(List<Long> ids) {
		AlertAccess.Reader reader = requireManager();
		List<AlertView> alerts = bulk(reader, ids);
		List<Long> notOpen = alerts.stream().filter(a -> a.status() != AlertStatus.OPEN).map(AlertView::id).toList();
		if (!notOpen.isEmpty()) {
			throw new StateTransitionException("Only open alerts can be acknowledged; not open: " + notOpen
					+ ". Nothing was acknowledged.");
		}
		for (AlertView alert : alerts) {
			move(alert, AlertStatus.Action.ACKNOWLEDGE, AlertStatus.ACKNOWLEDGED, null, alert.version(), reader.id());
		}
		return new BulkResult("ACKNOWLEDGE", alerts.stream().map(AlertView::id).toList(), null);
	}

	private List<AlertView> bulk(AlertAccess.Reader reader, List<Long> ids) {
		Set<Long> distinct = ids == null ? Set.of() : new LinkedHashSet<>(ids.stream().filter(java.util.Objects::nonNull).toList());
		if (distinct.isEmpty()) {
			throw new InvalidInputException("ids", "Choose at least one alert.");
		}
		if (distinct.size() > MAX_BULK) {
			throw new InvalidInputException("ids", "Choose at most " + MAX_BULK + " alerts at once.");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String scope = scope(reader, params);
		Map<Long, AlertView> found = new LinkedHashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.id IN (:ids) AND " + scope + " ORDER BY a.id")
			.params(params)
			.param("ids", List.copyOf(distinct))
			.query((rs, i) -> view(rs, reader))
			.list()
			.forEach(a -> found.put(a.id(), a));
		for (Long id : distinct) {
			if (!found.containsKey(id)) {
				throw new NotFoundException("Alert " + id + " not found");
			}
		}
		return distinct.stream().map(found::get).toList();
	}

	private void assigned(AlertView alert, Person owner, long actorId, Instant now) {
		event(alert.id(), actorId, alert.status().name(), alert.status().name(), "Assigned to " + owner.fullName() + ".",
				now);
		this.events.publishEvent(new AlertAssigned(alert.id(), alert.studentId(), alert.severity(), alert.category(),
				owner.id(), actorId, now));
	}

	private Person owner(long institutionId, Long ownerId, List<FieldProblem> problems) {
		if (ownerId == null) {
			problems.add(new FieldProblem("ownerId", "Choose the new owner."));
			return null;
		}
		return this.access.possibleOwner(institutionId, ownerId).orElseGet(() -> problem(problems, "ownerId",
				"Choose an active mentor, coordinator or administrator of the institution."));
	}

	// ------------------------------------------------------------------ helpers

	private AlertAccess.Reader requireManager() {
		AlertAccess.Reader reader = this.access.reader();
		if (!reader.manager()) {
			throw new AccessDeniedException("The alert queue is for coordinators and administrators.");
		}
		return reader;
	}

	/** The alert if the reader may see it (not audited), else 404. */
	private AlertView visible(AlertAccess.Reader reader, long id) {
		AlertView alert = find(id, reader).orElseThrow(() -> new NotFoundException("Alert not found"));
		if (!this.access.maySee(reader, alert)) {
			throw new NotFoundException("Alert not found");
		}
		return alert;
	}

	private Optional<AlertView> find(long id, AlertAccess.Reader reader) {
		return this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.id = :id")
			.param("id", id)
			.query((rs, i) -> view(rs, reader))
			.optional();
	}

	private List<AlertEventView> history(AlertView alert) {
		return this.jdbc.sql("""
				SELECT e.id, e.actor_id, p.full_name, e.from_status, e.to_status, e.note, e.created_at
				FROM alert_events e LEFT JOIN identity_people p ON p.id = e.actor_id
				WHERE e.alert_id = :id ORDER BY e.created_at, e.id""")
			.param("id", alert.id())
			.query((rs, i) -> new AlertEventView(rs.getLong("id"), rs.getObject("actor_id", Long.class),
					rs.getString("full_name"),
					rs.getString("from_status") == null ? null : AlertStatus.valueOf(rs.getString("from_status")),
					AlertStatus.valueOf(rs.getString("to_status")), rs.getString("note"),
					utc(rs.getObject("created_at", LocalDateTime.class))))
			.list();
	}

	private void event(long alertId, Long actorId, String from, String to, String note, Instant at) {
		this.jdbc.sql("""
				INSERT INTO alert_events (alert_id, actor_id, from_status, to_status, note, created_at)
				VALUES (:alert, :actor, :from, :to, :note, :at)""")
			.param("alert", alertId)
			.param("actor", actorId)
			.param("from", from)
			.param("to", to)
			.param("note", note == null || note.length() <= MAX_TEXT ? note : note.substring(0, MAX_TEXT))
			.param("at", utc(at))
			.update();
	}

	private void auditReads(AlertAccess.Reader reader, List<AlertView> alerts) {
		this.audit.recordAll(alerts.stream()
			.filter(alert -> alert.studentId() != reader.id())
			.map(alert -> AuditRecord.of(ALERT_READ, "alerts", alert.id()).about(alert.studentId()))
			.toList());
	}

	/** The SQL condition of the alerts in a manager's queue (never those about the manager). */
	private static String scope(AlertAccess.Reader reader, Map<String, Object> params) {
		params.put("inst", reader.institutionId());
		// Nobody triages alerts about themselves: a student sees their own only when flagged visible to them.
		params.put("me", reader.id());
		if (reader.admin()) {
			return "a.institution_id = :inst AND a.student_id <> :me";
		}
		params.put("dept", reader.departmentId());
		return "a.institution_id = :inst AND sp.department_id = :dept AND a.student_id <> :me";
	}

	private String queueWhere(AlertAccess.Reader reader, Filter filter, Map<String, Object> params) {
		Filter f = filter == null ? Filter.NONE : filter;
		StringBuilder where = new StringBuilder(scope(reader, params));
		List<FieldProblem> problems = new ArrayList<>();
		if (!blank(f.severity())) {
			AlertSeverity.of(f.severity()).ifPresentOrElse(s -> {
				where.append(" AND a.severity = :severity");
				params.put("severity", s.name());
			}, () -> problems.add(new FieldProblem("severity", "Unknown severity: choose INFO, WARN or CRITICAL.")));
		}
		if (!blank(f.category())) {
			AlertCategory.of(f.category()).ifPresentOrElse(c -> {
				where.append(" AND a.category = :category");
				params.put("category", c.name());
			}, () -> problems.add(new FieldProblem("category", "Unknown category.")));
		}
		String status = blank(f.status()) ? "open" : f.status().strip();
		if ("open".equalsIgnoreCase(status)) {
			where.append(" AND a.status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')");
		}
		else if (!"all".equalsIgnoreCase(status)) {
			AlertStatus.of(status).ifPresentOrElse(s -> {
				where.append(" AND a.status = :status");
				params.put("status", s.name());
			}, () -> problems.add(new FieldProblem("status", "Unknown status: choose a status, open or all.")));
		}
		if (!blank(f.owner())) {
			String owner = f.owner().strip();
			if ("none".equalsIgnoreCase(owner)) {
				where.append(" AND a.owner_id IS NULL");
			}
			else if (owner.matches("\\d{1,18}")) {
				where.append(" AND a.owner_id = :owner");
				params.put("owner", Long.parseLong(owner));
			}
			else {
				problems.add(new FieldProblem("owner", "Choose an owner, or none for the unassigned alerts."));
			}
		}
		if (f.departmentId() != null) {
			where.append(" AND sp.department_id = :department");
			params.put("department", f.departmentId());
		}
		if (f.minAgeDays() != null) {
			if (f.minAgeDays() < 0 || f.minAgeDays() > 3650) {
				problems.add(new FieldProblem("minAgeDays", "The age is 0 to 3650 days."));
			}
			else {
				where.append(" AND a.created_at <= :raisedBefore");
				params.put("raisedBefore", utc(this.clock.instant().minus(java.time.Duration.ofDays(f.minAgeDays()))));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return where.toString();
	}

	private static void pageSize(int page, int size) {
		List<FieldProblem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(new FieldProblem("page", "The first page is 0."));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "A page has 1 to " + MAX_PAGE_SIZE + " alerts."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void version(Long version, List<FieldProblem> problems) {
		if (version == null || version < 0) {
			problems.add(new FieldProblem("version", "Send the version you read, so that a newer change is not lost."));
		}
	}

	private static String text(String value, String field, String missing, List<FieldProblem> problems) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			problems.add(new FieldProblem(field, missing));
		}
		else if (text.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "At most " + MAX_TEXT + " characters."));
		}
		return text;
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static <T> T problem(List<FieldProblem> problems, String field, String message) {
		problems.add(new FieldProblem(field, message));
		return null;
	}

	/**
	 * A cell as it is safe to open in a spreadsheet: text that a spreadsheet would run as a formula
	 * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP CSV injection).
	 */
	static String cell(String value) {
		return org.mentorhub.platform.CsvText.safeCell(value);
	}

	private static String instant(Instant value) {
		return value == null ? "" : value.toString();
	}

	private AlertView view(ResultSet rs, AlertAccess.Reader reader) throws SQLException {
		long student = rs.getLong("student_id");
		Long department = rs.getObject("department_id", Long.class);
		Long institution = rs.getObject("institution_id", Long.class);
		Long owner = rs.getObject("owner_id", Long.class);
		AlertStatus status = AlertStatus.valueOf(rs.getString("status"));
		boolean manages = reader.manages(institution, department);
		boolean movable = student != reader.id() && (manages || (owner != null && owner == reader.id()));
		return new AlertView(rs.getLong("id"), student, rs.getString("student_name"), department,
				AlertSeverity.valueOf(rs.getString("severity")), AlertCategory.valueOf(rs.getString("category")),
				rs.getString("message"), rs.getString("source_ref"), status, rs.getObject("raised_by_id", Long.class),
				rs.getString("raised_by_name"), owner, rs.getString("owner_name"), rs.getString("resolution_note"),
				rs.getBoolean("visible_to_student"), utc(rs.getObject("acknowledged_at", LocalDateTime.class)),
				utc(rs.getObject("escalated_at", LocalDateTime.class)), utc(rs.getObject("closed_at", LocalDateTime.class)),
				rs.getObject("closed_by_id", Long.class), utc(rs.getObject("created_at", LocalDateTime.class)),
				utc(rs.getObject("updated_at", LocalDateTime.class)), rs.getLong("version"),
				movable ? status.actions() : List.of(), manages);
	}

	static Instant utc(LocalDateTime value) {
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	static LocalDateTime utc(Instant value) {
		return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
	}

}
