package org.mentorhub.report.program;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to the program dashboard by e-mail (issue 21 part 3): an administrator (their
 * institution, or one of its departments) or a coordinator (their own department) subscribes to a
 * weekly or monthly e-mail, of every kind of program or narrowed to one (as the dashboard's
 * {@code kind} filter); {@link ReportSubscriptionMailer} sends them. Only the owner lists or
 * removes a subscription (another person's is not found); everybody but administrators and
 * coordinators is refused.
 */
@Service
@Transactional
public class ReportSubscriptions {

	/** The most subscriptions one person may hold. */
	public static final int MAX_PER_OWNER = 10;

	/** The hour (UTC) at which subscriptions are due: Mondays (weekly) and the 1st (monthly). */
	static final LocalTime SEND_AT = LocalTime.of(6, 0);

	/** How often the dashboard is sent, and which period it covers. */
	public enum Frequency {

		/** Mondays, the seven days before. */
		WEEKLY,

		/** The 1st of the month, the month before. */
		MONTHLY;

		/** The first moment this frequency is due strictly after {@code after}. */
		public Instant nextAfter(Instant after) {
			LocalDateTime at = LocalDateTime.ofInstant(after, ZoneOffset.UTC);
			LocalDate day = at.toLocalDate();
			LocalDate candidate = this == WEEKLY ? day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
					: day.withDayOfMonth(1);
			while (!candidate.atTime(SEND_AT).isAfter(at)) {
				candidate = this == WEEKLY ? candidate.plusWeeks(1) : candidate.plusMonths(1);
			}
			return candidate.atTime(SEND_AT).toInstant(ZoneOffset.UTC);
		}

		/** The period a mail due at this moment covers: the week or the calendar month before. */
		public ProgramDashboards.Period periodBefore(Instant due) {
			LocalDate day = LocalDateTime.ofInstant(due, ZoneOffset.UTC).toLocalDate();
			if (this == WEEKLY) {
				return new ProgramDashboards.Period(day.minusDays(7), day.minusDays(1));
			}
			LocalDate first = day.withDayOfMonth(1).minusMonths(1);
			return new ProgramDashboards.Period(first, first.with(TemporalAdjusters.lastDayOfMonth()));
		}

	}

	/** One subscription as its owner sees it; {@code kind} is null for every kind of program. */
	@Schema(name = "ReportSubscription")
	public record Subscription(long id, Long departmentId, String departmentName, Frequency frequency,
			String frequencyLabel,
			@Schema(description = "The kind of program the e-mail is narrowed to (student, professional or new-mother); "
					+ "none for every kind") String kind,
			@Schema(description = "The kind of program in words (\"Every kind\" when none)") String kindLabel,
			Instant nextRunAt, Instant lastSentAt, boolean active) {
	}

	/**
	 * A new subscription: the department (blank for an administrator's whole institution), how often, and
	 * optionally the kind of program (blank for every kind).
	 */
	@Schema(name = "ReportSubscriptionRequest")
	public record SubscriptionRequest(@Schema(description = "A department id; none for the whole institution") Long department,
			@Schema(description = "WEEKLY or MONTHLY") String frequency,
			@Schema(description = "A kind of program, as the dashboard's kind filter: student, professional or new-mother; "
					+ "none for every kind") String kind) {
	}

	private final ProgramDashboards dashboards;

	private final Tenancy tenancy;

	private final Organizations organizations;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	ReportSubscriptions(ProgramDashboards dashboards, Tenancy tenancy, Organizations organizations, JdbcClient jdbc,
			AuditTrail audit, MessageSource messages, Clock clock) {
		this.dashboards = dashboards;
		this.tenancy = tenancy;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The caller's subscriptions (administrators and coordinators only). */
	@Transactional(readOnly = true)
	public List<Subscription> mine() {
		Scope own = this.dashboards.scope(null);
		long me = this.tenancy.actor().id();
		Map<Long, String> names = this.dashboards.departmentChoices(own).stream()
			.collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name, (a, b) -> a, LinkedHashMap::new));
		Locale locale = LocaleContextHolder.getLocale();
		return this.jdbc.sql("""
				SELECT id, department_id, frequency, program_kind, next_run_at, last_sent_at, active
				FROM report_subscriptions WHERE owner_id = :me ORDER BY id""")
			.param("me", me)
			.query((rs, n) -> {
				Long department = rs.getObject("department_id") == null ? null : rs.getLong("department_id");
				Frequency frequency = Frequency.valueOf(rs.getString("frequency"));
				ProgramKind kind = kind(rs.getString("program_kind"));
				LocalDateTime last = rs.getObject("last_sent_at", LocalDateTime.class);
				return new Subscription(rs.getLong("id"), department, department == null ? null : names.get(department),
						frequency, label(frequency, locale), kind == null ? null : kind.code, label(kind, locale),
						rs.getObject("next_run_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
						last == null ? null : last.toInstant(ZoneOffset.UTC), rs.getBoolean("active"));
			})
			.list();
	}

	/**
	 * Subscribes the caller to the dashboard of a scope they may see, of every kind of program or of one;
	 * the same scope, frequency and kind twice gives the subscription already there. Fails with field
	 * problems for an unknown frequency or kind (nothing written) or past {@value #MAX_PER_OWNER}
	 * subscriptions.
	 */
	public Subscription subscribe(SubscriptionRequest request) {
		Scope scope = this.dashboards.scope(request == null ? null : request.department());
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		Frequency frequency = null;
		ProgramKind kind = null;
		try {
			frequency = frequency(request == null ? null : request.frequency());
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
		try {
			kind = ProgramKind.parse(request == null ? null : request.kind());
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long me = this.tenancy.actor().id();
		List<Long> same = this.jdbc.sql("""
				SELECT id FROM report_subscriptions WHERE owner_id = :me AND institution_id = :i AND frequency = :f
				""" + (scope.departmentId() == null ? " AND department_id IS NULL" : " AND department_id = :d")
				+ (kind == null ? " AND program_kind IS NULL" : " AND program_kind = :k"))
			.param("me", me).param("i", scope.institutionId()).param("f", frequency.name())
			.param("d", scope.departmentId() == null ? 0L : scope.departmentId())
			.param("k", kind == null ? "" : kind.name())
			.query(Long.class).list();
		if (same.isEmpty()) {
			long held = this.jdbc.sql("SELECT COUNT(*) FROM report_subscriptions WHERE owner_id = :me")
				.param("me", me).query(Long.class).single();
			if (held >= MAX_PER_OWNER) {
				throw new InvalidInputException("frequency", text("report.subscription.error.many", MAX_PER_OWNER));
			}
			Instant now = this.clock.instant();
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO report_subscriptions (owner_id, institution_id, department_id, frequency, program_kind,
					next_run_at, active, created_at) VALUES (:me, :i, :d, :f, :k, :next, TRUE, :now)""")
				.param("me", me).param("i", scope.institutionId()).param("d", scope.departmentId())
				.param("f", frequency.name()).param("k", kind == null ? null : kind.name())
				.param("next", LocalDateTime.ofInstant(frequency.nextAfter(now), ZoneOffset.UTC))
				.param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("institutionId", scope.institutionId());
			described.put("departmentId", scope.departmentId());
			described.put("frequency", frequency.name());
			described.put("kind", kind == null ? null : kind.code);
			this.audit.record(AuditRecord.change("REPORT_SUBSCRIBED", "report_subscription", id, null, described));
			same = List.of(id);
		}
		else {
			// Subscribing again turns a subscription that was switched off back on.
			this.jdbc.sql("UPDATE report_subscriptions SET active = TRUE WHERE id = :id AND active = FALSE")
				.param("id", same.get(0)).update();
		}
		long id = same.get(0);
		return mine().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	/** Ends one of the caller's subscriptions; another person's (or none) is not found. */
	public void unsubscribe(long id) {
		this.dashboards.scope(null);
		int removed = this.jdbc.sql("DELETE FROM report_subscriptions WHERE id = :id AND owner_id = :me")
			.param("id", id).param("me", this.tenancy.actor().id()).update();
		if (removed == 0) {
			throw new NotFoundException("No such subscription");
		}
		this.audit.record(AuditRecord.of("REPORT_UNSUBSCRIBED", "report_subscription", id));
	}

	private Frequency frequency(String value) {
		if (value != null) {
			for (Frequency f : Frequency.values()) {
				if (f.name().equalsIgnoreCase(value.strip())) {
					return f;
				}
			}
		}
		throw new InvalidInputException("frequency", text("report.subscription.error.frequency"));
	}

	/** The kind stored in {@code program_kind} (its name), or null for every kind. */
	static ProgramKind kind(String stored) {
		return stored == null ? null : ProgramKind.valueOf(stored);
	}

	/** The kind of program in words: "Every kind" for none. */
	String label(ProgramKind kind, Locale locale) {
		return this.messages.getMessage(kind == null ? "report.program.kind.all" : "report.program.kind." + kind.code,
				null, kind == null ? "" : kind.code, locale);
	}

	String label(Frequency frequency, Locale locale) {
		return this.messages.getMessage("report.subscription.frequency." + frequency.name(), null, frequency.name(),
				locale);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
