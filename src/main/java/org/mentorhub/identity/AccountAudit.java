package org.mentorhub.identity;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audits account steps of people who are not signed in (reset, registration, link confirmations).
 * The row is written once the caller's transaction has committed, in a transaction of its own:
 * so it records only what really happened, and it never waits for a lock on the user's row, which
 * the caller's transaction may hold until it ends (InnoDB checks the audit row's foreign key with a
 * shared lock on that row).
 */
@Component
class AccountAudit {

	private final AuditTrail audit;

	AccountAudit(AuditTrail audit) {
		this.audit = audit;
	}

	/** Records the fact for the given user once the current transaction commits. */
	void recordFor(AuditRecord record, User user) {
		long userId = user.getId();
		Long institutionId = user.getInstitutionId();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.audit.recordFor(record, userId, institutionId, null);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				AccountAudit.this.audit.recordFor(record, userId, institutionId, null);
			}

		});
	}

}
