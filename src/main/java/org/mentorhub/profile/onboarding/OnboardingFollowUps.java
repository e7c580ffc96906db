package org.mentorhub.profile.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.InstitutionSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.Mailer;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.OnboardingProgress;
import org.mentorhub.profile.OnboardingReminderSent;
import org.mentorhub.profile.OnboardingStatus;
import org.mentorhub.profile.OnboardingStep;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has not finished onboarding, for administrators (their whole institution) and coordinators
 * (their own department), and reminder e-mails to them. A person is reminded at most once in
 * {@link #REMINDER_INTERVAL}; every reminder is audited and publishes {@link OnboardingReminderSent}. Only active accounts are listed. A person
 * outside the caller's scope is "not found"; everyone else (mentors, mentees, new mothers, the
 * platform administrator) is refused (403).
 * <p>
 * A page costs three queries whatever the institution's size: a count, the page, the roles of its
 * people.
 */
@Service
public class OnboardingFollowUps {

	/** People per page. */
	public static final int PAGE_SIZE = 20;

	/** The least time between two reminders to one person. */
	public static final Duration REMINDER_INTERVAL = Duration.ofHours(24);

	/**
	 * What to list.
	 * @param text part of the name, e-mail address or username (any case), or null
	 * @param role only people with this role (a {@code RoleName}), or null
	 * @param status only NOT_STARTED or IN_PROGRESS, or null for both
	 * @param page 1-based
	 */
	public record Query(String text, String role, String status, int page) {
	}

	/**
	 * One person who has not finished.
	 * @param lastActivity their last sign-in or profile change, whichever is later; null if neither
	 * @param remindedAt the last reminder, or null
	 * @param canRemind whether a reminder may be sent now
	 */
	public record Entry(long userId, String fullName, String email, String primaryRole, Set<String> roles,
			String departmentName, OnboardingStatus status, int currentStep, int totalSteps, Instant lastActivity,
			Instant remindedAt, boolean canRemind) {
	}

	/** One page of people. */
	public record Result(List<Entry> entries, long total, int page, int pageSize) {

		public int totalPages() {
			return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
		}

		public boolean hasPrevious() {
			return this.page > 1;
		}

		public boolean hasNext() {
			return this.page < totalPages();
		}

	}

	/** A sent reminder: to whom, when, and when the next one may go. */
	public record Reminder(long userId, Instant sentAt, Instant nextAllowedAt) {
	}

	/** The outcome of reminding everyone shown: who got one, and how many were skipped (reminded lately). */
	public record Reminders(List<Long> remindedUserIds, int skipped) {
	}

	static final Set<String> ROLES = Set.of("ADMIN", "COORDINATOR", "MENTOR", "MENTEE", "NEW_MOTHER");

	/** What the unfinished are found in (the filter of {@link #where} reads {@code u} and {@code p}). */
	private static final String PEOPLE_AND_PROFILES = "FROM identity_people u LEFT JOIN user_profiles p ON p.user_id = u.id";

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Mailer mailer;

	private final AuditTrail audit;

	private final Clock clock;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	OnboardingFollowUps(JdbcClient jdbc, Tenancy tenancy, Mailer mailer, AuditTrail audit, Clock clock,
			Organizations organizations, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.mailer = mailer;
		this.audit = audit;
		this.clock = clock;
		this.organizations = organizations;
	}

