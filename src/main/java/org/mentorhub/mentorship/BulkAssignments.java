package org.mentorhub.mentorship;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.mentorship.matching.AssignmentOptions;
import org.mentorhub.mentorship.matching.AssignmentOptions.Pair;
import org.mentorhub.mentorship.matching.AssignmentResult;
import org.mentorhub.mentorship.matching.BulkAssigner;
import org.mentorhub.mentorship.matching.MatchingIndex;
import org.mentorhub.mentorship.matching.MenteeCandidate;
import org.mentorhub.mentorship.matching.MentorCandidate;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.jobs.JobFailedException;
import org.mentorhub.platform.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk assignment (issue 5, item 5): an administrator (whole institution) or coordinator (own
 * department) runs the optimiser ({@link BulkAssigner}) for a department or a cohort of mentees. The
 * result is a draft, stored with its pairs (score, explanation), unassigned mentees (reason), pins and
 * removals. The run happens in the background (a job of the platform's {@link Jobs}, resumed after a
 * restart); the draft's progress is stored in its row and polled by the page. The draft is reviewed, pairs are pinned or removed, the
 * draft is re-run (keeping pins and removals), and then committed: every pair becomes an ACTIVE
 * mentorship through {@link Mentorships#activateAssigned} in ONE transaction (capacity reserved,
 * each pair's MentorshipProposed and MentorshipActivated published, then one {@link AssignmentDraftCommitted}); if anything changed since the run, nothing is written and the draft is stale
 * (409). Drafts outside the caller's scope are "not found"; mentors and mentees are refused (403).
 */
@Service
public class BulkAssignments {

	private static final Logger log = LoggerFactory.getLogger(BulkAssignments.class);

	/** The most entries a pasted cohort may have. */
	public static final int MAX_COHORT = 5000;

	/** The state of a draft. */
	public enum Status {

		RUNNING, READY, FAILED, COMMITTED, DISCARDED, STALE

	}

	/** A draft without its rows. */
	public record DraftSummary(long id, long institutionId, Long departmentId, String departmentName,
			String cohortDescription, boolean maximiseAssignments, Status status, int progress, boolean needsRerun,
			long totalScore, int assignedCount, int unassignedCount, String failureReason, Long createdById,
			Instant createdAt, Instant updatedAt, Instant committedAt, long version) {

		public boolean running() {
			return this.status == Status.RUNNING;
		}

		public boolean reviewable() {
			return this.status == Status.READY || this.status == Status.STALE || this.status == Status.FAILED;
		}

		public boolean committable() {
			return this.status == Status.READY && !this.needsRerun;
		}

	}

	/** One proposed pair of a draft, with its score and why. */
	public record DraftPair(long menteeId, String menteeName, long mentorId, String mentorName, int score,
			String explanation, boolean pinned) {
	}

	/** A mentee the run could not place, with the reason. */
	public record UnassignedMentee(long menteeId, String menteeName, String reason) {
	}

	/** A pinned or removed pair. */
	public record PinnedPair(long menteeId, String menteeName, long mentorId, String mentorName) {
	}

	/** A whole draft. */
	public record Draft(DraftSummary summary, List<DraftPair> pairs, List<UnassignedMentee> unassigned,
			List<PinnedPair> pins, List<PinnedPair> removals) {
	}

	/** A person to choose in the "pin a pair" form. */
	public record Choice(long id, String fullName) {
	}

	private final BulkDrafts drafts;

	private final MatchingInputs inputs;

	private final MatchingSettings settings;

	private final Mentorships mentorships;

	private final Organizations organizations;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Jobs jobs;

	private final ApplicationEventPublisher events;

	private final Map<Long, AtomicBoolean> cancels = new ConcurrentHashMap<>();

	BulkAssignments(BulkDrafts drafts, MatchingInputs inputs, MatchingSettings settings, Mentorships mentorships,
			Organizations organizations, Tenancy tenancy, AuditTrail audit, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Jobs jobs, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.drafts = drafts;
		this.inputs = inputs;
		this.settings = settings;
		this.mentorships = mentorships;
		this.organizations = organizations;
		this.tenancy = tenancy;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.jobs = jobs;
	}

	// ---------------------------------------------------------------- reads

	/** A draft in the caller's scope. */
	public Draft get(long draftId) {
		return this.transactions.execute(s -> {
			requireDraft(draftId);
			return this.drafts.draft(draftId);
		});
	}

	/** The draft's summary (for the progress poll). */
	public DraftSummary summary(long draftId) {
		return get(draftId).summary();
	}

	/** The last 20 drafts in the caller's scope, newest first. */
	public List<DraftSummary> recent() {
		Tenancy.Scope scope = requireManager();
		return this.drafts.recent(scope.institutionId(), scope.departmentId());
	}

	/** The departments the caller may run for (an administrator: all; a coordinator: their own). */
	public List<DepartmentSummary> departments() {
		Tenancy.Scope scope = requireManager();
		return this.organizations.departmentsOf(scope.institutionId())
			.stream()
			.filter(d -> scope.wholeInstitution() || d.id() == scope.departmentId())
			.toList();
	}

	/** The institution's mentors, for the "pin a pair" form of a draft. */
	public List<Choice> mentorChoices(long draftId) {
		BulkDrafts.Row row = requireDraft(draftId);
		return this.jdbc.sql("""
				SELECT u.id, u.full_name FROM identity_people u JOIN profile_mentor_capacities mp ON mp.user_id = u.id
				WHERE u.institution_id = :i AND u.status = 'ACTIVE' ORDER BY u.full_name, u.id""")
			.param("i", row.institutionId())
			.query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2)))
			.list();
	}

	// ---------------------------------------------------------------- running

	/**
	 * Starts a run for a department ({@code departmentId}), or a cohort (e-mail addresses or user ids of
	 * mentees, one per entry), or, without either, the caller's whole scope. Returns the draft id at
	 * once; the draft is RUNNING until the background run finishes.
	 */
	public long start(Long departmentId, List<String> cohort, boolean maximiseAssignments) {
		Tenancy.Scope scope = requireManager();
		long me = this.tenancy.actor().id();
		List<String> entries = cohort == null ? List.of()
				: cohort.stream().filter(e -> e != null && !e.isBlank()).map(String::trim).distinct().toList();
		if (entries.size() > MAX_COHORT) {
			throw new InvalidInputException("cohort", "Paste at most " + MAX_COHORT + " mentees.");
		}
		Long department = departmentId;
		String description;
		if (department != null) {
			DepartmentSummary d = this.organizations.findDepartment(department)
				.filter(x -> x.institutionId() == scope.institutionId())
				.orElseThrow(() -> new InvalidInputException("departmentId", "Choose a department of your institution."));
			if (!scope.wholeInstitution() && !department.equals(scope.departmentId())) {
				throw new InvalidInputException("departmentId", "You can run bulk assignments for your own department only.");
			}
			description = "Department " + d.name();
		}
		else {
			department = scope.departmentId();
			description = department == null ? "Whole institution"
					: "Department " + this.organizations.findDepartment(department).map(DepartmentSummary::name).orElse("");
		}
		List<Long> cohortIds = null;
		if (!entries.isEmpty()) {
			cohortIds = resolveCohort(scope, department, entries);
			description = "Cohort of " + cohortIds.size() + (cohortIds.size() == 1 ? " mentee" : " mentees")
					+ (department == null ? "" : " (" + description + ")");
		}
		Instant now = this.clock.instant();
		List<Long> finalCohort = cohortIds;
		Long finalDepartment = department;
		String finalDescription = description;
		long id = this.transactions.execute(s -> {
			long draftId = this.drafts.insert(scope.institutionId(), finalDepartment, finalDescription, finalCohort,
					maximiseAssignments, me, now);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", Status.RUNNING.name());
			after.put("departmentId", finalDepartment);
			after.put("cohort", finalDescription);
			after.put("maximiseAssignments", maximiseAssignments);
			this.audit.record(AuditRecord.change("BULK_ASSIGNMENT_STARTED", "assignment_draft", draftId, null, after));
			submit(draftId);
			return draftId;
		});
		return id;
	}

	/** Re-runs a draft that is not running, committed or discarded; pins and removals are kept. */
	public void rerun(long draftId) {
		requireDraft(draftId);
		boolean started = Boolean.TRUE.equals(this.transactions.execute(s -> {
			boolean running = this.drafts.transition(draftId, Status.RUNNING, this.clock.instant(), null, Status.READY,
					Status.STALE, Status.FAILED);
			if (running) {
				submit(draftId);
			}
			return running;
		}));
		if (!started) {
			throw new StateTransitionException(stateMessage(draftId, "re-run"));
		}
	}

	/**
	 * Pins a pair: every re-run keeps it. Refused (400) when the mentee is not in the draft, or the pair
	 * breaks a hard limit or the mentor's capacity (with the other pins). The draft needs a re-run after.
	 */
	public void pin(long draftId, Long menteeId, Long mentorId) {
		BulkDrafts.Row row = requireEditable(draftId);
		requirePair(menteeId, mentorId);
		if (!this.drafts.mentees(draftId).contains(menteeId)) {
			throw new InvalidInputException("menteeId", "Choose a mentee of this draft.");
		}
		MatchingInputs.Pool pool = pool(row);
		if (pool.mentors().stream().noneMatch(m -> m.id() == mentorId)) {
			throw new InvalidInputException("mentorId", "Choose a mentor of your institution.");
		}
		if (pool.mentees().stream().noneMatch(m -> m.id() == menteeId)) {
			throw new StateTransitionException("The draft is stale, re-run it: that mentee is no longer free.");
		}
		List<Pair> pins = new ArrayList<>(this.drafts.pins(draftId).stream().filter(p -> p.menteeId() != menteeId).toList());
		pins.add(new Pair(menteeId, mentorId));
		List<Pair> removals = this.drafts.removals(draftId)
			.stream()
			.filter(p -> !(p.menteeId() == menteeId && p.mentorId() == mentorId))
			.toList();
		// The optimiser's own checks: hard limits, capacity with the other pins.
		BulkAssigner.prepare(MatchingIndex.of(pool.mentors(), this.settings.weightsOf(row.institutionId())),
				pool.mentees(), options(row, pool, pins, removals).withCandidatesPerMentee(1));
		this.transactions.executeWithoutResult(s -> {
			this.drafts.pin(draftId, menteeId, mentorId);
			this.drafts.needsRerun(draftId, this.clock.instant());
		});
	}

	/** Removes a pair: re-runs never use it (and a pin of it is dropped). The draft needs a re-run after. */
	public void remove(long draftId, Long menteeId, Long mentorId) {
		BulkDrafts.Row row = requireEditable(draftId);
		requirePair(menteeId, mentorId);
		if (!this.drafts.mentees(draftId).contains(menteeId)) {
			throw new InvalidInputException("menteeId", "Choose a mentee of this draft.");
		}
		Integer mentor = this.jdbc.sql("SELECT COUNT(*) FROM identity_people WHERE id = :m AND institution_id = :i")
			.param("m", mentorId)
			.param("i", row.institutionId())
			.query(Integer.class)
			.single();
		if (mentor == 0) {
			throw new InvalidInputException("mentorId", "Choose a mentor of your institution.");
		}
		this.transactions.executeWithoutResult(s -> {
			this.drafts.remove(draftId, menteeId, mentorId);
			this.drafts.needsRerun(draftId, this.clock.instant());
		});
	}

	/**
	 * Commits the draft: all its pairs become ACTIVE mentorships in one transaction, or none. 409 when
	 * the draft is not READY (running, committed, discarded, stale), needs a re-run, its version is not
	 * {@code expectedVersion}, or anything changed since the run (a mentee got a mentorship, a mentor
	 * is full or stopped accepting): then the draft becomes STALE and nothing is written.
	 */
	public int commit(long draftId, Long expectedVersion) {
		BulkDrafts.Row row = requireDraft(draftId);
		if (row.status() != Status.READY) {
			throw new StateTransitionException(stateMessage(draftId, "commit"));
		}
		if (row.needsRerun()) {
			throw new StateTransitionException("Pins or removals changed since the run: re-run the draft before you commit it.");
		}
		if (expectedVersion != null && expectedVersion != row.version()) {
			throw new StateTransitionException("The draft is stale, re-run it: it changed since you loaded it.");
		}
		try {
			return this.transactions.execute(s -> {
				Instant now = this.clock.instant();
				if (!this.drafts.transition(draftId, Status.COMMITTED, now, row.version(), Status.READY)) {
					throw new StateTransitionException(stateMessage(draftId, "commit"));
				}
				List<Pair> pairs = this.drafts.pairs(draftId);
				for (Pair p : pairs) {
					if (hasMentorship(p.menteeId())) {
						throw new StaleDraftException("a mentee got a mentorship meanwhile");
					}
					try {
						this.mentorships.activateAssigned(p.menteeId(), p.mentorId(), null);
					}
					catch (StateTransitionException | InvalidInputException ex) {
						throw new StaleDraftException(ex instanceof InvalidInputException iie
								? String.join(" ", iie.problems().stream().map(InvalidInputException.FieldProblem::message).toList())
								: ex.getMessage());
					}
				}
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("status", Status.COMMITTED.name());
				after.put("mentorships", pairs.size());
				this.audit.record(AuditRecord.change("BULK_ASSIGNMENT_COMMITTED", "assignment_draft", draftId,
						Map.of("status", Status.READY.name()), after));
				this.events.publishEvent(new AssignmentDraftCommitted(draftId, row.institutionId(), row.departmentId(),
						this.tenancy.actor().id(), pairs.size(), now));
				return pairs.size();
			});
		}
		catch (StaleDraftException ex) {
			this.transactions.executeWithoutResult(s -> this.drafts.transition(draftId, Status.STALE, this.clock.instant(),
					null, Status.READY));
			throw new StateTransitionException("The draft is stale, re-run it: " + ex.getMessage());
		}
	}

	/** Discards a draft that is not committed (a running one is cancelled). */
	public void discard(long draftId) {
		requireDraft(draftId);
		boolean done = Boolean.TRUE.equals(this.transactions.execute(s -> {
			if (!this.drafts.transition(draftId, Status.DISCARDED, this.clock.instant(), null, Status.RUNNING, Status.READY,
					Status.STALE, Status.FAILED)) {
				return false;
			}
			this.audit.record(AuditRecord.change("BULK_ASSIGNMENT_DISCARDED", "assignment_draft", draftId, null,
					Map.of("status", Status.DISCARDED.name())));
			return true;
		}));
		if (!done) {
			throw new StateTransitionException(stateMessage(draftId, "discard"));
		}
		AtomicBoolean cancel = this.cancels.get(draftId);
		if (cancel != null) {
			cancel.set(true);
		}
	}

	/** Waits (up to {@code timeout}) until the draft is no longer running; returns it. */
	public Draft await(long draftId, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Draft draft = get(draftId);
		while (draft.summary().running() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			draft = get(draftId);
		}
		return draft;
	}

	// ---------------------------------------------------------------- the background run

	/** Submits the run as a job of the platform's one background mechanism (in the caller's transaction). */
	private void submit(long draftId) {
		this.jobs.submit(BulkAssignmentRun.KIND, draftId);
	}

	/**
	 * Runs the draft (the {@link BulkAssignmentRun} job): fails the job with the draft's reason when the
	 * run fails. A draft no longer RUNNING (discarded meanwhile) is left alone.
	 */
	void execute(long draftId, IntConsumer percent) {
		AtomicBoolean cancel = new AtomicBoolean();
		this.cancels.put(draftId, cancel);
		if (this.drafts.row(draftId).map(BulkDrafts.Row::status).orElse(Status.DISCARDED) != Status.RUNNING) {
			this.cancels.remove(draftId, cancel);
			return;
		}
		run(draftId, cancel, percent);
		Draft draft = this.transactions.execute(s -> this.drafts.draft(draftId));
		if (draft != null && draft.summary().status() == Status.FAILED) {
			String reason = draft.summary().failureReason();
			throw new JobFailedException(reason == null ? "The run stopped on an unexpected error." : reason);
		}
	}

	/** The job of the draft failed (a restart that could not resume it): so does the draft. */
	void failed(long draftId, String reason) {
		this.drafts.fail(draftId, reason, this.clock.instant());
	}

	/** Runs the draft, reporting its percentage to the draft's row (the page polls it) and to {@code percent} (the job). */
	void run(long draftId, AtomicBoolean cancel, IntConsumer percent) {
		try {
			BulkDrafts.Row row = this.drafts.row(draftId).orElseThrow();
			MatchingInputs.Pool pool = pool(row);
			this.drafts.progress(draftId, 5);
			percent.accept(5);
			MatchingIndex index = MatchingIndex.of(pool.mentors(), this.settings.weightsOf(row.institutionId()));
			AtomicInteger shown = new AtomicInteger(5);
			AssignmentOptions options = options(row, pool, this.drafts.pins(draftId), this.drafts.removals(draftId))
				.withThreads(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
				.withProgress(f -> {
					int now = 5 + (int) Math.floor(f * 90);
					if (now > shown.get()) {
						shown.set(now);
						this.drafts.progress(draftId, now);
						percent.accept(now);
					}
				})
				.withCancellation(cancel::get);
			AssignmentResult result = BulkAssigner.optimise(index, pool.mentees(), options);
			List<DraftPair> pairs = new ArrayList<>();
			for (AssignmentResult.AssignedPair p : result.pairs()) {
				pairs.add(new DraftPair(p.menteeId(), null, p.mentorId(), null, p.score(),
						pool.names().explain(p.breakdown()), p.pinned()));
			}
			List<UnassignedMentee> unassigned = new ArrayList<>();
			for (AssignmentResult.UnassignedMentee u : result.unassigned()) {
				unassigned.add(new UnassignedMentee(u.menteeId(), null, reason(u)));
			}
			this.transactions.executeWithoutResult(
					s -> this.drafts.finish(draftId, pairs, unassigned, result.totalScore(), this.clock.instant()));
			percent.accept(100);
		}
		catch (java.util.concurrent.CancellationException ex) {
			log.info("Bulk assignment draft {} was cancelled", draftId);
		}
		catch (InvalidInputException ex) {
			String reason = String.join(" ", ex.problems().stream().map(InvalidInputException.FieldProblem::message).toList());
			this.transactions.executeWithoutResult(s -> this.drafts.fail(draftId, reason, this.clock.instant()));
		}
		catch (RuntimeException | Error ex) {
			log.error("Bulk assignment draft {} failed", draftId, ex);
			this.transactions.executeWithoutResult(
					s -> this.drafts.fail(draftId, "The run stopped on an unexpected error.", this.clock.instant()));
		}
		finally {
			this.cancels.remove(draftId, cancel);
		}
	}

	static String reason(AssignmentResult.UnassignedMentee u) {
		if (u.reason() == AssignmentResult.Reason.ALL_CANDIDATES_FULL) {
			return "All places of their " + u.candidates() + (u.candidates() == 1 ? " eligible mentor" : " best eligible mentors")
					+ " went to other mentees.";
		}
		if (u.mainExclusion() == null) {
			return "No eligible mentor: the institution has no mentor who takes mentees.";
		}
		return "No eligible mentor: mostly because " + u.mainExclusion().description() + ".";
	}

	private MatchingInputs.Pool pool(BulkDrafts.Row row) {
		return this.inputs.load(row.institutionId(), row.departmentId(), row.cohortIds());
	}

	/** Options with the pins and removals that still apply (mentees still free, mentors still mentors). */
	private static AssignmentOptions options(BulkDrafts.Row row, MatchingInputs.Pool pool, List<Pair> pins,
			List<Pair> removals) {
		Set<Long> mentees = new HashSet<>();
		pool.mentees().stream().map(MenteeCandidate::id).forEach(mentees::add);
		Set<Long> mentors = new HashSet<>();
		pool.mentors().stream().map(MentorCandidate::id).forEach(mentors::add);
		return AssignmentOptions.defaults()
			.withMaximiseAssignments(row.maximise())
			.withPins(pins.stream().filter(p -> mentees.contains(p.menteeId()) && mentors.contains(p.mentorId())).toList())
			.withRemovals(removals.stream()
				.filter(p -> mentees.contains(p.menteeId()) && mentors.contains(p.mentorId()))
				.toList());
	}

	// ---------------------------------------------------------------- checks

	private Tenancy.Scope requireManager() {
		if (!this.tenancy.hasRole("ADMIN") && !this.tenancy.hasRole("COORDINATOR")) {
			throw new AccessDeniedException("Only administrators and coordinators run bulk assignments");
		}
		return this.tenancy.scope();
	}

	private BulkDrafts.Row requireDraft(long draftId) {
		requireManager();
		BulkDrafts.Row row = this.drafts.row(draftId).orElseThrow(() -> new NotFoundException("Draft not found"));
		this.tenancy.requireInScope(row.institutionId(), row.departmentId(), "Draft");
		return row;
	}

	private BulkDrafts.Row requireEditable(long draftId) {
		BulkDrafts.Row row = requireDraft(draftId);
		if (row.status() != Status.READY && row.status() != Status.STALE && row.status() != Status.FAILED) {
			throw new StateTransitionException(stateMessage(draftId, "change"));
		}
		return row;
	}

	private static void requirePair(Long menteeId, Long mentorId) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (menteeId == null) {
			problems.add(new InvalidInputException.FieldProblem("menteeId", "Choose the mentee."));
		}
		if (mentorId == null) {
			problems.add(new InvalidInputException.FieldProblem("mentorId", "Choose the mentor."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private String stateMessage(long draftId, String action) {
		Status status = this.drafts.row(draftId).map(BulkDrafts.Row::status).orElse(Status.DISCARDED);
		return switch (status) {
			case RUNNING -> "The draft is still running, so it cannot " + action + " yet.";
			case COMMITTED -> "The draft is already committed, so you cannot " + action + " it.";
			case DISCARDED -> "The draft was discarded, so you cannot " + action + " it.";
			case STALE -> "The draft is stale, re-run it.";
			case FAILED -> "The run failed: re-run the draft.";
			case READY -> "The draft changed meanwhile: reload it.";
		};
	}

	private boolean hasMentorship(long menteeId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM mentorships WHERE mentee_id = :e
				AND status IN ('REQUESTED', 'PROPOSED', 'ACCEPTED', 'APPROVED', 'ACTIVE', 'PAUSED')""")
			.param("e", menteeId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Resolves pasted e-mail addresses and ids to mentees in the caller's scope. Every entry must be a
	 * free mentee (no open or running mentorship) of the institution (and department); otherwise 400
	 * naming the entries.
	 */
	private List<Long> resolveCohort(Tenancy.Scope scope, Long department, List<String> entries) {
		Set<Long> ids = new LinkedHashSet<>();
		Map<String, Long> emails = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (String entry : entries) {
			if (entry.matches("\\d{1,18}")) {
				ids.add(Long.parseLong(entry));
			}
			else if (entry.contains("@") && entry.length() <= 320) {
				emails.put(entry.toLowerCase(java.util.Locale.ROOT), null);
			}
			else {
				unknown.add(entry);
			}
		}
		if (!emails.isEmpty()) {
			this.jdbc.sql("SELECT id, email FROM identity_people WHERE email IN (:e) AND institution_id = :i")
				.param("e", emails.keySet())
				.param("i", scope.institutionId())
				.query((rs, n) -> emails.put(rs.getString(2), rs.getLong(1)))
				.list();
			emails.forEach((email, id) -> {
				if (id == null) {
					unknown.add(email);
				}
				else {
					ids.add(id);
				}
			});
		}
		MatchingInputs.Pool pool = this.inputs.load(scope.institutionId(), department, ids);
		Set<Long> free = new HashSet<>();
		pool.mentees().forEach(m -> free.add(m.id()));
		for (Long id : ids) {
			if (!free.contains(id)) {
				String email = emails.entrySet().stream().filter(e -> id.equals(e.getValue())).map(Map.Entry::getKey)
					.findFirst().orElse(String.valueOf(id));
				unknown.add(email);
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("cohort", "These are not mentees without a mentor in your "
					+ (department == null ? "institution" : "department") + ": " + String.join(", ", unknown.stream().limit(20).toList())
					+ (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : "") + ".");
		}
		if (ids.isEmpty()) {
			throw new InvalidInputException("cohort", "Paste at least one mentee's e-mail address or id.");
		}
		return new ArrayList<>(ids);
	}

	/** Thrown inside the commit's transaction to roll it back when the draft no longer holds. */
	private static final class StaleDraftException extends RuntimeException {

		StaleDraftException(String message) {
			super(message);
		}

	}

	@PreDestroy
	void stop() {
		this.cancels.values().forEach(c -> c.set(true));
	}

}
