package org.mentorhub.report.program;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.Tenancy.Scope;
import org.mentorhub.report.program.ProgramDashboards.Period;
import org.mentorhub.report.program.ProgramReport.ProgramChange;
import org.mentorhub.report.program.ProgramReport.ProgramCount;
import org.mentorhub.report.program.ProgramReport.ProgramGoalStatus;
import org.mentorhub.report.program.ProgramReport.ProgramHealthWeek;
import org.mentorhub.report.program.ProgramReport.ProgramMonth;
import org.mentorhub.report.program.ProgramReport.ProgramRating;
import org.mentorhub.report.program.ProgramReport.ProgramWeek;
import org.mentorhub.report.program.TableWriter.Format;
import org.mentorhub.session.Attendance;
import org.mentorhub.session.SessionStatistics;
import org.mentorhub.session.SessionStatistics.SessionExportRow;
import org.mentorhub.session.SessionStatistics.SessionFilter;
import org.mentorhub.session.SessionStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The exports of the program dashboard: its tables (one row per figure: section, figure, item,
 * value) and the sessions list behind it, as CSV or XLSX, streamed to the client. Every export is
 * audited ({@code REPORT_EXPORTED}, {@code SESSIONS_EXPORTED}) with its scope and filters before the
 * first byte is sent; the callers rate-limit them.
 */
@Service
public class ProgramExports {

	private final ProgramDashboards dashboards;

	private final SessionStatistics sessions;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final ProgramPdf pdf;

	ProgramExports(ProgramDashboards dashboards, SessionStatistics sessions, AuditTrail audit, MessageSource messages,
			ProgramPdf pdf) {
		this.dashboards = dashboards;
		this.sessions = sessions;
		this.audit = audit;
		this.messages = messages;
		this.pdf = pdf;
	}

	/** The format asked for; fails with a field problem for anything but csv or xlsx. */
	public static Format format(String name) {
		Format format = Format.of(name);
		if (format == null) {
			throw new InvalidInputException("format", "The format must be csv or xlsx.");
		}
		return format;
	}

	/** The dashboard's tables as a download. */
	public ResponseEntity<StreamingResponseBody> dashboard(Long departmentId, String from, String to, String kind,
			Format format) {
		Scope scope = this.dashboards.scope(departmentId);
		Period period = this.dashboards.period(from, to);
		ProgramReport report = this.dashboards.report(scope, period, kind);
		audit("REPORT_EXPORTED", scope, period, format.extension, null, null, report.programKind());
		List<List<?>> rows = rows(report);
		return download("program-" + period.from() + "-" + period.to(), format, out -> {
			try (TableWriter table = TableWriter.open(format, out, "Program")) {
				rows.forEach(table::row);
			}
		});
	}

	/**
	 * The dashboard as a PDF for a board meeting (charts as SVG, a table for every figure), rendered
	 * in memory: a few pages whatever the size of the data. Audited as {@code REPORT_EXPORTED} with
	 * the format {@code pdf}.
	 */
	public ResponseEntity<byte[]> pdf(Long departmentId, String from, String to, String kind) {
		Scope scope = this.dashboards.scope(departmentId);
		Period period = this.dashboards.period(from, to);
		ProgramReport report = this.dashboards.report(scope, period, kind);
		audit("REPORT_EXPORTED", scope, period, "pdf", null, null, report.programKind());
		byte[] body = this.pdf.render(report, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("program-" + period.from() + "-" + period.to() + ".pdf").build().toString())
			.body(body);
	}

	/** The sessions of the scope scheduled in the period (optionally of one status and attendance) as a download. */
	public ResponseEntity<StreamingResponseBody> sessions(Long departmentId, String from, String to, String status,
			String attendance, String kind, Format format) {
		SessionFilter filter = sessionFilter(departmentId, from, to, status, attendance, kind);
		audit("SESSIONS_EXPORTED", filter.scope(), period(filter), format.extension, filter.status(),
				filter.attendance(), ProgramDashboards.kindCode(kind));
		Locale locale = LocaleContextHolder.getLocale();
		return download("sessions-" + filter.from() + "-" + period(filter).to(), format, out -> {
			try (TableWriter table = TableWriter.open(format, out, "Sessions")) {
				table.row(List.of("id", "scheduled_at_utc", "status", "mode", "attendance", "mentor", "mentee",
						"department", "title"));
				this.sessions.forEachSession(filter,
						s -> table.row(java.util.Arrays.asList(s.id(), s.scheduledAt().toString(),
								text("status." + s.status().name(), locale),
								s.mode() == null ? null : text("session.mode." + s.mode(), locale),
								s.attendance() == null ? null : text("session.attendance." + s.attendance().name(), locale),
								s.mentorName(), s.menteeName(), s.departmentName(), s.title())));
			}
		});
	}

