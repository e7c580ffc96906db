package org.mentorhub.privacy.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.MyAccount;
import org.mentorhub.identity.People;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.jobs.Jobs;
import org.mentorhub.privacy.ErasureRequestChanged;
import org.mentorhub.privacy.ErasureRequestChanged.Step;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure requests (GDPR Art. 17, docs/privacy.md): a person asks, confirming with their password (or,
 * for an account without one, a reason); during the cooling-off period ({@code
 * mentorhub.privacy.erasure.cooling-off}, 7 days) they may cancel; afterwards an administrator of their
 * institution approves, which starts the erasure job, or refuses with a reason. Everyone else's request
 * is "not found"; a second open request is a conflict. Every step is audited and told to the person.
 */
@Service
public class ErasureRequests {

	static final int MAX_REASON = 1000;

	static final String ENTITY = "privacy_erasure_requests";

	private final ErasureStore store;

	private final LegalHolds holds;

	private final MyAccount account;

	private final People people;

	private final Tenancy tenancy;

	private final Jobs jobs;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final ErasureProperties properties;

	private final Clock clock;

	ErasureRequests(ErasureStore store, LegalHolds holds, MyAccount account, People people, Tenancy tenancy,
			Jobs jobs, AuditTrail audit, ApplicationEventPublisher events, MessageSource messages,
			ErasureProperties properties, Clock clock) {
		this.store = store;
		this.holds = holds;
		this.account = account;
		this.people = people;
		this.tenancy = tenancy;
		this.jobs = jobs;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the signed-in person confirms with a password (else with a reason). */
	public boolean confirmsWithPassword() {
		return this.account.hasPassword();
	}

	/** What erasure would keep about the signed-in person, and why, in their language. */
	@Transactional(readOnly = true)
	public List<String> keptForMe(Locale locale) {
		Long institutionId = this.tenancy.actor().institutionId();
		LegalHolds.Hold hold = institutionId == null ? new LegalHolds.Hold(true, null) : this.holds.of(institutionId);
		return kept(hold.keepAcademicRecords(), hold.reason(), locale);
	}

	/** What erasure keeps, and why, one item per entry. */
	List<String> kept(boolean academicHold, String holdReason, Locale locale) {
		List<String> kept = new ArrayList<>();
		if (academicHold) {
			kept.add(this.messages.getMessage("privacy.erasure.kept.academic", null, locale)
					+ (holdReason == null ? "" : " " + holdReason));
		}
		for (String item : List.of("shared", "safety", "audit")) {
			kept.add(this.messages.getMessage("privacy.erasure.kept." + item, null, locale));
		}
		return kept;
	}

	/**
	 * The signed-in person asks for erasure. A wrong password, a missing reason (without a password) or a
	 * reason over 1,000 characters is a 400; an open request already is a 409.
	 */
	@Transactional
	public ErasureRequest request(String password, String reason) {
		Actor me = this.tenancy.actor();
		if (me.institutionId() == null) {
			throw new AccessDeniedException("Erasure requests are decided by an institution's administrators");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "The reason is at most " + MAX_REASON + " characters.");
		}
		if (this.account.hasPassword()) {
			this.account.confirmPassword(password);
		}
		else if (why == null) {
			throw new InvalidInputException("reason",
					"Your account has no password to confirm with: tell us in a few words why you ask.");
		}
		if (this.store.hasOpen(me.id())) {
			throw new StateTransitionException("You have already asked for the erasure of your data; "
					+ "cancel that request first or wait for its outcome.");
		}
		Instant now = this.clock.instant();
		Instant eligibleAt = now.plus(this.properties.coolingOff());
		long id = this.store.insert(me.id(), me.institutionId(), why, now, eligibleAt);
		this.audit.record(AuditRecord.change("PRIVACY_ERASURE_REQUESTED", ENTITY, id, null,
				Map.of("status", ErasureStatus.PENDING.name(), "eligibleAt", eligibleAt.toString(), "reasonGiven",
						why != null)));
		this.events.publishEvent(new ErasureRequestChanged(id, me.id(), Step.REQUESTED, eligibleAt, now));
		return load(id);
	}

	/** The signed-in person's requests, newest first. */
	@Transactional(readOnly = true)
	public List<ErasureRequest> mine() {
		return this.store.ofUser(this.tenancy.actor().id());
	}

	/** One of the signed-in person's requests; anyone else's is "not found". */
	@Transactional(readOnly = true)
	public ErasureRequest mine(long id) {
		long me = this.tenancy.actor().id();
		return this.store.find(id)
			.filter(request -> request.userId() == me)
			.orElseThrow(() -> new NotFoundException("Erasure request not found"));
	}

	/** One request the caller may see: their own, or, for an administrator, one of their institution. */
	@Transactional(readOnly = true)
	public ErasureRequest visible(long id) {
		Actor me = this.tenancy.actor();
		ErasureRequest request = this.store.find(id)
			.orElseThrow(() -> new NotFoundException("Erasure request not found"));
		if (request.userId() == me.id()) {
			return request;
		}
		if (this.tenancy.hasRole("ADMIN") && me.institutionId() != null
				&& me.institutionId() == request.institutionId()) {
			return named(request);
		}
		throw new NotFoundException("Erasure request not found");
	}

