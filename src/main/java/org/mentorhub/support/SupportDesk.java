package org.mentorhub.support;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.attachment.AttachmentFiles;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.AbuseReported;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Paged;
import org.mentorhub.platform.StateTransitionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support desk's API. Anyone signed in {@link #report}s an issue (title, description, category, the
 * page they were on, optionally a screenshot); the institution's administrators work it from their
 * {@link #queue}: they {@link #assign} it, answer and add internal notes ({@link #post}), move it along
 * {@link IssueStatus#TRANSITIONS} ({@link #transition}, 409 otherwise) and {@link #escalate} it to the
 * platform administrator. The reporter follows their issues ({@link #mine}), answers, closes, and reopens
 * a resolved issue within 14 days. Abuse reports of other modules arrive as ABUSE issues
 * ({@link #openAbuseReport}). Every change publishes an event whose recipients are the other side.
 * Who sees what is {@link SupportAccess}'s; an issue out of reach is "not found".
 */
@Service
public class SupportDesk {

	public static final int MAX_TITLE = 200;

	public static final int MAX_TEXT = 4_000;

	public static final int MAX_PATH = 500;

	public static final int MAX_PAGE_SIZE = 100;

	/** Somebody to choose in a form (an assignee). */
	public record PersonChoice(long id, String fullName) {
	}

	/**
	 * What the queue is filtered by; each part may be null or blank. {@code status}: a status, {@code open}
	 * (the default: open and in progress) or {@code all}; {@code assignee}: a person's id, {@code me} or
	 * {@code none}; {@code minAgeDays}: reported at least that many days ago; {@code sort}: {@code oldest}
	 * (the default) or {@code newest} first.
	 */
	public record Filter(String status, String assignee, String category, Integer minAgeDays, String sort) {

		public static final Filter NONE = new Filter(null, null, null, null, null);

		boolean newestFirst() {
			return "newest".equalsIgnoreCase(this.sort == null ? "" : this.sort.strip());
		}

	}

	/**
	 * One page of the queue, with the averages of the filtered issues (seconds, null when none has
	 * happened yet): the first response time and the resolution time.
	 */
	public record QueuePage(List<IssueView> items, long total, int page, int size, Double averageFirstResponseSeconds,
			Double averageResolutionSeconds) implements Paged {

		/** The average first response time as people read it; empty when none has happened. */
		public String averageFirstResponse() {
			return IssueView.span(this.averageFirstResponseSeconds);
		}

		/** The average resolution time as people read it; empty when none has happened. */
		public String averageResolution() {
			return IssueView.span(this.averageResolutionSeconds);
		}

	}

	/** One page of a reporter's issues. */
	public record IssuePage(List<IssueView> items, long total, int page, int size) implements Paged {
	}

	/** A screenshot posted with a new issue: the name the user gave and the content (checked by the attachment module). */
	public record Screenshot(String name, InputStream content) {
	}

	private static final String COLUMNS = """
			i.id, i.institution_id, i.user_id, rp.full_name AS reporter_name, i.title, i.description, i.category,
			i.status, i.assigned_to_id, ap.full_name AS assignee_name, i.page_path, i.escalated_at, i.first_response_at,
			i.first_response_seconds, i.resolved_at, i.resolution_seconds, i.closed_at, i.created_at, i.updated_at,
			i.version, i.item_kind, i.item_id, i.reported_user_id""";

	private static final String FROM = """
			 FROM reported_issues i LEFT JOIN identity_people rp ON rp.id = i.user_id
			LEFT JOIN identity_people ap ON ap.id = i.assigned_to_id""";

	private final JdbcClient jdbc;

	private final SupportAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AttachmentFiles files;

	SupportDesk(JdbcClient jdbc, SupportAccess access, ApplicationEventPublisher events, Clock clock,
			AttachmentFiles files) {
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.files = files;
	}

	// ------------------------------------------------------------------ reporting

	/**
	 * Reports an issue for the caller's institution: a title (at most 200 characters), a description, a
	 * category other than ABUSE and, optionally, the local page it was reported from (400 otherwise) and a
	 * screenshot, stored in the same transaction (a refused file refuses the issue, field {@code file}).
	 * The platform administrator, who belongs to no institution, reports nothing here (403).
	 */
	@Transactional
	public IssueView report(IssueInput input, Screenshot screenshot) {
		SupportAccess.Reader reader = this.access.reader();
		if (reader.institutionId() == null) {
			throw new AccessDeniedException("Issues are reported within an institution.");
		}
		IssueInput in = input == null ? new IssueInput(null, null, null, null) : input;
		List<FieldProblem> problems = new ArrayList<>();
		String title = text(in.title(), "title", "Give the issue a short title.", MAX_TITLE, problems);
		String description = text(in.description(), "description", "Describe what happened.", MAX_TEXT, problems);
		IssueCategory category = blank(in.category()) ? problem(problems, "category", "Choose a category.")
				: IssueCategory.of(in.category())
					.filter(c -> c != IssueCategory.ABUSE)
					.orElseGet(() -> problem(problems, "category", "Unknown category: choose one of "
							+ IssueCategory.reportable() + "."));
		String page = pagePath(in.pagePath(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = insert(reader.institutionId(), reader.id(), title, description, category, page, null, null, null);
		if (screenshot != null) {
			this.files.attach(RelatedType.ISSUE, id, reader.institutionId(), screenshot.name(), screenshot.content());
		}
		return find(id, reader).orElseThrow();
	}

	/**
	 * Opens an ABUSE issue for the institution's administrators from an abuse report, quoting only the
	 * reported item and the reporter's reason. Runs without a signed-in caller. A report of the same item
	 * by the same person opens nothing twice (the event may be delivered again). Returns the issue's id.
	 */
	@Transactional
	public long openAbuseReport(AbuseReported report) {
		String kind = clip(report.itemKind() == null || report.itemKind().isBlank() ? "ITEM" : report.itemKind().strip(), 40);
		Optional<Long> existing = this.jdbc.sql("""
				SELECT id FROM reported_issues WHERE institution_id = :inst AND user_id = :reporter AND category = 'ABUSE'
				  AND item_kind = :kind AND item_id = :item""")
			.param("inst", report.institutionId())
			.param("reporter", report.reporterId())
			.param("kind", kind)
			.param("item", report.itemId())
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		String quoted = report.quotedText() == null ? "" : report.quotedText().strip();
		String reason = report.reason() == null ? "" : report.reason().strip();
		String description = "Reported " + kind + " #" + report.itemId() + ":\n\n> " + quoted.replace("\n", "\n> ")
				+ (reason.isEmpty() ? "" : "\n\nReason given: " + reason);
		String link = report.link() != null && validPath(report.link().strip()) ? report.link().strip() : null;
		return insert(report.institutionId(), report.reporterId(), clip("Abuse report: " + kind, MAX_TITLE),
				clip(description, MAX_TEXT), IssueCategory.ABUSE, link, kind, report.itemId(), report.reportedUserId());
	}

	private long insert(long institutionId, long reporterId, String title, String description, IssueCategory category,
			String page, String itemKind, Long itemId, Long reportedUserId) {
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO reported_issues (institution_id, user_id, title, description, category, priority, status,
				                             page_path, item_kind, item_id, reported_user_id, created_at, updated_at, version)
				VALUES (:inst, :user, :title, :description, :category, 'NORMAL', 'OPEN', :page, :kind, :item, :reported,
				        :now, :now, 0)""")
			.param("inst", institutionId)
			.param("user", reporterId)
			.param("title", title)
			.param("description", description)
			.param("category", category.name())
			.param("page", page)
			.param("kind", itemKind)
			.param("item", itemId)
			.param("reported", reportedUserId)
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		List<Long> admins = new ArrayList<>(this.access.administrators(institutionId));
		admins.remove(Long.valueOf(reporterId));
		this.events.publishEvent(new IssueReported(id, institutionId, reporterId, title, category, List.copyOf(admins), now));
		return id;
	}

	// ------------------------------------------------------------------ reading

	/** An issue with its thread, if the caller may see it; internal notes only for staff. */
	@Transactional(readOnly = true)
	public IssueDetails get(long id) {
		SupportAccess.Reader reader = this.access.reader();
		IssueView issue = visible(reader, id);
		List<IssueMessageView> messages = this.jdbc.sql("""
				SELECT m.id, m.user_id, p.full_name, m.message, m.is_internal, m.created_at FROM issue_messages m
				LEFT JOIN identity_people p ON p.id = m.user_id
				WHERE m.issue_id = :id""" + (issue.staff() ? "" : " AND m.is_internal = :no") + " ORDER BY m.created_at, m.id")
			.param("id", id)
			.param("no", false)
			.query((rs, i) -> {
				Long author = rs.getObject("user_id", Long.class);
				return new IssueMessageView(rs.getLong("id"), author, rs.getString("full_name"),
						author != null && !author.equals(issue.reporterId()), rs.getString("message"),
						rs.getBoolean("is_internal"), utc(rs.getObject("created_at", LocalDateTime.class)));
			})
			.list();
		return new IssueDetails(issue, messages);
	}

	/** The caller's own issues, newest first (every status). */
	@Transactional(readOnly = true)
	public IssuePage mine(int page, int size) {
		SupportAccess.Reader reader = this.access.reader();
		pageSize(page, size);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM reported_issues i WHERE i.user_id = :me")
			.param("me", reader.id())
			.query(Long.class)
			.single();
		List<IssueView> items = total == 0 ? List.of()
				: this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.user_id = :me ORDER BY i.created_at DESC, i.id DESC"
						+ " LIMIT :limit OFFSET :offset")
					.param("me", reader.id())
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, i) -> view(rs, reader))
					.list();
		return new IssuePage(items, total, page, size);
	}

	/**
	 * The queue of an institution administrator (their institution's issues) or of the platform
	 * administrator (the issues escalated to the platform), oldest first, filtered, with the averages of
	 * the filtered issues; 403 for anybody else, 400 for an unknown filter value.
	 */
	@Transactional(readOnly = true)
	public QueuePage queue(Filter filter, int page, int size) {
		SupportAccess.Reader reader = requireHandler();
		pageSize(page, size);
		Map<String, Object> params = new LinkedHashMap<>();
		Filter f = filter == null ? Filter.NONE : filter;
		String where = queueWhere(reader, f, params);
		String order = f.newestFirst() ? " ORDER BY i.created_at DESC, i.id DESC" : " ORDER BY i.created_at, i.id";
		Object[] totals = this.jdbc.sql("SELECT COUNT(*) AS n, AVG(i.first_response_seconds) AS fr,"
				+ " AVG(i.resolution_seconds) AS rs FROM reported_issues i WHERE " + where)
			.params(params)
			.query((rs, i) -> new Object[] { rs.getLong("n"), average(rs, "fr"), average(rs, "rs") })
			.single();
		long total = (Long) totals[0];
		List<IssueView> items = total == 0 ? List.of()
				: this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where
						+ order + " LIMIT :limit OFFSET :offset")
					.params(params)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, i) -> view(rs, reader))
					.list();
		return new QueuePage(items, total, page, size, (Double) totals[1], (Double) totals[2]);
	}

	/** Whether the caller works a queue (an institution administrator or the platform administrator). */
	@Transactional(readOnly = true)
	public boolean handlesIssues() {
		return this.access.reader().handlesIssues();
	}

	/** Whether the caller may report issues (everybody who belongs to an institution). */
	@Transactional(readOnly = true)
	public boolean reports() {
		return this.access.reader().institutionId() != null;
	}

	/** Who the issue may be given to (empty unless the caller is its staff). */
	@Transactional(readOnly = true)
	public List<PersonChoice> assigneeChoices(long id) {
		SupportAccess.Reader reader = this.access.reader();
		IssueView issue = visible(reader, id);
		return issue.staff() ? this.access.assignees(issue.institutionId(), issue.escalatedAt() != null) : List.of();
	}

	/** The people an institution administrator's queue may be filtered by as assignees. */
	@Transactional(readOnly = true)
	public List<PersonChoice> queueAssignees() {
		SupportAccess.Reader reader = this.access.reader();
		return reader.admin() && reader.institutionId() != null ? this.access.assignees(reader.institutionId(), false)
				: List.of();
	}

	// ------------------------------------------------------------------ changing

	/**
	 * Adds a message to the thread: the reporter or the issue's staff (404 for anybody else); only staff add
	 * an {@code internal} note (403), which the reporter never sees. 400 for an empty or too long message,
	 * 409 on a closed issue. The first answer of staff that the reporter sees records the first response time.
	 */
	@Transactional
	public IssueMessageView post(long id, String message, boolean internal) {
		SupportAccess.Reader reader = this.access.reader();
		IssueView issue = visible(reader, id);
		if (internal && !issue.staff()) {
			throw new AccessDeniedException("Only staff add internal notes.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(message, "message", "Write a message.", MAX_TEXT, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (issue.status() == IssueStatus.CLOSED) {
			throw new StateTransitionException("The issue is closed; report a new one instead.");
		}
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO issue_messages (issue_id, user_id, message, is_internal, created_at)
				VALUES (:issue, :user, :message, :internal, :now)""")
			.param("issue", id)
			.param("user", reader.id())
			.param("message", text)
			.param("internal", internal)
			.param("now", utc(now))
			.update(keys, "id");
		long messageId = keys.getKeyAs(Number.class).longValue();
		boolean staffAnswer = issue.staff() && !internal && !Long.valueOf(reader.id()).equals(issue.reporterId());
		String firstResponse = staffAnswer && issue.firstResponseAt() == null
				? ", first_response_at = :now, first_response_seconds = :seconds" : "";
		this.jdbc.sql("UPDATE reported_issues SET updated_at = :now" + firstResponse + " WHERE id = :id")
			.param("now", utc(now))
			.param("seconds", Duration.between(issue.createdAt(), now).toSeconds())
			.param("id", id)
			.update();
		List<Long> recipients;
		if (internal) {
			recipients = issue.assigneeId() == null ? List.of() : List.of(issue.assigneeId());
			recipients = recipients.stream().filter(r -> r != reader.id() && !r.equals(issue.reporterId())).toList();
		}
		else {
			recipients = otherSide(issue, reader);
		}
		this.events.publishEvent(new IssueMessagePosted(id, messageId, issue.title(), reader.id(), internal, recipients, now));
		return new IssueMessageView(messageId, reader.id(), null, staffAnswer, text, internal, now);
	}

	/**
	 * Moves an issue along {@link IssueStatus#TRANSITIONS}: 400 for an unknown action, 409 when the status
	 * does not allow it, 403 when the reader's part does not (the reporter closes, and reopens within 14
	 * days of the resolution: 409 after), 409 for a stale version when one is sent.
	 */
	@Transactional
	public IssueView transition(long id, String action, Long version) {
		SupportAccess.Reader reader = this.access.reader();
		IssueView issue = visible(reader, id);
		IssueStatus.Action act = blank(action) ? null : IssueStatus.Action.of(action).orElse(null);
		if (act == null) {
			throw new InvalidInputException("action", "Unknown action: choose START, RESOLVE, CLOSE or REOPEN.");
		}
		IssueStatus next = issue.status().after(act);
		Instant now = this.clock.instant();
		if (!issue.staff()) {
			if (!SupportAccess.reporterMay(act, issue.resolvedAt(), now)) {
				if (act == IssueStatus.Action.REOPEN) {
					throw new StateTransitionException("A resolved issue can be reopened within 14 days of its resolution;"
							+ " report a new issue instead.");
				}
				throw new AccessDeniedException("Only staff start and resolve issues.");
			}
		}
		String set = switch (next) {
			case RESOLVED -> ", resolved_at = :now, resolution_seconds = :seconds";
			case CLOSED -> ", closed_at = :now";
			case OPEN -> ", resolved_at = NULL, resolution_seconds = NULL";
			default -> "";
		};
		int changed = this.jdbc.sql("UPDATE reported_issues SET status = :status, updated_at = :now, version = version + 1"
				+ set + " WHERE id = :id AND status = :from" + (version == null ? "" : " AND version = :version"))
			.param("status", next.name())
			.param("now", utc(now))
			.param("seconds", Duration.between(issue.createdAt(), now).toSeconds())
			.param("id", id)
			.param("from", issue.status().name())
			.param("version", version == null ? -1 : version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale issue " + id);
		}
		this.events.publishEvent(new IssueStatusChanged(id, issue.title(), issue.status(), next, reader.id(),
				otherSide(issue, reader), now));
		return find(id, reader).orElseThrow();
	}

	/**
	 * Gives an issue to an active administrator of its institution (or, once escalated, a platform
	 * administrator): for its staff (403 for the reporter, 404 for the rest); 400 for anybody else.
	 */
	@Transactional
	public IssueView assign(long id, Long assigneeId, Long version) {
		SupportAccess.Reader reader = this.access.reader();
		IssueView issue = visible(reader, id);
		requireStaff(issue);
		if (assigneeId == null || this.access.assignees(issue.institutionId(), issue.escalatedAt() != null)
			.stream()
			.noneMatch(p -> p.id() == assigneeId)) {
			throw new InvalidInputException("assigneeId", "Choose an active administrator of the institution.");
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("UPDATE reported_issues SET assigned_to_id = :assignee, updated_at = :now,"
				+ " version = version + 1 WHERE id = :id" + (version == null ? "" : " AND version = :version"))
			.param("assignee", assigneeId)
			.param("now", utc(now))
			.param("id", id)
			.param("version", version == null ? -1 : version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale issue " + id);
		}
		if (assigneeId != reader.id()) {
			this.events.publishEvent(new IssueAssigned(id, issue.title(), assigneeId, reader.id(), now));
		}
		return find(id, reader).orElseThrow();
	}

	/**
	 * Escalates an issue to the platform administrator: for an administrator of its institution (403 for
	 * others who see it); 409 when it is already escalated or closed.
	 */
	@Transactional
	public IssueView escalate(long id) {
		SupportAccess.Reader reader = this.access.reader();
		IssueView issue = visible(reader, id);
		if (!issue.mayEscalate()) {
			requireStaff(issue);
			if (issue.escalatedAt() != null) {
				throw new StateTransitionException("The issue is already escalated to the platform.");
			}
			if (issue.status() == IssueStatus.CLOSED) {
				throw new StateTransitionException("A closed issue is not escalated.");
			}
			throw new AccessDeniedException("The institution's administrators escalate its issues.");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE reported_issues SET escalated_at = :now, escalated_by_id = :me, updated_at = :now, version = version + 1
				WHERE id = :id AND escalated_at IS NULL""")
			.param("now", utc(now))
			.param("me", reader.id())
			.param("id", id)
			.update();
		this.events.publishEvent(new IssueEscalated(id, issue.institutionId(), issue.title(), reader.id(),
				this.access.platformAdministrators(), now));
		return find(id, reader).orElseThrow();
	}

	// ------------------------------------------------------------------ helpers

	/** The other side of whoever acts: the reporter when staff act, else the assignee or the administrators. */
	private List<Long> otherSide(IssueView issue, SupportAccess.Reader reader) {
		LinkedHashSet<Long> recipients = new LinkedHashSet<>();
		if (issue.staff() && issue.reporterId() != null) {
			recipients.add(issue.reporterId());
		}
		else if (issue.assigneeId() != null) {
			recipients.add(issue.assigneeId());
		}
		else {
			recipients.addAll(this.access.administrators(issue.institutionId()));
			if (issue.escalatedAt() != null) {
				recipients.addAll(this.access.platformAdministrators());
			}
		}
		recipients.remove(reader.id());
		return List.copyOf(recipients);
	}

	private static void requireStaff(IssueView issue) {
		if (!issue.staff()) {
			throw new AccessDeniedException("Only the institution's administrators handle issues.");
		}
	}

	private SupportAccess.Reader requireHandler() {
		SupportAccess.Reader reader = this.access.reader();
		if (!reader.handlesIssues()) {
			throw new AccessDeniedException("The support queue is for administrators.");
		}
		return reader;
	}

	/** The issue if the reader may see it, else 404. */
	IssueView visible(SupportAccess.Reader reader, long id) {
		IssueView issue = find(id, reader).orElseThrow(() -> new NotFoundException("Issue not found"));
		if (!issue.staff() && !Long.valueOf(reader.id()).equals(issue.reporterId())) {
			throw new NotFoundException("Issue not found");
		}
		return issue;
	}

	/** The issue for the attachment module's questions, if the caller may see it. */
	Optional<IssueView> visible(long id) {
		SupportAccess.Reader reader = this.access.reader();
		return find(id, reader)
			.filter(issue -> issue.staff() || Long.valueOf(reader.id()).equals(issue.reporterId()));
	}

	private Optional<IssueView> find(long id, SupportAccess.Reader reader) {
		return this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.id = :id")
			.param("id", id)
			.query((rs, i) -> view(rs, reader))
			.optional();
	}

	private String queueWhere(SupportAccess.Reader reader, Filter f, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		if (reader.admin() && reader.institutionId() != null) {
			where.append("(i.institution_id = :inst").append(reader.platformAdmin() ? " OR i.escalated_at IS NOT NULL)" : ")");
			params.put("inst", reader.institutionId());
		}
		else {
			where.append("i.escalated_at IS NOT NULL");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String status = blank(f.status()) ? "open" : f.status().strip();
		if ("open".equalsIgnoreCase(status)) {
			where.append(" AND i.status IN ('OPEN', 'IN_PROGRESS')");
		}
		else if (!"all".equalsIgnoreCase(status)) {
			IssueStatus.of(status).ifPresentOrElse(s -> {
				where.append(" AND i.status = :status");
				params.put("status", s.name());
			}, () -> problems.add(new FieldProblem("status", "Unknown status: choose a status, open or all.")));
		}
		if (!blank(f.category())) {
			IssueCategory.of(f.category()).ifPresentOrElse(c -> {
				where.append(" AND i.category = :category");
				params.put("category", c.name());
			}, () -> problems.add(new FieldProblem("category", "Unknown category.")));
		}
		if (!blank(f.assignee())) {
			String assignee = f.assignee().strip();
			if ("none".equalsIgnoreCase(assignee)) {
				where.append(" AND i.assigned_to_id IS NULL");
			}
			else if ("me".equalsIgnoreCase(assignee) || assignee.matches("\\d{1,18}")) {
				where.append(" AND i.assigned_to_id = :assignee");
				params.put("assignee", "me".equalsIgnoreCase(assignee) ? reader.id() : Long.parseLong(assignee));
			}
			else {
				problems.add(new FieldProblem("assignee", "Choose an assignee, me, or none for the unassigned issues."));
			}
		}
		if (!blank(f.sort()) && !f.newestFirst() && !"oldest".equalsIgnoreCase(f.sort().strip())) {
			problems.add(new FieldProblem("sort", "Sort by oldest or newest."));
		}
		if (f.minAgeDays() != null) {
			if (f.minAgeDays() < 0 || f.minAgeDays() > 3650) {
				problems.add(new FieldProblem("minAgeDays", "The age is 0 to 3650 days."));
			}
			else {
				where.append(" AND i.created_at <= :reportedBefore");
				params.put("reportedBefore", utc(this.clock.instant().minus(Duration.ofDays(f.minAgeDays()))));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return where.toString();
	}

	private IssueView view(ResultSet rs, SupportAccess.Reader reader) throws SQLException {
		long institution = rs.getLong("institution_id");
		Long reporter = rs.getObject("user_id", Long.class);
		Instant escalated = utc(rs.getObject("escalated_at", LocalDateTime.class));
		Instant resolved = utc(rs.getObject("resolved_at", LocalDateTime.class));
		IssueStatus status = IssueStatus.valueOf(rs.getString("status"));
		boolean staff = reader.staffOf(institution, escalated != null);
		boolean mayEscalate = staff && reader.admin() && reader.institutionId() != null
				&& reader.institutionId() == institution && escalated == null && status != IssueStatus.CLOSED;
		return new IssueView(rs.getLong("id"), institution, reporter, rs.getString("reporter_name"),
				rs.getString("title"), rs.getString("description"), IssueCategory.valueOf(rs.getString("category")), status,
				rs.getObject("assigned_to_id", Long.class), rs.getString("assignee_name"), rs.getString("page_path"),
				escalated, utc(rs.getObject("first_response_at", LocalDateTime.class)),
				rs.getObject("first_response_seconds", Long.class), resolved, rs.getObject("resolution_seconds", Long.class),
				utc(rs.getObject("closed_at", LocalDateTime.class)), utc(rs.getObject("created_at", LocalDateTime.class)),
				utc(rs.getObject("updated_at", LocalDateTime.class)), rs.getLong("version"), rs.getString("item_kind"),
				rs.getObject("item_id", Long.class), rs.getObject("reported_user_id", Long.class),
				SupportAccess.actions(reader, staff, reporter, status, resolved, this.clock.instant()), staff, mayEscalate);
	}

	private static Double average(ResultSet rs, String column) throws SQLException {
		Object value = rs.getObject(column);
		return value == null ? null : ((Number) value).doubleValue();
	}

	/** A local path of MentorHub (the page an issue was reported from), or 400. */
	private static String pagePath(String value, List<FieldProblem> problems) {
		if (blank(value)) {
			return null;
		}
		String path = value.strip();
		if (path.length() > MAX_PATH || !validPath(path)) {
			problems.add(new FieldProblem("pagePath", "The page is a path of MentorHub, such as /sessions (at most "
					+ MAX_PATH + " characters)."));
			return null;
		}
		return path;
	}

	static boolean validPath(String path) {
		return path.length() <= MAX_PATH && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
				&& path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c));
	}

	private static void pageSize(int page, int size) {
		List<FieldProblem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(new FieldProblem("page", "The first page is 0."));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "A page has 1 to " + MAX_PAGE_SIZE + " issues."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static String text(String value, String field, String missing, int max, List<FieldProblem> problems) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			problems.add(new FieldProblem(field, missing));
		}
		else if (text.length() > max) {
			problems.add(new FieldProblem(field, "At most " + max + " characters."));
		}
		return text;
	}

	private static String clip(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static <T> T problem(List<FieldProblem> problems, String field, String message) {
		problems.add(new FieldProblem(field, message));
		return null;
	}

	static Instant utc(LocalDateTime value) {
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	static LocalDateTime utc(Instant value) {
		return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
	}

}
