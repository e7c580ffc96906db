package org.mentorhub.privacy.erasure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.jobs.Job;
import org.mentorhub.platform.jobs.JobHandler;
import org.mentorhub.platform.jobs.JobProgress;
import org.mentorhub.platform.privacy.PrivacyProvider;
import org.mentorhub.platform.privacy.PrivacyProviders;
import org.mentorhub.privacy.ErasureCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erasure of one approved request, as a platform job ({@code privacy.erasure}): every module's
 * provider erases in erasure order (identity last: it signs the person out of every browser session and
 * deletes their API tokens; calendar deletes the feed tokens, integration the Microsoft tokens, wellbeing
 * the support chat), each in its own transaction, then the held education record when the institution
 * keeps none. Providers are idempotent, so a job cut off by a restart simply runs again (RESUME). The
 * request records the total; the audit row the rows per module; the person gets a last mail.
 */
@Component
class ErasureJob implements JobHandler {

	static final String KIND = "privacy.erasure";

	private static final Logger log = LoggerFactory.getLogger(ErasureJob.class);

	private final ErasureStore store;

	private final PrivacyProviders providers;

	private final People people;

	private final ErasureRequests requests;

	private final LegalHolds holds;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final java.time.Clock clock;

	ErasureJob(ErasureStore store, PrivacyProviders providers, People people, ErasureRequests requests,
			LegalHolds holds, AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transactions,
			java.time.Clock clock) {
		this.store = store;
		this.providers = providers;
		this.people = people;
		this.requests = requests;
		this.holds = holds;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public AfterRestart afterRestart() {
		return AfterRestart.RESUME;
	}

	@Override
	public void run(JobProgress progress) {
		long id = progress.job().subjectId();
		ErasureRequest request = this.store.find(id).orElse(null);
		if (request == null || request.status() == ErasureStatus.COMPLETED) {
			return;
		}
		if (request.status() == ErasureStatus.PENDING || request.status() == ErasureStatus.CANCELLED
				|| request.status() == ErasureStatus.REFUSED) {
			throw new IllegalStateException("Erasure request " + id + " is not approved");
		}
		// The address for the last mail, while the account still has it (a re-run after identity erased
		// it finds the pseudonym, and sends no mail).
		Person person = this.people.find(request.userId()).orElse(null);
		String email = person == null || person.email().endsWith("@erased.invalid") ? null : person.email();
		this.transactions.executeWithoutResult(status -> this.store.running(id));
		List<PrivacyProvider> ordered = this.providers.inErasureOrder();
		Map<String, Integer> rowsByModule = new LinkedHashMap<>();
		int done = 0;
		for (PrivacyProvider provider : ordered) {
			int rows = this.transactions.execute(status -> {
				int changed = sum(provider.erase(request.userId()));
				if (!request.academicHold()) {
					changed += sum(provider.eraseHeldRecords(request.userId()));
				}
				return changed;
			});
			rowsByModule.put(provider.module(), rows);
			progress.progress(++done, ordered.size());
		}
		int total = rowsByModule.values().stream().mapToInt(Integer::intValue).sum();
		Instant now = this.clock.instant();
		LegalHolds.Hold hold = this.holds.of(request.institutionId());
		List<String> kept = this.requests.kept(request.academicHold(), hold.reason(), locale());
		this.transactions.executeWithoutResult(status -> {
			this.store.completed(id, total, now);
			this.audit.record(AuditRecord.change("PRIVACY_ERASURE_COMPLETED", ErasureRequests.ENTITY, id, null,
					Map.of("status", ErasureStatus.COMPLETED.name(), "rowsByModule", rowsByModule, "academicHold",
							request.academicHold())));
			this.events.publishEvent(new ErasureCompleted(id, email, kept, now));
		});
		log.info("Erasure request {} completed: {} rows deleted or pseudonymised", id, total);
	}

	@Override
	public void failed(Job job, String reason) {
		this.store.failed(job.subjectId());
	}

	@Override
	public void retry(long subjectId) {
		this.requests.retry(subjectId);
	}

	private static int sum(Map<String, Integer> rows) {
		return rows.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
