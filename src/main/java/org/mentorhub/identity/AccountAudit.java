package org.mentorhub.identity;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Audits account steps of people who are not signed in (reset, registration, link confirmations).
 * The row is written once the caller's transaction has committed, in a transaction of its own
 * ({@link AuditTrail#recordFor} requires a new one): so it records only what really happened, and it
 * never waits for a lock on the user's row, which the caller's transaction may hold until it ends
 * (InnoDB checks the audit row's foreign key with a shared lock on that row). The step travels as an
 * identity-internal event to an after-commit listener, kept in the event publication registry until
 * the row is written, instead of a hand-written transaction synchronization.
 */
@Component
class AccountAudit {

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	AccountAudit(AuditTrail audit, ApplicationEventPublisher events) {
		this.audit = audit;
		this.events = events;
	}

	/** An account step to audit once the transaction it happened in has committed. */
	record AccountStepTaken(AuditRecord record, long userId, Long institutionId) {
	}

	/** Records the fact for the given user once the current transaction commits (at once without one). */
	void recordFor(AuditRecord record, User user) {
		this.events.publishEvent(new AccountStepTaken(record, user.getId(), user.getInstitutionId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountStepTaken step) {
		this.audit.recordFor(step.record(), step.userId(), step.institutionId(), null);
	}

}