	/** The person cancels their pending request (during the cooling-off period or until an administrator decides). */
	@Transactional
	public ErasureRequest cancel(long id) {
		ErasureRequest request = mine(id);
		Instant now = this.clock.instant();
		if (!this.store.cancel(id, now)) {
			throw new StateTransitionException("Only a pending erasure request can be cancelled; this one is "
					+ request.status().name().toLowerCase(Locale.ROOT) + ".");
		}
		this.audit.record(AuditRecord.change("PRIVACY_ERASURE_CANCELLED", ENTITY, id,
				Map.of("status", request.status().name()), Map.of("status", ErasureStatus.CANCELLED.name())));
		this.events.publishEvent(new ErasureRequestChanged(id, request.userId(), Step.CANCELLED, request.eligibleAt(), now));
		return load(id);
	}

	/** The requests of the administrator's institution, pending ones first (at most 200). */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<ErasureRequest> ofMyInstitution() {
		List<ErasureRequest> requests = this.store.ofInstitution(this.tenancy.institutionId(), 200);
		Map<Long, String> names = this.people.names(requests.stream().map(ErasureRequest::userId).toList());
		return requests.stream().map(request -> request.named(names.get(request.userId()))).toList();
	}

	/** One request of the administrator's institution; another institution's is "not found". */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public ErasureRequest ofMyInstitution(long id) {
		ErasureRequest request = this.store.find(id)
			.orElseThrow(() -> new NotFoundException("Erasure request not found"));
		this.tenancy.requireInstitution(request.institutionId(), "Erasure request");
		return named(request);
	}

	/**
	 * An administrator of the person's institution approves a pending request whose cooling-off period is
	 * over (else 409), and the erasure job starts once this commits. Nobody decides on their own request.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public ErasureRequest approve(long id) {
		ErasureRequest request = decidable(id);
		Instant now = this.clock.instant();
		if (!request.coolingOffOver(now)) {
			throw new StateTransitionException("The cooling-off period of this request ends at " + request.eligibleAt()
					+ "; until then the person may still cancel it.");
		}
		boolean hold = this.holds.of(request.institutionId()).keepAcademicRecords();
		if (!this.store.approve(id, this.tenancy.actor().id(), hold, now)) {
			throw new StateTransitionException("This erasure request was decided or cancelled meanwhile.");
		}
		long jobId = this.jobs.submit(ErasureJob.KIND, id);
		this.store.jobSubmitted(id, jobId);
		this.audit.record(AuditRecord.change("PRIVACY_ERASURE_APPROVED", ENTITY, id,
				Map.of("status", ErasureStatus.PENDING.name()),
				Map.of("status", ErasureStatus.APPROVED.name(), "academicHold", hold, "jobId", jobId)));
		this.events.publishEvent(new ErasureRequestChanged(id, request.userId(), Step.APPROVED, request.eligibleAt(), now));
		return ofMyInstitution(id);
	}

	/** An administrator refuses a pending request, with a reason (1 to 1,000 characters) the person sees. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public ErasureRequest refuse(long id, String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > MAX_REASON) {
			throw new InvalidInputException("reason",
					"Tell the person why, in at most " + MAX_REASON + " characters.");
		}
		ErasureRequest request = decidable(id);
		Instant now = this.clock.instant();
		if (!this.store.refuse(id, this.tenancy.actor().id(), why, now)) {
			throw new StateTransitionException("This erasure request was decided or cancelled meanwhile.");
		}
		this.audit.record(AuditRecord.change("PRIVACY_ERASURE_REFUSED", ENTITY, id,
				Map.of("status", ErasureStatus.PENDING.name()),
				Map.of("status", ErasureStatus.REFUSED.name(), "reason", why)));
		this.events.publishEvent(new ErasureRequestChanged(id, request.userId(), Step.REFUSED, request.eligibleAt(), now));
		return ofMyInstitution(id);
	}

	/** Retries a failed erasure (the job is idempotent): an administrator of the institution. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void retry(long id) {
		ErasureRequest request = ofMyInstitution(id);
		if (request.status() != ErasureStatus.FAILED) {
			throw new StateTransitionException("Only a failed erasure can be retried.");
		}
		long jobId = this.jobs.submit(ErasureJob.KIND, id);
		this.store.jobSubmitted(id, jobId);
		this.audit.record(AuditRecord.change("PRIVACY_ERASURE_RETRIED", ENTITY, id,
				Map.of("status", ErasureStatus.FAILED.name()), Map.of("jobId", jobId)));
	}

	private ErasureRequest decidable(long id) {
		ErasureRequest request = ofMyInstitution(id);
		if (request.userId() == this.tenancy.actor().id()) {
			throw new AccessDeniedException("Another administrator decides on your own erasure request");
		}
		if (request.status() != ErasureStatus.PENDING) {
			throw new StateTransitionException("Only a pending erasure request can be decided; this one is "
					+ request.status().name().toLowerCase(Locale.ROOT) + ".");
		}
		return request;
	}

	private ErasureRequest load(long id) {
		return this.store.find(id).orElseThrow(() -> new NotFoundException("Erasure request not found"));
	}

	private ErasureRequest named(ErasureRequest request) {
		return request.named(this.people.names(List.of(request.userId())).get(request.userId()));
	}

}
