package org.mentorhub.wellbeing.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.identity.RoleName;
import org.mentorhub.mentorship.Mentorships;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.session.Sessions;
import org.mentorhub.wellbeing.LeaveCoverageChanged;
import org.mentorhub.wellbeing.LeaveCoverageChanged.Change;
import org.mentorhub.wellbeing.groups.SupportGroups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leave coverage: a new mother (or an administrator for her) asks a colleague of her institution to
 * cover her leave; the colleague accepts or rejects; where the institution's settings require it an
 * administrator approves. On the start date {@link LeaveCoverageJob} pauses her mentorships (through
 * the mentorship module), cancels her upcoming sessions (through the session module) and shows the
 * proxy the covered mentees; on her return (recorded by her or an administrator, or the expected end
 * date passing) the paused mentorships resume, the proxy's view ends, she joins the returners group
 * and is offered the return plan, and the request is COMPLETED.
 * <p>
 * Who sees a request: the mother, the proxy and the administrators of her institution; everybody else
 * gets "not found". Every status change goes through {@link CoverageStatus} (409 otherwise) and a
 * version check. "Today" is the application clock's UTC date.
 */
@Service
public class LeaveCoverage {

	public static final int MAX_NOTES = 5_000;

	public static final int MAX_PLAN = 5_000;

	/** How far a leave may reach. */
	static final int MAX_YEARS = 3;

	/** The reason her mentorships show while they are paused. */
	static final String PAUSE_REASON = "parental leave";

	/** What the other participant of each cancelled session reads. */
	static final String CANCEL_MESSAGE = "This session is cancelled because your mentoring partner is on parental "
			+ "leave. Thank you for your understanding; you will hear when mentoring resumes.";

	private static final String SELECT = """
			SELECT r.id, r.mother_id, m.full_name AS mother_name, m.institution_id, r.proxy_id, p.full_name AS proxy_name,
			       r.status, r.start_date, r.expected_end_date, r.actual_end_date, r.notes, r.approval_required,
			       r.approved_at, r.started_at, r.return_plan, r.version
			FROM proxy_requests r JOIN identity_people m ON m.id = r.mother_id JOIN identity_people p ON p.id = r.proxy_id
			""";

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final People people;

	private final Mentorships mentorships;

	private final Sessions sessions;

	private final SupportGroups groups;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LeaveCoverage(JdbcClient jdbc, Tenancy tenancy, People people, Mentorships mentorships, Sessions sessions,
			SupportGroups groups, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.people = people;
		this.mentorships = mentorships;
		this.sessions = sessions;
		this.groups = groups;
		this.events = events;
		this.clock = clock;
	}

	/** A stored request with the names and institution of the people in it. */
	record Row(long id, long motherId, String motherName, Long institutionId, long proxyId, String proxyName,
			CoverageStatus status, LocalDate startDate, LocalDate expectedEndDate, LocalDate actualEndDate, String notes,
			boolean approvalRequired, boolean approved, boolean started, String returnPlan, long version) {

		static Row of(ResultSet rs) throws SQLException {
			long inst = rs.getLong("institution_id");
			Long institution = rs.wasNull() ? null : inst;
			return new Row(rs.getLong("id"), rs.getLong("mother_id"), rs.getString("mother_name"), institution,
					rs.getLong("proxy_id"), rs.getString("proxy_name"), CoverageStatus.valueOf(rs.getString("status")),
					rs.getObject("start_date", LocalDate.class), rs.getObject("expected_end_date", LocalDate.class),
					rs.getObject("actual_end_date", LocalDate.class), rs.getString("notes"),
					rs.getBoolean("approval_required"), rs.getObject("approved_at") != null,
					rs.getObject("started_at") != null, rs.getString("return_plan"), rs.getLong("version"));
		}

	}

	// ---------------------------------------------------------------- reads

	/** Whether the caller may ask for coverage (a new mother for herself, an administrator for one). */
	public boolean mayRequest() {
		return this.tenancy.hasRole("NEW_MOTHER") || isAdmin();
	}

	/** Whether the caller is an administrator of an institution (approves and sets the settings). */
	public boolean isAdmin() {
		return this.tenancy.hasRole("ADMIN") && this.tenancy.actor().institutionId() != null;
	}