	/** One page of the people in the caller's scope who have not finished onboarding, by name. */
	@Transactional(readOnly = true)
	public Result unfinished(Query query) {
		Tenancy.Scope scope = scope();
		Query q = check(query);
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, q, params);
		long offset = (long) (q.page() - 1) * PAGE_SIZE;
		params.put("limit", PAGE_SIZE);
		params.put("offset", offset);
		// The page and the number of matches in one query (a window count): finding the unfinished among an
		// institution's people is the expensive part (about 30 ms for 25,000 at full scale on PostgreSQL), so it
		// is done once, not twice, and on the people and profiles alone: the page's 25 ids are cut in a derived
		// table, and only they are joined to what the page shows (H2 joined every table to all 25,000 first:
		// 542 ms, docs/performance.md). Past the last page the count is asked for on its own.
		List<Row> rows = this.jdbc.sql("""
				SELECT u.id, u.full_name, u.email, u.primary_role, d.name AS department_name,
				       p.onboarding_status, p.onboarding_step, p.updated_at, si.last_login_at, rem.last_sent_at,
				       CASE WHEN s.user_id IS NULL THEN 0 ELSE 1 END AS student, m.matches
				FROM (SELECT u.id AS page_id, u.full_name AS sort_name, COUNT(*) OVER () AS matches
				      """ + PEOPLE_AND_PROFILES + where + """
				      ORDER BY u.full_name ASC, u.id ASC LIMIT :limit OFFSET :offset) m
				JOIN identity_people u ON u.id = m.page_id
				JOIN identity_sign_ins si ON si.user_id = u.id
				LEFT JOIN user_profiles p ON p.user_id = u.id
				LEFT JOIN organization_departments d ON d.id = u.department_id
				LEFT JOIN onboarding_reminders rem ON rem.user_id = u.id
				LEFT JOIN student_profiles s ON s.user_id = u.id
				ORDER BY m.sort_name ASC, m.page_id ASC""")
			.params(params)
			.query(Row.class)
			.list();
		long total = !rows.isEmpty() ? rows.get(0).matches()
				: offset == 0 ? 0
						: this.jdbc.sql("SELECT COUNT(*) " + PEOPLE_AND_PROFILES + where)
							.params(params)
							.query(Long.class)
							.single();
		Map<Long, Set<String>> roles = rolesOf(rows.stream().map(Row::id).toList());
		Instant now = this.clock.instant();
		List<Entry> entries = new ArrayList<>();
		for (Row row : rows) {
			Set<String> own = roles.getOrDefault(row.id(), new TreeSet<>(Set.of(row.primaryRole())));
			List<OnboardingStep> steps = OnboardingStep.forRoles(own, row.student() == 1);
			OnboardingStatus status = row.onboardingStatus() == null ? OnboardingStatus.NOT_STARTED
					: OnboardingStatus.valueOf(row.onboardingStatus());
			OnboardingProgress progress = OnboardingProgress.of(status,
					row.onboardingStep() == null ? 0 : row.onboardingStep(), steps, null);
			Instant lastLogin = instant(row.lastLoginAt());
			Instant profileChanged = row.onboardingStatus() == null ? null : instant(row.updatedAt());
			Instant last = lastLogin == null ? profileChanged
					: profileChanged == null || lastLogin.isAfter(profileChanged) ? lastLogin : profileChanged;
			Instant reminded = instant(row.lastSentAt());
			entries.add(new Entry(row.id(), row.fullName(), row.email(), row.primaryRole(), own, row.departmentName(),
					status, progress.currentStep(), progress.totalSteps(), last, reminded,
					reminded == null || !reminded.plus(REMINDER_INTERVAL).isAfter(now)));
		}
		return new Result(entries, total, q.page(), PAGE_SIZE);
	}

	/**
	 * Sends the person a reminder to finish onboarding: in the caller's scope (else 404), not finished
	 * (else 409), and not reminded in the last 24 hours (else 409).
	 */
	@Transactional
	public Reminder remind(long userId) {
		Tenancy.Scope scope = scope();
		Target target = target(scope, userId);
		return send(target);
	}

	/** Reminds everyone on the page that the query shows who may be reminded now; the others are skipped. */
	@Transactional
	public Reminders remindAll(Query query) {
		Result shown = unfinished(query);
		List<Long> reminded = new ArrayList<>();
		int skipped = 0;
		for (Entry entry : shown.entries()) {
			if (!entry.canRemind()) {
				skipped++;
				continue;
			}
			try {
				send(target(scope(), entry.userId()));
				reminded.add(entry.userId());
			}
			catch (StateTransitionException ex) {
				skipped++;
			}
		}
		return new Reminders(reminded, skipped);
	}

	private Reminder send(Target target) {
		Instant now = this.clock.instant();
		LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
		LocalDateTime threshold = LocalDateTime.ofInstant(now.minus(REMINDER_INTERVAL), ZoneOffset.UTC);
		long sender = this.tenancy.actor().id();
		// One conditional write decides between two administrators reminding at once.
		int updated = this.jdbc.sql("""
				UPDATE onboarding_reminders SET last_sent_at = :at, last_sent_by = :by, sent_count = sent_count + 1
				WHERE user_id = :u AND last_sent_at <= :threshold""")
			.param("at", at)
			.param("by", sender)
			.param("u", target.id())
			.param("threshold", threshold)
			.update();
		if (updated == 0) {
			LocalDateTime last = this.jdbc.sql("SELECT last_sent_at FROM onboarding_reminders WHERE user_id = :u")
				.param("u", target.id())
				.query(LocalDateTime.class)
				.optional()
				.orElse(null);
			if (last != null) {
				throw tooSoon(last.toInstant(ZoneOffset.UTC));
			}
			try {
				this.jdbc.sql("INSERT INTO onboarding_reminders (user_id, last_sent_at, last_sent_by, sent_count) "
						+ "VALUES (:u, :at, :by, 1)")
					.param("u", target.id())
					.param("at", at)
					.param("by", sender)
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw tooSoon(now);
			}
		}
		Map<String, Object> model = new HashMap<>();
		model.put("name", target.fullName());
		model.put("institution", target.institutionName());
		model.put("currentStep", target.progress().currentStep());
		model.put("totalSteps", target.progress().totalSteps());
		this.mailer.send(target.email(), "Finish setting up your MentorHub profile", "onboarding-reminder", model);
		this.audit.record(AuditRecord.change("ONBOARDING_REMINDER_SENT", "users", target.id(), null,
				Map.of("status", target.progress().status().name(), "step", target.progress().currentStep())));
		this.events.publishEvent(new OnboardingReminderSent(target.id(), sender, now));
		return new Reminder(target.id(), now, now.plus(REMINDER_INTERVAL));
	}

	private static StateTransitionException tooSoon(Instant last) {
		return new StateTransitionException("This person was reminded less than 24 hours ago (at " + last
				+ " UTC); you can remind them again after " + last.plus(REMINDER_INTERVAL) + " UTC.");
	}

	private record Target(long id, String fullName, String email, String institutionName, OnboardingProgress progress) {
	}

	private Target target(Tenancy.Scope scope, long userId) {
		record Person(long id, Long institutionId, Long departmentId, String fullName, String email, String status,
				String onboardingStatus, Integer onboardingStep, int student) {
		}
		Person person = this.jdbc.sql("""
				SELECT u.id, u.institution_id, u.department_id, u.full_name, u.email, u.status,
				       p.onboarding_status, p.onboarding_step,
				       CASE WHEN s.user_id IS NULL THEN 0 ELSE 1 END AS student
				FROM identity_people u
				LEFT JOIN user_profiles p ON p.user_id = u.id
				LEFT JOIN student_profiles s ON s.user_id = u.id
				WHERE u.id = :id""")
			.param("id", userId)
			.query(Person.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Person not found"));
		this.tenancy.requireInScope(person.institutionId(), person.departmentId(), "Person");
		if (!"ACTIVE".equals(person.status())) {
			throw new StateTransitionException("Only active accounts are reminded: this one is "
					+ person.status().toLowerCase(Locale.ROOT) + ".");
		}
		OnboardingStatus status = person.onboardingStatus() == null ? OnboardingStatus.NOT_STARTED
				: OnboardingStatus.valueOf(person.onboardingStatus());
		if (status == OnboardingStatus.COMPLETED) {
			throw new StateTransitionException("This person has already finished onboarding.");
		}
		Set<String> roles = rolesOf(List.of(userId)).getOrDefault(userId, Set.of());
		OnboardingProgress progress = OnboardingProgress.of(status,
				person.onboardingStep() == null ? 0 : person.onboardingStep(),
				OnboardingStep.forRoles(roles, person.student() == 1), null);
		String institutionName = person.institutionId() == null ? null
				: this.organizations.findInstitution(person.institutionId()).map(InstitutionSummary::name).orElse(null);
		return new Target(person.id(), person.fullName(), person.email(), institutionName, progress);
	}

	private Tenancy.Scope scope() {
		if (!this.tenancy.hasRole("ADMIN") && !this.tenancy.hasRole("COORDINATOR")) {
			throw new AccessDeniedException("Only administrators and coordinators follow up onboarding");
		}
		return this.tenancy.scope();
	}

	private static Query check(Query query) {
		List<FieldProblem> problems = new ArrayList<>();
		String role = query.role() == null || query.role().isBlank() ? null
				: query.role().strip().toUpperCase(Locale.ROOT);
		if (role != null && !ROLES.contains(role)) {
			problems.add(new FieldProblem("role", "Choose a role: ADMIN, COORDINATOR, MENTOR, MENTEE or NEW_MOTHER."));
		}
		String status = query.status() == null || query.status().isBlank() ? null
				: query.status().strip().toUpperCase(Locale.ROOT);
		if (status != null && !status.equals("NOT_STARTED") && !status.equals("IN_PROGRESS")) {
			problems.add(new FieldProblem("status", "Choose a status: NOT_STARTED or IN_PROGRESS."));
		}
		String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
		if (text != null && text.length() > 100) {
			problems.add(new FieldProblem("q", "Enter at most 100 characters."));
		}
		if (query.page() < 1 || query.page() > 100_000) {
			problems.add(new FieldProblem("page", "Choose a page from 1."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Query(text, role, status, query.page());
	}

	private static String where(Tenancy.Scope scope, Query q, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE u.institution_id = :institution AND u.status = 'ACTIVE'"
				+ " AND (p.user_id IS NULL OR p.onboarding_status <> 'COMPLETED')");
		params.put("institution", scope.institutionId());
		if (scope.departmentId() != null) {
			where.append(" AND u.department_id = :department");
			params.put("department", scope.departmentId());
		}
		if (q.role() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM identity_person_roles pr WHERE pr.user_id = u.id AND pr.role = :role)");
			params.put("role", q.role());
		}
		if (q.text() != null) {
			// '!' escapes LIKE wildcards the same way on H2, PostgreSQL and MariaDB (a backslash does not).
			where.append(" AND (LOWER(u.full_name) LIKE :text ESCAPE '!' OR LOWER(u.email) LIKE :text ESCAPE '!'"
					+ " OR LOWER(u.username) LIKE :text ESCAPE '!')");
			params.put("text", "%" + q.text().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
				.replace("_", "!_") + "%");
		}
		if ("NOT_STARTED".equals(q.status())) {
			where.append(" AND (p.user_id IS NULL OR p.onboarding_status = 'NOT_STARTED')");
		}
		else if ("IN_PROGRESS".equals(q.status())) {
			where.append(" AND p.onboarding_status = 'IN_PROGRESS'");
		}
		return where.toString();
	}

	private Map<Long, Set<String>> rolesOf(List<Long> ids) {
		Map<Long, Set<String>> roles = new HashMap<>();
		if (ids.isEmpty()) {
			return roles;
		}
		this.jdbc.sql("SELECT user_id, role FROM identity_person_roles WHERE user_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> roles.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2)))
			.list();
		return roles;
	}

	private static Instant instant(LocalDateTime value) {
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	private record Row(long id, String fullName, String email, String primaryRole, String departmentName,
			String onboardingStatus, Integer onboardingStep, LocalDateTime updatedAt, LocalDateTime lastLoginAt,
			LocalDateTime lastSentAt, int student, long matches) {
	}

}
