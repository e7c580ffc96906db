package org.mentorhub.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.organization.DepartmentSummary;
import org.mentorhub.organization.Organizations;
import org.mentorhub.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits an import in the background, one row per transaction, so that the page stays
 * responsive and the progress counter moves while it runs. Each valid row is invited through
 * {@link Invitations} under the security context of the administrator who committed it. A row
 * that fails its checks now (its address was taken or its department recoded meanwhile) becomes
 * INVALID with the reason; the others go on. Its own small thread pool keeps imports from
 * starving other background work.
 */
@Component
class UserImportRunner {

	private static final Logger log = LoggerFactory.getLogger(UserImportRunner.class);

	private final UserImportRepository imports;

	private final UserImportRowRepository rows;

	private final UserRepository users;

	private final ObjectProvider<Invitations> invitations;

	private final Organizations organizations;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ThreadPoolTaskExecutor executor;

	UserImportRunner(UserImportRepository imports, UserImportRowRepository rows, UserRepository users,
			ObjectProvider<Invitations> invitations, Organizations organizations, AuditTrail audit,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.imports = imports;
		this.rows = rows;
		this.users = users;
		this.invitations = invitations;
		this.organizations = organizations;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(1);
		this.executor.setMaxPoolSize(2);
		this.executor.setQueueCapacity(100);
		this.executor.setThreadNamePrefix("user-import-");
		this.executor.setWaitForTasksToCompleteOnShutdown(false);
		this.executor.initialize();
	}

	/** Queues the commit of the import, acting as the given signed-in administrator. */
	void start(long importId, SecurityContext context) {
		this.executor.execute(new DelegatingSecurityContextRunnable(() -> run(importId), context));
	}

	void run(long importId) {
		try {
			UserImport upload = this.imports.findById(importId).orElseThrow();
			long institutionId = upload.getInstitutionId();
			List<Long> pending = this.rows.findIdsByImportIdAndOutcome(importId, UserImports.Outcome.PENDING);
			for (Long rowId : pending) {
				processRow(importId, institutionId, rowId);
			}
			this.transactions.executeWithoutResult(status -> {
				UserImport done = this.imports.findById(importId).orElseThrow();
				done.finish(this.clock.instant());
				this.audit.record(AuditRecord.change("USER_IMPORT_COMMITTED", "user_imports", importId,
						Map.of("status", UserImports.Status.COMMITTING.name()),
						Map.of("status", UserImports.Status.COMMITTED.name(), "processedRows", done.getProcessedRows(),
								"createdRows", done.getCreatedRows())));
			});
		}
		catch (RuntimeException ex) {
			log.error("The import {} stopped on an unexpected error", importId, ex);
			this.transactions.executeWithoutResult(status -> this.imports.findById(importId).ifPresent(upload -> {
				upload.fail(this.clock.instant());
				this.audit.record(AuditRecord.change("USER_IMPORT_FAILED", "user_imports", importId,
						Map.of("status", UserImports.Status.COMMITTING.name()),
						Map.of("status", UserImports.Status.FAILED.name())));
			}));
		}
	}

	private void processRow(long importId, long institutionId, long rowId) {
		try {
			this.transactions.executeWithoutResult(status -> {
				UserImportRow row = this.rows.findById(rowId).orElseThrow();
				if (!row.isPending()) {
					return;
				}
				if (this.users.existsByEmailIgnoreCase(row.getEmail())) {
					row.unchanged(UserImports.ALREADY_EXISTS);
					this.imports.countProcessedRow(importId, 0);
					return;
				}
				Long departmentId = null;
				if (row.getDepartmentCode() != null && !row.getDepartmentCode().isBlank()) {
					departmentId = this.organizations.findDepartmentByCode(institutionId, row.getDepartmentCode())
						.map(DepartmentSummary::id)
						.orElseThrow(() -> new InvalidInputException("departmentCode",
								"The department code '" + row.getDepartmentCode() + "' no longer exists."));
				}
				RoleName role = UserAdministration.roleOrNull(row.getRoleName());
				long userId = this.invitations.getObject()
					.invite(new Invitations.Invitation(row.getEmail(), row.getFullName(), List.of(role), departmentId));
				row.created(userId);
				this.imports.countProcessedRow(importId, 1);
			});
		}
		catch (InvalidInputException ex) {
			settle(importId, rowId, row -> row.rejected(
					String.join(" ", ex.problems().stream().map(InvalidInputException.FieldProblem::message).toList())));
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			// A concurrent invitation took the address between the check and the insert.
			settle(importId, rowId, row -> row.unchanged(UserImports.ALREADY_EXISTS));
		}
	}

	/** Records the outcome of a row whose own transaction was rolled back, in a new one. */
	private void settle(long importId, long rowId, java.util.function.Consumer<UserImportRow> outcome) {
		this.transactions.executeWithoutResult(status -> {
			UserImportRow row = this.rows.findById(rowId).orElseThrow();
			if (row.isPending()) {
				outcome.accept(row);
				this.imports.countProcessedRow(importId, 0);
			}
		});
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

}