	/** Rows per page of the sessions list behind a figure. */
	static final int LIST_PAGE = 50;

	/** One page of the sessions list behind a dashboard figure, with the filter it was read with. */
	public record SessionList(SessionFilter filter, Period period, List<SessionExportRow> rows, long total, int page,
			int pages) {
	}

	/**
	 * The sessions behind a dashboard figure (sessions by status, no-shows), with the dashboard's filters
	 * and scope: the rows its sessions export writes, in the same order, {@link #LIST_PAGE} per page.
	 * Each row shown is audited as a read of the mentee's attendance (the FERPA disclosure log), in one batch,
	 * as on the attendance page.
	 */
	public SessionList sessionList(Long departmentId, String from, String to, String status, String attendance,
			String kind, int page) {
		SessionFilter filter = sessionFilter(departmentId, from, to, status, attendance, kind);
		long total = this.sessions.count(filter);
		int pages = (int) Math.max(1, (total + LIST_PAGE - 1) / LIST_PAGE);
		int safePage = Math.max(0, Math.min(page, pages - 1));
		List<SessionExportRow> rows = total == 0 ? List.of()
				: this.sessions.page(filter, (long) safePage * LIST_PAGE, LIST_PAGE);
		this.audit.recordAll(rows.stream()
			.map(r -> AuditRecord.of("SESSION_ATTENDANCE_READ", "mentoring_sessions", r.id()).about(r.menteeId()))
			.toList());
		return new SessionList(filter, period(filter), rows, total, safePage, pages);
	}

	private SessionFilter sessionFilter(Long departmentId, String from, String to, String status, String attendance,
			String kind) {
		Scope scope = this.dashboards.scope(departmentId);
		Period period = this.dashboards.period(from, to);
		return new SessionFilter(scope, period.from(), period.to().plusDays(1), parse(SessionStatus.class, status, "status"),
				parse(Attendance.class, attendance, "attendance"), this.dashboards.mentees(scope, kind));
	}