	/** The requests the caller takes part in and, for an administrator, her institution's; newest leave first. */
	@Transactional(readOnly = true)
	public List<CoverageView> list() {
		Actor actor = this.tenancy.actor();
		String where = isAdmin() ? "WHERE r.mother_id = :me OR r.proxy_id = :me OR m.institution_id = :inst"
				: "WHERE r.mother_id = :me OR r.proxy_id = :me";
		var sql = this.jdbc.sql(SELECT + where + " ORDER BY r.start_date DESC, r.id DESC LIMIT 200").param("me", actor.id());
		if (isAdmin()) {
			sql = sql.param("inst", actor.institutionId());
		}
		return sql.query((rs, i) -> Row.of(rs)).list().stream().map(r -> view(r, actor, false)).toList();
	}

	/** One request, with the handover notes and covered mentees where the caller may see them; 404 otherwise. */
	@Transactional(readOnly = true)
	public CoverageView get(long id) {
		Actor actor = this.tenancy.actor();
		return view(visible(id, actor), actor, true);
	}

	/** Colleagues of the caller's institution who can sign in, by name (the proxy choice; she is left out). */
	@Transactional(readOnly = true)
	public List<PersonOption> colleagues() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, full_name FROM identity_people WHERE institution_id = :i AND status = 'ACTIVE' AND id <> :me
				ORDER BY full_name, id LIMIT 2000""")
			.param("i", actor.institutionId()).param("me", actor.id())
			.query((rs, i) -> new PersonOption(rs.getLong(1), rs.getString(2))).list();
	}

	/** For an administrator: the new mothers of her institution, by name. */
	@Transactional(readOnly = true)
	public List<PersonOption> mothers() {
		if (!isAdmin()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT p.id, p.full_name FROM identity_people p
				WHERE p.institution_id = :i AND p.status = 'ACTIVE'
				  AND EXISTS (SELECT 1 FROM identity_person_roles r WHERE r.user_id = p.id AND r.role = 'NEW_MOTHER')
				ORDER BY p.full_name, p.id LIMIT 2000""")
			.param("i", this.tenancy.actor().institutionId())
			.query((rs, i) -> new PersonOption(rs.getLong(1), rs.getString(2))).list();
	}

	// ---------------------------------------------------------------- the request and its answers

	/** A new PENDING request; 403 for anybody but a new mother or an administrator, 400 for bad input. */
	@Transactional
	public CoverageView request(CoverageInput input) {
		Actor actor = this.tenancy.actor();
		boolean admin = isAdmin();
		boolean mother = this.tenancy.hasRole("NEW_MOTHER");
		if (!admin && !mother) {
			throw new AccessDeniedException("Only a new mother, or an administrator for her, asks for leave coverage.");
		}
		CoverageInput in = input == null ? new CoverageInput(null, null, null, null, null) : input;
		Long motherId = admin && in.motherId() != null ? in.motherId() : mother ? Long.valueOf(actor.id()) : null;
		List<FieldProblem> problems = new ArrayList<>();
		Set<Long> ids = new LinkedHashSet<>();
		if (motherId != null) {
			ids.add(motherId);
		}
		if (in.proxyId() != null) {
			ids.add(in.proxyId());
		}
		Map<Long, Person> persons = ids.isEmpty() ? Map.of() : this.people.summaries(ids);
		Person motherPerson = motherId == null ? null : persons.get(motherId);
		boolean self = motherId != null && motherId == actor.id();
		if (motherId == null) {
			problems.add(new FieldProblem("motherId", "Choose the new mother whose leave is covered."));
		}
		else if (!self && (motherPerson == null || !sameInstitution(motherPerson, actor)
				|| !motherPerson.has(RoleName.NEW_MOTHER))) {
			problems.add(new FieldProblem("motherId", "Choose a new mother of your institution."));
		}
		Person proxy = in.proxyId() == null ? null : persons.get(in.proxyId());
		if (in.proxyId() == null) {
			problems.add(new FieldProblem("proxyId", "Choose the colleague who covers the leave."));
		}
		else if (motherId != null && in.proxyId().longValue() == motherId.longValue()) {
			problems.add(new FieldProblem("proxyId", self ? "You cannot cover your own leave; choose a colleague."
					: "She cannot cover her own leave; choose a colleague."));
		}
		else if (proxy == null || !sameInstitution(proxy, actor) || !proxy.active()) {
			problems.add(new FieldProblem("proxyId", "Choose a colleague from your institution."));
		}
		LocalDate today = today();
		if (in.startDate() == null) {
			problems.add(new FieldProblem("startDate", "Give the first day of the leave."));
		}
		else if (in.startDate().isBefore(today)) {
			problems.add(new FieldProblem("startDate", "The leave cannot start in the past."));
		}
		if (in.expectedEndDate() == null) {
			problems.add(new FieldProblem("expectedEndDate", "Give the expected last day of the leave."));
		}
		else if (in.startDate() != null && in.expectedEndDate().isBefore(in.startDate())) {
			problems.add(new FieldProblem("expectedEndDate", "The end date must be on or after the start date."));
		}
		else if (in.startDate() != null && in.expectedEndDate().isAfter(in.startDate().plusYears(MAX_YEARS))) {
			problems.add(new FieldProblem("expectedEndDate", "A covered leave lasts at most " + MAX_YEARS + " years."));
		}
		String notes = in.notes() == null ? "" : in.notes().strip();
		if (notes.length() > MAX_NOTES) {
			problems.add(new FieldProblem("notes", "Handover notes have at most " + MAX_NOTES + " characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// Two requests for the same proxy or mother must not both pass the overlap check.
		this.people.lock(List.of(motherId, in.proxyId()));
		LocalDate start = in.startDate();
		LocalDate end = in.expectedEndDate();
		List<LocalDate[]> busy = overlapping("proxy_id", in.proxyId(), start, end);
		if (!busy.isEmpty()) {
			throw new InvalidInputException("proxyId", proxy.fullName() + " already covers a colleague from "
					+ busy.get(0)[0] + " to " + busy.get(0)[1] + "; choose another colleague or other dates.");
		}
		if (!overlapping("mother_id", in.proxyId(), start, end).isEmpty()) {
			throw new InvalidInputException("proxyId",
					proxy.fullName() + " is on leave herself during those dates; choose another colleague.");
		}
		if (!overlapping("mother_id", motherId, start, end).isEmpty()) {
			throw new InvalidInputException("startDate",
					"This leave already has an open coverage request for overlapping dates.");
		}
		CoverageSettingsView settings = settingsOf(motherPerson.institutionId());
		LocalDateTime now = now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO proxy_requests (mother_id, proxy_id, status, start_date, expected_end_date, notes, requested_by_id,
				                            approval_required, created_at, updated_at, version)
				VALUES (:mother, :proxy, 'PENDING', :start, :end, :notes, :by, :approval, :now, :now, 0)""")
			.param("mother", motherId).param("proxy", in.proxyId()).param("start", start).param("end", end)
			.param("notes", notes.isEmpty() ? null : notes).param("by", actor.id())
			.param("approval", settings.approvalRequired()).param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		List<Long> told = new ArrayList<>(List.of(in.proxyId()));
		if (!self) {
			told.add(motherId);
		}
		publish(id, Change.REQUESTED, motherId, in.proxyId(), start, end, told);
		return get(id);
	}

	/** The proxy accepts: ACCEPTED; administrators hear of it where their approval is needed. */
	@Transactional
	public CoverageView accept(long id, Long version) {
		Row r = transition(id, CoverageStatus.Action.ACCEPT, version);
		publish(r, Change.ACCEPTED, List.of(r.motherId()));
		if (r.approvalRequired() && !r.approved()) {
			publish(r, Change.APPROVAL_NEEDED, admins(r.institutionId()));
		}
		return get(id);
	}

	/** The proxy turns the request down: REJECTED. */
	@Transactional
	public CoverageView reject(long id, Long version) {
		Row r = transition(id, CoverageStatus.Action.REJECT, version);
		publish(r, Change.REJECTED, List.of(r.motherId()));
		return get(id);
	}

	/** The mother or an administrator withdraws the request before the leave starts: CANCELLED. */
	@Transactional
	public CoverageView cancel(long id, Long version) {
		Row r = transition(id, CoverageStatus.Action.CANCEL, version);
		publish(r, Change.CANCELLED, others(r, List.of(r.proxyId(), r.motherId())));
		return get(id);
	}

	/** An administrator of her institution approves a request that needs it (pending or accepted, not started). */
	@Transactional
	public CoverageView approve(long id, Long version) {
		Actor actor = this.tenancy.actor();
		Row r = visible(id, actor);
		if (!managesRow(r, actor)) {
			throw new AccessDeniedException("An administrator of her institution approves leave coverage.");
		}
		if (!r.approvalRequired() || r.approved()) {
			throw new StateTransitionException(r.approved() ? "This coverage is approved already."
					: "Your institution does not require approval of leave coverage.");
		}
		if (!r.status().open() || r.started()) {
			throw new StateTransitionException("A coverage request that is " + r.status().name()
					+ " cannot be approved.");
		}
		requireVersion(r, version);
		int changed = this.jdbc.sql("""
				UPDATE proxy_requests SET approved_at = :now, approved_by_id = :me, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :v AND approved_at IS NULL""")
			.param("now", now()).param("me", actor.id()).param("id", id).param("v", r.version()).update();
		if (changed == 0) {
			throw changedMeanwhile();
		}
		publish(r, Change.APPROVED, List.of(r.motherId(), r.proxyId()));
		return get(id);
	}

	/**
	 * The mother or an administrator records her return (the actual end date; today when null) once the
	 * leave has started: everything the leave changed is undone and the request is COMPLETED.
	 */
	@Transactional
	public CoverageView recordReturn(long id, LocalDate actualEndDate, Long version) {
		Actor actor = this.tenancy.actor();
		Row r = visible(id, actor);
		if (!(r.motherId() == actor.id() || managesRow(r, actor))) {
			throw new AccessDeniedException("She, or an administrator of her institution, records her return.");
		}
		r.status().after(CoverageStatus.Action.COMPLETE);
		if (!r.started()) {
			throw new StateTransitionException("The leave has not started yet; cancel the request instead.");
		}
		requireVersion(r, version);
		LocalDate today = today();
		LocalDate end = actualEndDate == null ? today : actualEndDate;
		if (end.isAfter(today)) {
			throw new InvalidInputException("actualEndDate", "Her return cannot be recorded for a day in the future.");
		}
		if (end.isBefore(r.startDate())) {
			throw new InvalidInputException("actualEndDate", "The return date must be on or after the start date.");
		}
		if (!complete(r, end)) {
			throw changedMeanwhile();
		}
		return get(id);
	}

	// ---------------------------------------------------------------- settings

	/** The caller's institution's settings (administrators only; 403 otherwise). */
	@Transactional(readOnly = true)
	public CoverageSettingsView settings() {
		requireAdmin();
		return settingsOf(this.tenancy.actor().institutionId());
	}

	/** Saves the caller's institution's settings; the group must be one of hers (400 otherwise). */
	@Transactional
	public CoverageSettingsView saveSettings(Boolean approvalRequired, Long returnersGroupId, String returnPlan) {
		requireAdmin();
		long institution = this.tenancy.actor().institutionId();
		String plan = returnPlan == null ? "" : returnPlan.strip();
		if (plan.length() > MAX_PLAN) {
			throw new InvalidInputException("returnPlan", "The return plan has at most " + MAX_PLAN + " characters.");
		}
		if (returnersGroupId != null && this.jdbc.sql(
				"SELECT COUNT(*) FROM support_groups WHERE id = :g AND institution_id = :i")
			.param("g", returnersGroupId).param("i", institution).query(Long.class).single() == 0) {
			throw new InvalidInputException("returnersGroupId", "Choose one of your institution's support groups.");
		}
		boolean approval = Boolean.TRUE.equals(approvalRequired);
		int updated = this.jdbc.sql("""
				UPDATE coverage_settings SET approval_required = :a, returners_group_id = :g, return_plan = :p, updated_at = :now
				WHERE institution_id = :i""")
			.param("a", approval).param("g", returnersGroupId).param("p", plan.isEmpty() ? null : plan)
			.param("now", now()).param("i", institution).update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO coverage_settings (institution_id, approval_required, returners_group_id, return_plan, updated_at)
					VALUES (:i, :a, :g, :p, :now)""")
				.param("a", approval).param("g", returnersGroupId).param("p", plan.isEmpty() ? null : plan)
				.param("now", now()).param("i", institution).update();
		}
		return settingsOf(institution);
	}

	// ---------------------------------------------------------------- the job's part (no signed-in user)

	/** Ids of accepted (and approved where needed) requests whose leave starts today or started before. */
	List<Long> dueToStart() {
		return this.jdbc.sql("""
				SELECT id FROM proxy_requests WHERE status = 'ACCEPTED' AND started_at IS NULL AND start_date <= :today
				  AND (approval_required = FALSE OR approved_at IS NOT NULL) ORDER BY start_date, id LIMIT 500""")
			.param("today", today()).query(Long.class).list();
	}

	/** Ids of running leaves whose expected end date has passed. */
	List<Long> dueToEnd() {
		return this.jdbc.sql("""
				SELECT id FROM proxy_requests WHERE status = 'ACCEPTED' AND started_at IS NOT NULL AND expected_end_date < :today
				ORDER BY expected_end_date, id LIMIT 500""")
			.param("today", today()).query(Long.class).list();
	}

	/**
	 * Starts one leave, in the caller's transaction: claims it (only one run does), pauses her
	 * mentorships, cancels her upcoming sessions, records the covered mentees and tells everyone
	 * affected. False when another run started it already.
	 */
	@Transactional
	public boolean start(long id) {
		int claimed = this.jdbc.sql("""
				UPDATE proxy_requests SET started_at = :now, updated_at = :now, version = version + 1
				WHERE id = :id AND status = 'ACCEPTED' AND started_at IS NULL""")
			.param("now", now()).param("id", id).update();
		if (claimed == 0) {
			return false;
		}
		Row r = row(id);
		List<Mentorships.LeavePause> paused = this.mentorships.pauseForLeave(r.motherId(), PAUSE_REASON);
		for (Mentorships.LeavePause p : paused) {
			this.jdbc.sql("""
					INSERT INTO proxy_request_mentorships (request_id, mentorship_id, mentor_id, mentee_id)
					VALUES (:r, :m, :mentor, :mentee)""")
				.param("r", id).param("m", p.mentorshipId()).param("mentor", p.mentorId()).param("mentee", p.menteeId())
				.update();
		}
		this.sessions.cancelUpcomingForLeave(r.motherId(), CANCEL_MESSAGE);
		Set<Long> told = new LinkedHashSet<>(List.of(r.motherId(), r.proxyId()));
		paused.stream().filter(p -> p.mentorId() == r.motherId()).forEach(p -> told.add(p.menteeId()));
		publish(r, Change.STARTED, List.copyOf(told));
		return true;
	}

	/** Ends one running leave whose expected end date passed (the actual end date is the expected one). */
	@Transactional
	public boolean endAsExpected(long id) {
		Row r = row(id);
		if (r.status() != CoverageStatus.ACCEPTED || !r.started()) {
			return false;
		}
		return complete(r, r.expectedEndDate());
	}

	// ---------------------------------------------------------------- internals

	/** COMPLETED, once: resumes what the leave paused, enrols her in the returners group, offers the plan. */
	private boolean complete(Row r, LocalDate actualEnd) {
		r.status().after(CoverageStatus.Action.COMPLETE);
		CoverageSettingsView settings = r.institutionId() == null ? CoverageSettingsView.DEFAULTS
				: settingsOf(r.institutionId());
		String plan = settings.returnPlan().isEmpty() ? null : String.join("\n", settings.returnPlan());
		LocalDateTime now = now();
		int changed = this.jdbc.sql("""
				UPDATE proxy_requests SET status = 'COMPLETED', actual_end_date = :end, completed_at = :now, return_plan = :plan,
				       updated_at = :now, version = version + 1
				WHERE id = :id AND status = 'ACCEPTED' AND started_at IS NOT NULL AND version = :v""")
			.param("end", actualEnd).param("now", now).param("plan", plan).param("id", r.id()).param("v", r.version())
			.update();
		if (changed == 0) {
			return false;
		}
		List<long[]> covered = this.jdbc.sql(
				"SELECT mentorship_id, mentor_id, mentee_id FROM proxy_request_mentorships WHERE request_id = :r ORDER BY mentorship_id")
			.param("r", r.id()).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
		if (!covered.isEmpty()) {
			this.mentorships.resumeAfterLeave(r.motherId(), covered.stream().map(c -> c[0]).toList());
			this.jdbc.sql("UPDATE proxy_request_mentorships SET resumed_at = :now WHERE request_id = :r")
				.param("now", now).param("r", r.id()).update();
		}
		if (settings.returnersGroupId() != null && r.institutionId() != null) {
			this.groups.enrolReturner(settings.returnersGroupId(), r.institutionId(), r.motherId());
		}
		Set<Long> told = new LinkedHashSet<>(List.of(r.motherId(), r.proxyId()));
		covered.stream().filter(c -> c[1] == r.motherId()).forEach(c -> told.add(c[2]));
		publish(r.id(), Change.ENDED, r.motherId(), r.proxyId(), r.startDate(), actualEnd, List.copyOf(told));
		return true;
	}

	/** Checks the caller's part and the status table, then moves the status (with the version check). */
	private Row transition(long id, CoverageStatus.Action action, Long version) {
		Actor actor = this.tenancy.actor();
		Row r = visible(id, actor);
		boolean entitled = switch (action) {
			case ACCEPT, REJECT -> r.proxyId() == actor.id();
			case CANCEL -> r.motherId() == actor.id() || managesRow(r, actor);
			case COMPLETE -> false;
		};
		if (!entitled) {
			throw new AccessDeniedException(action == CoverageStatus.Action.CANCEL
					? "She, or an administrator of her institution, cancels the request."
					: "Only the colleague asked to cover answers the request.");
		}
		CoverageStatus to = r.status().after(action);
		if (action == CoverageStatus.Action.CANCEL && r.started()) {
			throw new StateTransitionException("The leave has started, so the coverage cannot be cancelled; "
					+ "record her return instead.");
		}
		requireVersion(r, version);
		String decided = action == CoverageStatus.Action.CANCEL ? "" : "decided_at = :now, ";
		int changed = this.jdbc.sql("UPDATE proxy_requests SET status = :to, " + decided + """
				updated_at = :now, version = version + 1
				WHERE id = :id AND version = :v AND status = :from""")
			.param("to", to.name())
			.param("now", now()).param("id", id).param("v", r.version()).param("from", r.status().name()).update();
		if (changed == 0) {
			throw changedMeanwhile();
		}
		return r;
	}

	private List<LocalDate[]> overlapping(String column, long person, LocalDate start, LocalDate end) {
		return this.jdbc.sql("SELECT start_date, expected_end_date FROM proxy_requests WHERE " + column + """
				 = :p AND status IN ('PENDING', 'ACCEPTED') AND start_date <= :end AND expected_end_date >= :start
				ORDER BY start_date""")
			.param("p", person).param("start", start).param("end", end)
			.query((rs, i) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
			.list();
	}

	private CoverageView view(Row r, Actor actor, boolean details) {
		boolean manages = managesRow(r, actor);
		boolean mother = r.motherId() == actor.id();
		boolean proxy = r.proxyId() == actor.id();
		List<String> actions = new ArrayList<>();
		if (proxy && r.status() == CoverageStatus.PENDING) {
			actions.add("ACCEPT");
			actions.add("REJECT");
		}
		if (manages && r.approvalRequired() && !r.approved() && r.status().open() && !r.started()) {
			actions.add("APPROVE");
		}
		if ((mother || manages) && r.status().allows(CoverageStatus.Action.CANCEL) && !r.started()) {
			actions.add("CANCEL");
		}
		if ((mother || manages) && r.status() == CoverageStatus.ACCEPTED && r.started()) {
			actions.add("RETURN");
		}
		// The proxy's access to the handover notes and mentees ends with the coverage.
		boolean proxyCovers = r.status().open();
		String notes = details && (mother || manages || (proxy && proxyCovers)) ? r.notes() : null;
		List<CoverageView.CoveredMentee> covered = details && r.started() && r.status() == CoverageStatus.ACCEPTED
				? covered(r) : List.of();
		List<String> plan = details && mother && r.returnPlan() != null ? lines(r.returnPlan()) : List.of();
		Long group = null;
		if (details && mother && r.status() == CoverageStatus.COMPLETED && r.institutionId() != null) {
			group = settingsOf(r.institutionId()).returnersGroupId();
		}
		return new CoverageView(r.id(), r.motherId(), r.motherName(), r.proxyId(), r.proxyName(), r.status(),
				r.startDate(), r.expectedEndDate(), r.actualEndDate(), notes, r.approvalRequired(), r.approved(),
				r.started(), plan, group, covered, List.copyOf(actions), r.version());
	}

	private List<CoverageView.CoveredMentee> covered(Row r) {
		return this.jdbc.sql("""
				SELECT c.mentorship_id, c.mentee_id, p.full_name FROM proxy_request_mentorships c
				JOIN identity_people p ON p.id = c.mentee_id
				WHERE c.request_id = :r AND c.mentor_id = :mother ORDER BY p.full_name, c.mentee_id""")
			.param("r", r.id()).param("mother", r.motherId())
			.query((rs, i) -> new CoverageView.CoveredMentee(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
	}

	private CoverageSettingsView settingsOf(Long institution) {
		if (institution == null) {
			return CoverageSettingsView.DEFAULTS;
		}
		return this.jdbc.sql(
				"SELECT approval_required, returners_group_id, return_plan FROM coverage_settings WHERE institution_id = :i")
			.param("i", institution)
			.query((rs, i) -> {
				long g = rs.getLong(2);
				Long group = rs.wasNull() ? null : g;
				return new CoverageSettingsView(rs.getBoolean(1), group, lines(rs.getString(3)));
			})
			.optional().orElse(CoverageSettingsView.DEFAULTS);
	}

	private List<Long> admins(Long institution) {
		if (institution == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT p.id FROM identity_people p
				WHERE p.institution_id = :i AND p.status = 'ACTIVE'
				  AND EXISTS (SELECT 1 FROM identity_person_roles r WHERE r.user_id = p.id AND r.role = 'ADMIN')
				ORDER BY p.id""").param("i", institution).query(Long.class).list();
	}

	private Row visible(long id, Actor actor) {
		Row r = this.jdbc.sql(SELECT + "WHERE r.id = :id").param("id", id).query((rs, i) -> Row.of(rs)).optional()
			.orElseThrow(LeaveCoverage::notFound);
		if (r.motherId() != actor.id() && r.proxyId() != actor.id() && !managesRow(r, actor)) {
			throw notFound();
		}
		return r;
	}

	private Row row(long id) {
		return this.jdbc.sql(SELECT + "WHERE r.id = :id").param("id", id).query((rs, i) -> Row.of(rs)).optional()
			.orElseThrow(LeaveCoverage::notFound);
	}

	private boolean managesRow(Row r, Actor actor) {
		return this.tenancy.hasRole("ADMIN") && actor.institutionId() != null
				&& actor.institutionId().equals(r.institutionId());
	}

	private void requireAdmin() {
		if (!isAdmin()) {
			throw new AccessDeniedException("Administrators set leave coverage up for their institution.");
		}
	}

	private static void requireVersion(Row r, Long version) {
		if (version != null && version != r.version()) {
			throw changedMeanwhile();
		}
	}

	private static boolean sameInstitution(Person person, Actor actor) {
		return person.institutionId() != null && person.institutionId().equals(actor.institutionId());
	}

	private List<Long> others(Row r, List<Long> ids) {
		long me = this.tenancy.actor().id();
		return ids.stream().filter(i -> i != me).distinct().toList();
	}

	private void publish(Row r, Change change, List<Long> recipients) {
		publish(r.id(), change, r.motherId(), r.proxyId(), r.startDate(), r.expectedEndDate(), recipients);
	}

	private void publish(long id, Change change, long mother, long proxy, LocalDate start, LocalDate end,
			List<Long> recipients) {
		this.events.publishEvent(new LeaveCoverageChanged(id, change, mother, proxy, start, end, List.copyOf(recipients)));
	}

	private static List<String> lines(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static StateTransitionException changedMeanwhile() {
		return new StateTransitionException("The coverage request changed meanwhile; reload it and try again.");
	}

	private static NotFoundException notFound() {
		return new NotFoundException("Coverage request not found");
	}

}
