package org.mentorhub.mentorship;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.mentorship.MentorshipPeople.MentorOption;
import org.mentorhub.mentorship.MentorshipPeople.Person;
import org.mentorhub.organization.InstitutionDetails;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.profile.MentorCapacity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentorship module's API: the life cycle. Each transition is one method with a guard, run in
 * one transaction that changes the row (optimistic locking on its version), reserves or releases
 * the mentor's place ({@link MentorCapacity}), writes the audit log and publishes an event.
 *
 * <p>Who may do what: a mentee (role MENTEE or NEW_MOTHER) requests and withdraws their request; the
 * mentor accepts or declines; an administrator (whole institution) or coordinator (own department)
 * proposes, approves or rejects accepted requests, and re-matches; the mentor, the mentee and those
 * administrators pause, resume and end. A mentorship outside the caller's reach is "not found".
 *
 * <p>Extension point for matching (suggestions, bulk assignment): {@link #propose} is the one way an
 * administrator's pairing enters the life cycle, and {@link #activateAssigned} commits a pairing an
 * optimiser found, with the same capacity reservation.
 */
@Service
public class Mentorships {

	/** How many mentors a mentee may rank in one request. */
	public static final int MAX_CHOICES = 3;

	static final int MAX_GOAL = 2000;

	static final int MAX_REASON = 1000;

	private final MentorshipRepository repository;

	private final MentorshipQueries queries;

	private final MentorshipPeople people;

	private final MentorshipChoices choices;

	private final MentorCapacity capacity;

	private final Organizations organizations;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Mentorships(MentorshipRepository repository, MentorshipQueries queries, MentorshipPeople people,
			MentorshipChoices choices, MentorCapacity capacity, Organizations organizations, Tenancy tenancy,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.queries = queries;
		this.people = people;
		this.choices = choices;
		this.capacity = capacity;
		this.organizations = organizations;
		this.tenancy = tenancy;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** One ranked choice of a mentee's request. */
	public record Choice(Long mentorId, String goal) {
	}

	/** A page of mentorships. */
	public record Page(List<MentorshipView> items, long total, int page, int size) {

		public int totalPages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return (long) (this.page + 1) * this.size < this.total;
		}

	}

	/** A mentor or mentee to choose in a form. */
	public record PersonOption(long id, String fullName, String departmentName, int freePlaces) {
	}

	// ---------------------------------------------------------------- reads

	/** A mentorship the caller takes part in or manages. */
	@Transactional(readOnly = true)
	public MentorshipView get(long id) {
		Mentorship m = this.repository.findById(id).orElseThrow(Mentorships::notFound);
		requireVisible(m);
		return this.queries.one(id).withActions(m.actionsFor(user()));
	}

	/** The caller's own mentorships, as mentor or mentee, newest first. */
	@Transactional(readOnly = true)
	public List<MentorshipView> mine() {
		return withActions(this.queries.of(this.tenancy.actor().id()));
	}

	/** The caller's waiting ranked choices that have not been asked yet (mentor id and rank). */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> myWaitingChoices() {
		long me = this.tenancy.actor().id();
		List<MentorshipChoices.Choice> waiting = this.choices.waiting(me);
		Map<Long, String> names = this.people.names(waiting.stream().map(MentorshipChoices.Choice::mentorId).toList());
		List<Map<String, Object>> result = new ArrayList<>();
		for (MentorshipChoices.Choice c : waiting) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("rank", c.rank());
			row.put("mentorId", c.mentorId());
			row.put("mentorName", names.get(c.mentorId()));
			row.put("goal", c.goal());
			result.add(row);
		}
		return result;
	}

	/** The mentorships an administrator (institution) or coordinator (department) manages. */
	@Transactional(readOnly = true)
	public Page managed(MentorshipStatus status, int page, int size) {
		Tenancy.Scope scope = requireManagerScope();
		int safeSize = Math.max(1, Math.min(size, 200));
		int safePage = Math.max(0, page);
		MentorshipQueries.Criteria criteria = new MentorshipQueries.Criteria(scope.institutionId(), scope.departmentId(),
				status);
		long total = this.queries.count(criteria);
		return new Page(withActions(this.queries.page(criteria, safeSize, (long) safePage * safeSize)), total, safePage,
				safeSize);
	}

	/** Everything {@link #managed} shows, for a CSV export (audited; at most 50,000 rows). */
	@Transactional
	public List<MentorshipView> export(MentorshipStatus status) {
		Tenancy.Scope scope = requireManagerScope();
		MentorshipQueries.Criteria criteria = new MentorshipQueries.Criteria(scope.institutionId(), scope.departmentId(),
				status);
		List<MentorshipView> rows = this.queries.page(criteria, 50_000, 0);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", status == null ? "ALL" : status.name());
		after.put("departmentId", scope.departmentId());
		after.put("rows", rows.size());
		this.audit.record(AuditRecord.change("MENTORSHIPS_EXPORTED", "mentorship", null, null, after));
		return rows;
	}

	/** The mentors of the caller's institution who take new mentees. */
	@Transactional(readOnly = true)
	public List<PersonOption> mentorOptions() {
		Actor actor = this.tenancy.actor();
		if (actor.institutionId() == null) {
			throw new AccessDeniedException("This needs an institution member");
		}
		return this.people.mentorsOf(actor.institutionId()).stream().map(Mentorships::option).toList();
	}

	/** The people an administrator or coordinator may propose a mentor for. */
	@Transactional(readOnly = true)
	public List<PersonOption> menteeOptions() {
		Tenancy.Scope scope = requireManagerScope();
		return this.people.menteesOf(scope.institutionId(), scope.departmentId()).stream().map(Mentorships::option).toList();
	}

	private static PersonOption option(MentorOption o) {
		return new PersonOption(o.id(), o.fullName(), o.departmentName(), o.freePlaces());
	}

	// ---------------------------------------------------------------- starting

	/**
	 * A mentee asks up to {@value #MAX_CHOICES} mentors, in order of preference, each with a goal. The
	 * first is asked now; the next when the one asked declines or does not answer in time.
	 */
	@Transactional
	public MentorshipView request(List<Choice> ranked) {
		Actor actor = this.tenancy.actor();
		if (!(this.tenancy.hasRole("MENTEE") || this.tenancy.hasRole("NEW_MOTHER")) || actor.institutionId() == null) {
			throw new AccessDeniedException("Only mentees request a mentor");
		}
		long me = actor.id();
		List<FieldProblem> problems = new ArrayList<>();
		List<Choice> list = ranked == null ? List.of() : ranked.stream().filter(Objects::nonNull)
			.filter(c -> c.mentorId() != null || (c.goal() != null && !c.goal().isBlank()))
			.toList();
		if (list.isEmpty()) {
			throw new InvalidInputException("choices", "Choose at least one mentor.");
		}
		if (list.size() > MAX_CHOICES) {
			throw new InvalidInputException("choices", "Rank at most " + MAX_CHOICES + " mentors.");
		}
		if (hasOpenRequest(me)) {
			throw new InvalidInputException("choices",
					"You already have an open request. Withdraw it before you ask other mentors.");
		}
		Set<Long> seen = new HashSet<>();
		List<String> goals = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Choice c = list.get(i);
			String field = "choices[" + i + "]";
			String goal = strip(c.goal());
			goals.add(goal);
			if (c.mentorId() == null) {
				problems.add(new FieldProblem(field + ".mentorId", "Choose a mentor for choice " + (i + 1) + "."));
				continue;
			}
			if (c.mentorId() == me) {
				problems.add(new FieldProblem(field + ".mentorId", "You cannot ask yourself to be your mentor."));
				continue;
			}
			if (!seen.add(c.mentorId())) {
				problems.add(new FieldProblem(field + ".mentorId", "You chose the same mentor twice; rank each mentor once."));
				continue;
			}
			Optional<String> mentorProblem = mentorProblem(c.mentorId(), actor.institutionId(), me);
			mentorProblem.ifPresent(p -> problems.add(new FieldProblem(field + ".mentorId", p)));
			if (goal == null) {
				problems.add(new FieldProblem(field + ".goal", "Tell mentor " + (i + 1) + " what you want to achieve."));
			}
			else if (goal.length() > MAX_GOAL) {
				problems.add(new FieldProblem(field + ".goal", "Keep the goal to at most " + MAX_GOAL + " characters."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		for (int i = 1; i < list.size(); i++) {
			this.choices.add(actor.institutionId(), me, list.get(i).mentorId(), i + 1, goals.get(i), now);
		}
		Mentorship first = this.repository.saveAndFlush(Mentorship.request(actor.institutionId(), actor.departmentId(),
				list.get(0).mentorId(), me, goals.get(0), 1, me, now));
		requested(first, now);
		return view(first.getId());
	}

	/** An administrator or coordinator proposes a mentor for a mentee; the mentor accepts or declines. */
	@Transactional
	public MentorshipView propose(Long menteeId, Long mentorId, String goal, String notes) {
		Tenancy.Scope scope = requireManagerScope();
		Actor actor = this.tenancy.actor();
		List<FieldProblem> problems = new ArrayList<>();
		Person mentee = null;
		if (menteeId == null) {
			problems.add(new FieldProblem("menteeId", "Choose the mentee."));
		}
		else {
			mentee = this.people.find(menteeId).filter(p -> inScope(scope, p.institutionId(), p.departmentId())).orElse(null);
			if (mentee == null) {
				problems.add(new FieldProblem("menteeId", "Choose a mentee of your institution or department."));
			}
		}
		if (mentorId == null) {
			problems.add(new FieldProblem("mentorId", "Choose the mentor."));
		}
		else if (mentorId.equals(menteeId)) {
			problems.add(new FieldProblem("mentorId", "A person cannot mentor themselves."));
		}
		else {
			mentorProblem(mentorId, scope.institutionId(), menteeId)
				.ifPresent(p -> problems.add(new FieldProblem("mentorId", p)));
		}
		String cleanGoal = strip(goal);
		if (cleanGoal != null && cleanGoal.length() > MAX_GOAL) {
			problems.add(new FieldProblem("goal", "Keep the goal to at most " + MAX_GOAL + " characters."));
		}
		String cleanNotes = strip(notes);
		if (cleanNotes != null && cleanNotes.length() > MAX_GOAL) {
			problems.add(new FieldProblem("notes", "Keep the notes to at most " + MAX_GOAL + " characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		Mentorship m = this.repository.saveAndFlush(Mentorship.propose(scope.institutionId(), mentee.departmentId(),
				mentorId, menteeId, cleanGoal, cleanNotes, actor.id(), now));
		this.audit.record(AuditRecord.change("MENTORSHIP_PROPOSED", "mentorship", m.getId(), null, state(m)));
		this.events.publishEvent(new MentorshipProposed(m.getId(), m.getInstitutionId(), m.getMentorId(),
				m.getMenteeId(), actor.id(), now));
		return view(m.getId());
	}

	// ---------------------------------------------------------------- deciding

	/**
	 * The mentor accepts a request or a proposal. A request where the institution needs an
	 * administrator's approval waits for it (ACCEPTED); otherwise the mentorship is approved and
	 * active at once, if the mentor has a free place (else 409).
	 */
	@Transactional
	public MentorshipView accept(long id, Long version) {
		Mentorship m = load(id, version);
		require(m, MentorshipAction.ACCEPT);
		Map<String, Object> before = state(m);
		Instant now = this.clock.instant();
		boolean needsApproval = m.getStatus() == MentorshipStatus.REQUESTED && approvalRequired(m.getInstitutionId());
		if (needsApproval) {
			m.acceptPendingApproval(m.getMentorId(), now);
			flush(m);
			this.audit.record(AuditRecord.change("MENTORSHIP_ACCEPTED", "mentorship", id, before, state(m)));
			this.events.publishEvent(new MentorshipAccepted(id, m.getInstitutionId(), m.getMentorId(), m.getMenteeId(),
					m.getMentorId(), now));
		}
		else {
			activate(m, this.tenancy.actor().id(), null, before, now);
		}
		return view(id);
	}

	/** The mentor declines a request or a proposal, with a reason; the mentee's next choice is asked. */
	@Transactional
	public MentorshipView decline(long id, String reason, Long version) {
		Mentorship m = load(id, version);
		require(m, MentorshipAction.DECLINE);
		rejectWith(m, requireReason(reason), "MENTORSHIP_DECLINED");
		return view(id);
	}

	/** An administrator or coordinator approves a request the mentor accepted; reserves a place (409 if full). */
	@Transactional
	public MentorshipView approve(long id, String reason, Long version) {
		Mentorship m = load(id, version);
		require(m, MentorshipAction.APPROVE);
		String cleanReason = strip(reason);
		if (cleanReason != null && cleanReason.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "Keep the reason to at most " + MAX_REASON + " characters.");
		}
		activate(m, this.tenancy.actor().id(), cleanReason, state(m), this.clock.instant());
		return view(id);
	}

	/** An administrator or coordinator rejects an open mentorship, with a reason. */
	@Transactional
	public MentorshipView reject(long id, String reason, Long version) {
		Mentorship m = load(id, version);
		requireEntitled(m, MentorshipAction.REJECT);
		String cleanReason = requireReason(reason);
		m.requireAllowed(MentorshipAction.REJECT);
		rejectWith(m, cleanReason, "MENTORSHIP_REJECTED");
		return view(id);
	}

	/**
	 * The requester withdraws before a decision (a mentee their request, with the choices not yet
	 * asked; an administrator or coordinator a proposal).
	 */
	@Transactional
	public MentorshipView withdraw(long id, Long version) {
		Mentorship m = load(id, version);
		long me = this.tenancy.actor().id();
		requireEntitled(m, MentorshipAction.WITHDRAW);
		Map<String, Object> before = state(m);
		Instant now = this.clock.instant();
		m.withdraw(now);
		flush(m);
		int dropped = m.getPreferenceRank() != null ? this.choices.clear(m.getMenteeId()) : 0;
		Map<String, Object> after = state(m);
		after.put("waitingChoicesDropped", dropped);
		this.audit.record(AuditRecord.change("MENTORSHIP_WITHDRAWN", "mentorship", id, before, after));
		this.events.publishEvent(new MentorshipWithdrawn(id, m.getInstitutionId(), m.getMentorId(), m.getMenteeId(), me,
				now));
		return view(id);
	}

	// ---------------------------------------------------------------- running

	/** Pauses an active mentorship; it keeps its place, so resuming never fails for capacity. */
	@Transactional
	public MentorshipView pause(long id, String reason, Long version) {
		Mentorship m = load(id, version);
		requireEntitled(m, MentorshipAction.PAUSE);
		String cleanReason = requireReason(reason);
		Map<String, Object> before = state(m);
		Instant now = this.clock.instant();
		m.pause(cleanReason, now);
		flush(m);
		this.audit.record(AuditRecord.change("MENTORSHIP_PAUSED", "mentorship", id, before, state(m)));
		this.events.publishEvent(new MentorshipPaused(id, m.getInstitutionId(), m.getMentorId(), m.getMenteeId(),
				this.tenancy.actor().id(), now));
		return view(id);
	}

	@Transactional
	public MentorshipView resume(long id, Long version) {
		Mentorship m = load(id, version);
		requireEntitled(m, MentorshipAction.RESUME);
		Map<String, Object> before = state(m);
		Instant now = this.clock.instant();
		m.resume(now);
		flush(m);
		this.audit.record(AuditRecord.change("MENTORSHIP_RESUMED", "mentorship", id, before, state(m)));
		this.events.publishEvent(new MentorshipResumed(id, m.getInstitutionId(), m.getMentorId(), m.getMenteeId(),
				this.tenancy.actor().id(), now));
		return view(id);
	}

	/** Ends an active or paused mentorship with a reason (end date: now); the mentor's place is free again. */
	@Transactional
	public MentorshipView end(long id, String reason, Long version) {
		Mentorship m = load(id, version);
		requireEntitled(m, MentorshipAction.END);
		endWith(m, requireReason(reason));
		return view(id);
	}

	/**
	 * Re-match: ends an active or paused mentorship (or takes an ended one) and proposes a new mentor
	 * for the same mentee. Returns the new proposal.
	 */
	@Transactional
	public MentorshipView rematch(long id, Long newMentorId, String reason, String goal, Long version) {
		Mentorship m = load(id, version);
		requireEntitled(m, MentorshipAction.REMATCH);
		String cleanReason = requireReason(reason);
		m.requireAllowed(MentorshipAction.REMATCH);
		if (MentorshipStatus.HOLDING_PLACE.contains(m.getStatus())) {
			endWith(m, cleanReason);
		}
		if (newMentorId != null && newMentorId == m.getMentorId()) {
			throw new InvalidInputException("mentorId", "Choose a different mentor for the re-match.");
		}
		String newGoal = strip(goal) == null ? m.getGoal() : goal;
		return propose(m.getMenteeId(), newMentorId, newGoal, "Re-match of mentorship " + id + ": " + cleanReason);
	}

	// ---------------------------------------------------------------- jobs and extension points

	/**
	 * Expires requests whose mentor did not answer within the institution's time limit and asks each
	 * mentee's next choice. Called by the scheduled job (no signed-in user); returns how many expired.
	 */
	@Transactional
	public int expireOverdueRequests() {
		Instant now = this.clock.instant();
		int expired = 0;
		Map<Long, Integer> daysByInstitution = new java.util.HashMap<>();
		for (Mentorship m : this.repository.findByStatus(MentorshipStatus.REQUESTED)) {
			int days = daysByInstitution.computeIfAbsent(m.getInstitutionId(), this::responseDays);
			if (m.getCreatedAt().plus(Duration.ofDays(days)).isAfter(now)) {
				continue;
			}
			Map<String, Object> before = state(m);
			m.expire(now);
			flush(m);
			this.audit.record(AuditRecord.change("MENTORSHIP_EXPIRED", "mentorship", m.getId(), before, state(m)));
			Optional<Mentorship> next = askNextChoice(m, now);
			this.events.publishEvent(new MentorshipExpired(m.getId(), m.getInstitutionId(), m.getMentorId(),
					m.getMenteeId(), null, now, next.map(Mentorship::getMentorId).orElse(null)));
			expired++;
		}
		return expired;
	}

	/**
	 * For the matching module (bulk assignment): creates an active mentorship for a pairing an
	 * administrator committed, reserving the mentor's place (409 when full). Runs in the caller's
	 * transaction, so a batch commits all or nothing.
	 */
	@Transactional
	public MentorshipView activateAssigned(long menteeId, long mentorId, String goal) {
		MentorshipView proposed = propose(menteeId, mentorId, goal, null);
		Mentorship m = this.repository.findById(proposed.id()).orElseThrow(Mentorships::notFound);
		activate(m, this.tenancy.actor().id(), "Assigned", state(m), this.clock.instant());
		return view(m.getId());
	}

	/** A mentorship paused for someone's leave: who mentors whom. */
	public record LeavePause(long mentorshipId, long mentorId, long menteeId) {
	}

	/**
	 * For the wellbeing module's leave coverage (a job, no signed-in user): pauses every active
	 * mentorship in which the person is mentor or mentee, with the reason, on her behalf (the events
	 * name her as the actor). Returns what it paused; a second call finds nothing left to pause.
	 */
	@Transactional
	public List<LeavePause> pauseForLeave(long personId, String reason) {
		String cleanReason = requireReason(reason);
		Instant now = this.clock.instant();
		List<LeavePause> paused = new ArrayList<>();
		for (Mentorship m : this.repository.findByStatusAndParticipant(MentorshipStatus.ACTIVE, personId)) {
			Map<String, Object> before = state(m);
			m.pause(cleanReason, now);
			flush(m);
			this.audit.record(AuditRecord.change("MENTORSHIP_PAUSED", "mentorship", m.getId(), before, state(m)));
			this.events.publishEvent(new MentorshipPaused(m.getId(), m.getInstitutionId(), m.getMentorId(),
					m.getMenteeId(), personId, now));
			paused.add(new LeavePause(m.getId(), m.getMentorId(), m.getMenteeId()));
		}
		return paused;
	}

	/**
	 * For the wellbeing module's leave coverage: resumes those of the given mentorships that the person
	 * takes part in and that are still paused (one ended meanwhile stays ended), on her behalf. Returns
	 * the ids it resumed.
	 */
	@Transactional
	public List<Long> resumeAfterLeave(long personId, Collection<Long> mentorshipIds) {
		Instant now = this.clock.instant();
		List<Long> resumed = new ArrayList<>();
		for (Mentorship m : this.repository.findAllById(mentorshipIds)) {
			if (m.getStatus() != MentorshipStatus.PAUSED
					|| (m.getMentorId() != personId && m.getMenteeId() != personId)) {
				continue;
			}
			Map<String, Object> before = state(m);
			m.resume(now);
			flush(m);
			this.audit.record(AuditRecord.change("MENTORSHIP_RESUMED", "mentorship", m.getId(), before, state(m)));
			this.events.publishEvent(new MentorshipResumed(m.getId(), m.getInstitutionId(), m.getMentorId(),
					m.getMenteeId(), personId, now));
			resumed.add(m.getId());
		}
		return resumed;
	}

	// ---------------------------------------------------------------- internals

	private void requested(Mentorship m, Instant now) {
		this.audit.record(AuditRecord.change("MENTORSHIP_REQUESTED", "mentorship", m.getId(), null, state(m)));
		this.events.publishEvent(new MentorshipRequested(m.getId(), m.getInstitutionId(), m.getMentorId(),
				m.getMenteeId(), m.getPreferenceRank() == null ? 1 : m.getPreferenceRank(), m.getRequestedById(), now,
				responseDays(m.getInstitutionId())));
	}

	private void activate(Mentorship m, long decidedBy, String reason, Map<String, Object> before, Instant now) {
		if (!this.capacity.tryReserve(m.getMentorId())) {
			String name = this.people.names(List.of(m.getMentorId())).getOrDefault(m.getMentorId(), "The mentor");
			throw new StateTransitionException(name + " has no free place: all their mentee places are taken.");
		}
		m.approveAndActivate(decidedBy, reason, now);
		flush(m);
		if (m.getPreferenceRank() != null) {
			// The mentee has a mentor: choices not asked yet are dropped.
			this.choices.clear(m.getMenteeId());
		}
		this.audit.record(AuditRecord.change("MENTORSHIP_APPROVED", "mentorship", m.getId(), before, state(m)));
		this.events.publishEvent(new MentorshipApproved(m.getId(), m.getInstitutionId(), m.getMentorId(),
				m.getMenteeId(), decidedBy, now));
		this.events.publishEvent(new MentorshipActivated(m.getId(), m.getInstitutionId(), m.getMentorId(),
				m.getMenteeId(), decidedBy, now));
	}

	private void rejectWith(Mentorship m, String reason, String action) {
		Map<String, Object> before = state(m);
		Instant now = this.clock.instant();
		long me = this.tenancy.actor().id();
		m.reject(me, reason, now);
		flush(m);
		this.audit.record(AuditRecord.change(action, "mentorship", m.getId(), before, state(m)));
		// A mentee's ranked choice moves on to the next one; the notification module tells the mentee who is asked now.
		Optional<Mentorship> next = m.getPreferenceRank() == null ? Optional.empty() : askNextChoice(m, now);
		this.events.publishEvent(new MentorshipRejected(m.getId(), m.getInstitutionId(), m.getMentorId(),
				m.getMenteeId(), reason, me, now, m.getPreferenceRank(), next.map(Mentorship::getMentorId).orElse(null)));
	}

	private void endWith(Mentorship m, String reason) {
		Map<String, Object> before = state(m);
		Instant now = this.clock.instant();
		m.end(reason, now);
		flush(m);
		this.capacity.release(m.getMentorId());
		this.audit.record(AuditRecord.change("MENTORSHIP_ENDED", "mentorship", m.getId(), before, state(m)));
		this.events.publishEvent(new MentorshipEnded(m.getId(), m.getInstitutionId(), m.getMentorId(), m.getMenteeId(),
				reason, this.tenancy.currentActor().map(Actor::id).orElse(null), now));
	}

	/** Asks the mentee's next waiting choice whose mentor can still be asked; skips the others. */
	private Optional<Mentorship> askNextChoice(Mentorship previous, Instant now) {
		Optional<MentorshipChoices.Choice> next;
		while ((next = this.choices.takeNext(previous.getMenteeId())).isPresent()) {
			MentorshipChoices.Choice c = next.get();
			if (mentorProblem(c.mentorId(), previous.getInstitutionId(), previous.getMenteeId()).isPresent()) {
				continue;
			}
			Mentorship asked = this.repository.saveAndFlush(Mentorship.request(previous.getInstitutionId(),
					previous.getDepartmentId(), c.mentorId(), previous.getMenteeId(), c.goal(), c.rank(),
					previous.getMenteeId(), now));
			requested(asked, now);
			return Optional.of(asked);
		}
		return Optional.empty();
	}

	/** Why this user cannot be asked as a mentor (no leak about other institutions), or empty. */
	private Optional<String> mentorProblem(long mentorId, long institutionId, Long menteeId) {
		Optional<Person> mentor = this.people.find(mentorId);
		if (mentor.isEmpty() || mentor.get().institutionId() == null || mentor.get().institutionId() != institutionId
				|| !mentor.get().is("MENTOR")) {
			return Optional.of("Choose a mentor of your institution.");
		}
		Optional<MentorCapacity.Places> places = this.capacity.of(mentorId);
		if (places.isEmpty() || !places.get().accepting()) {
			return Optional.of(mentor.get().fullName() + " is not taking new mentees.");
		}
		if (menteeId != null && this.repository.existsByMenteeIdAndMentorIdAndStatusIn(menteeId, mentorId,
				Set.of(MentorshipStatus.REQUESTED, MentorshipStatus.PROPOSED, MentorshipStatus.ACCEPTED,
						MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED))) {
			return Optional.of("There is already an open or running mentorship with " + mentor.get().fullName() + ".");
		}
		return Optional.empty();
	}

	private boolean hasOpenRequest(long menteeId) {
		return !this.choices.waiting(menteeId).isEmpty() || this.repository.existsByMenteeIdAndStatusIn(menteeId,
				Set.of(MentorshipStatus.REQUESTED, MentorshipStatus.ACCEPTED));
	}

	private boolean approvalRequired(long institutionId) {
		return this.organizations.findInstitutionDetails(institutionId)
			.map(InstitutionDetails::mentorshipApprovalRequired)
			.orElse(true);
	}

	private int responseDays(long institutionId) {
		return this.organizations.findInstitutionDetails(institutionId).map(InstitutionDetails::requestResponseDays).orElse(3);
	}

	private Mentorship load(long id, Long version) {
		Mentorship m = this.repository.findById(id).orElseThrow(Mentorships::notFound);
		requireVisible(m);
		if (version != null && version != m.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Mentorship.class, id);
		}
		return m;
	}

	private void flush(Mentorship m) {
		this.repository.saveAndFlush(m);
	}

	private void requireVisible(Mentorship m) {
		if (!isParticipant(m) && !manages(m)) {
			throw notFound();
		}
	}

	/**
	 * The one check behind every transition, asking the entity the same two questions that make up
	 * {@link Mentorship#actionsFor}: may this person do it (else 403), and does the status allow it (else 409).
	 */
	private void require(Mentorship m, MentorshipAction action) {
		requireEntitled(m, action);
		m.requireAllowed(action);
	}

	private void requireEntitled(Mentorship m, MentorshipAction action) {
		if (!m.entitles(action, user())) {
			throw new AccessDeniedException(switch (action) {
				case ACCEPT, DECLINE -> "Only the mentor accepts or declines";
				case WITHDRAW -> "Only the requester withdraws";
				default -> "Only an administrator or coordinator does this";
			});
		}
	}

	/** The signed-in person as the mentorship rules see them. */
	private MentorshipUser user() {
		Actor actor = this.tenancy.actor();
		return new MentorshipUser(actor.id(), actor.institutionId(), actor.departmentId(), this.tenancy.hasRole("ADMIN"),
				this.tenancy.hasRole("COORDINATOR"));
	}

	/** The mentorship as it is now, with what the signed-in person may do next. */
	private MentorshipView view(long id) {
		MentorshipView v = this.queries.one(id);
		return v.withActions(Mentorship.actionsFor(v, user()));
	}

	private List<MentorshipView> withActions(List<MentorshipView> views) {
		MentorshipUser user = user();
		return views.stream().map(v -> v.withActions(Mentorship.actionsFor(v, user))).toList();
	}

	private boolean isParticipant(Mentorship m) {
		long me = this.tenancy.actor().id();
		return m.getMentorId() == me || m.getMenteeId() == me;
	}

	private boolean manages(Mentorship m) {
		return user().manages(m.getInstitutionId(), m.getDepartmentId());
	}

	private Tenancy.Scope requireManagerScope() {
		if (!this.tenancy.hasRole("ADMIN") && !this.tenancy.hasRole("COORDINATOR")) {
			throw new AccessDeniedException("Only administrators and coordinators manage mentorships");
		}
		return this.tenancy.scope();
	}

	private static boolean inScope(Tenancy.Scope scope, Long institutionId, Long departmentId) {
		return institutionId != null && institutionId == scope.institutionId()
				&& (scope.wholeInstitution() || Objects.equals(scope.departmentId(), departmentId));
	}

	private static String requireReason(String reason) {
		String clean = strip(reason);
		if (clean == null) {
			throw new InvalidInputException("reason", "Give a reason.");
		}
		if (clean.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "Keep the reason to at most " + MAX_REASON + " characters.");
		}
		return clean;
	}

	private static Map<String, Object> state(Mentorship m) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("status", m.getStatus().name());
		state.put("mentorId", m.getMentorId());
		state.put("menteeId", m.getMenteeId());
		state.put("departmentId", m.getDepartmentId());
		state.put("decidedById", m.getDecidedById());
		state.put("decisionReason", m.getDecisionReason());
		state.put("assignedById", m.getAssignedById());
		state.put("assignedAt", m.getAssignedAt() == null ? null : m.getAssignedAt().toString());
		state.put("endedAt", m.getEndedAt() == null ? null : m.getEndedAt().toString());
		state.put("endReason", m.getEndReason());
		return state;
	}

	private static String strip(String text) {
		if (text == null) {
			return null;
		}
		String s = text.strip();
		return s.isEmpty() ? null : s;
	}

	private static NotFoundException notFound() {
		return new NotFoundException("Mentorship not found");
	}

}