	private static Period period(SessionFilter filter) {
		return new Period(filter.from(), filter.to().minusDays(1));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "Unknown " + field + ".");
		}
	}

	private void audit(String action, Scope scope, Period period, String format, SessionStatus status,
			Attendance attendance, String kind) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("institutionId", scope.institutionId());
		described.put("departmentId", scope.departmentId());
		described.put("from", period.from().toString());
		described.put("to", period.to().toString());
		described.put("format", format);
		if (status != null) {
			described.put("status", status.name());
		}
		if (attendance != null) {
			described.put("attendance", attendance.name());
		}
		if (kind != null) {
			described.put("kind", kind);
		}
		this.audit.record(AuditRecord.change(action, "report", null, null, described));
	}

	private static ResponseEntity<StreamingResponseBody> download(String name, Format format, StreamingResponseBody body) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + "." + format.extension).build().toString())
			.body(body);
	}

	/** The dashboard's tables as rows: section, figure, item, value (the header first). */
	List<List<?>> rows(ProgramReport r) {
		Locale locale = LocaleContextHolder.getLocale();
		List<List<?>> rows = new ArrayList<>();
		rows.add(List.of("section", "figure", "item", "value"));
		String participation = text("report.program.participation", locale);
		for (ProgramCount c : r.participation().peopleByRole()) {
			rows.add(row(participation, text("report.program.peopleByRole", locale), c.label(), c.count()));
		}
		rows.add(row(participation, text("report.program.onboardingCompleted", locale), "", r.participation().onboardingCompleted()));
		rows.add(row(participation, text("report.program.mentorsAtCapacity", locale), "", r.participation().mentorsAtCapacity()));
		rows.add(row(participation, text("report.program.menteesWaiting", locale), "", r.participation().menteesWaiting()));
		rows.add(row(participation, text("report.program.medianDaysToMatch", locale), "", r.participation().medianDaysToMatch()));
		String mentorships = text("report.program.mentorships", locale);
		for (ProgramCount c : r.mentorships().byStatus()) {
			rows.add(row(mentorships, text("report.program.byStatus", locale), c.label(), c.count()));
		}
		for (ProgramMonth m : r.mentorships().perMonth()) {
			rows.add(row(mentorships, text("report.program.started", locale), m.month(), m.started()));
			rows.add(row(mentorships, text("report.program.ended", locale), m.month(), m.ended()));
		}
		for (ProgramCount c : r.mentorships().endReasons()) {
			rows.add(row(mentorships, text("report.program.endReasons", locale), c.label(), c.count()));
		}
		rows.add(row(mentorships, text("report.program.rematches", locale), text("report.program.previous", locale),
				r.mentorships().rematchesBefore()));
		rows.add(row(mentorships, text("report.program.rematches", locale), text("report.program.current", locale),
				r.mentorships().rematches()));
		for (ProgramCount c : r.mentorships().health()) {
			rows.add(row(mentorships, text("report.program.health", locale), c.label(), c.count()));
		}
		Map<String, String> health = new LinkedHashMap<>();
		r.mentorships().health().forEach(c -> health.put(c.code(), c.label()));
		String perWeek = text("report.program.healthPerWeek", locale);
		String perWeekBefore = perWeek + ", " + text("report.program.previous", locale);
		for (ProgramHealthWeek w : r.mentorships().healthPerWeekBefore()) {
			healthRows(rows, mentorships, perWeekBefore, w, health);
		}
		for (ProgramHealthWeek w : r.mentorships().healthPerWeek()) {
			healthRows(rows, mentorships, perWeek, w, health);
		}
		String sessions = text("report.program.sessions", locale);
		for (ProgramWeek w : r.sessions().perWeek()) {
			rows.add(row(sessions, text("report.program.perWeek", locale), w.weekStart().toString(), w.total()));
		}
		for (ProgramCount c : r.sessions().byStatus()) {
			rows.add(row(sessions, text("report.program.byStatus", locale), c.label(), c.count()));
		}
		for (ProgramCount c : r.sessions().byMode()) {
			rows.add(row(sessions, text("report.program.byMode", locale), c.label(), c.count()));
		}
		rows.add(row(sessions, text("report.program.attendanceRate", locale), "", r.sessions().attendanceRate()));
		rows.add(row(sessions, text("report.program.noShows", locale), "", r.sessions().noShows()));
		rows.add(row(sessions, text("report.program.confirmedInPeriod", locale), "", r.sessions().confirmedInPeriod()));
		rows.add(row(sessions, text("report.program.medianHoursToConfirm", locale), text("report.program.previous", locale),
				r.sessions().medianHoursToConfirmBefore()));
		rows.add(row(sessions, text("report.program.medianHoursToConfirm", locale), text("report.program.current", locale),
				r.sessions().medianHoursToConfirm()));
		String outcomes = text("report.program.outcomes", locale);
		if (r.outcomes().overallRating() != null) {
			rows.add(row(outcomes, text("report.program.rating", locale), r.outcomes().overallRating().label(),
					r.outcomes().overallRating().average()));
		}
		for (ProgramRating g : r.outcomes().ratingsByDepartment()) {
			rows.add(row(outcomes, text("report.program.ratingByDepartment", locale), g.label(), g.average()));
		}
		for (ProgramRating g : r.outcomes().ratingsByMentor()) {
			rows.add(row(outcomes, text("report.program.ratingByMentor", locale), g.label(), g.average()));
		}
		for (ProgramGoalStatus g : r.outcomes().goalsByStatus()) {
			rows.add(row(outcomes, text("report.program.goals", locale), g.label(), g.goals()));
		}
		rows.add(row(outcomes, text("report.program.pathsStarted", locale), "", r.outcomes().pathsStarted()));
		rows.add(row(outcomes, text("report.program.pathsCompleted", locale), "", r.outcomes().pathsCompleted()));
		rows.add(row(outcomes, text("report.program.alertsOpened", locale), "", r.outcomes().alertsOpened()));
		rows.add(row(outcomes, text("report.program.alertsClosed", locale), "", r.outcomes().alertsClosed()));
		rows.add(row(outcomes, text("report.program.alertsOverdue", locale), "", r.outcomes().alertsOverdue()));
		rows.add(row(outcomes, text("report.program.medianHoursToClose", locale), "", r.outcomes().medianHoursToClose()));
		String comparison = text("report.program.comparison", locale);
		for (ProgramChange c : r.comparison()) {
			rows.add(row(comparison, c.label(), text("report.program.previous", locale), c.previous()));
			rows.add(row(comparison, c.label(), text("report.program.current", locale), c.current()));
		}
		return rows;
	}

	/** A week's three counts, one row each, the item "week (its Monday) health". */
	private static void healthRows(List<List<?>> rows, String section, String figure, ProgramHealthWeek week,
			Map<String, String> labels) {
		rows.add(row(section, figure, week.weekStart() + " " + labels.getOrDefault("HEALTHY", "HEALTHY"), week.healthy()));
		rows.add(row(section, figure, week.weekStart() + " " + labels.getOrDefault("AT_RISK", "AT_RISK"), week.atRisk()));
		rows.add(row(section, figure, week.weekStart() + " " + labels.getOrDefault("STALLED", "STALLED"), week.stalled()));
	}

	private static List<?> row(String section, String figure, String item, Object value) {
		return java.util.Arrays.asList(section, figure, item, value);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
