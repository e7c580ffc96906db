package org.mentorhub.report.program;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.Mailer;
import org.mentorhub.platform.Tenancy.Scope;
import org.mentorhub.report.program.ReportSubscriptions.Frequency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the program dashboards that are due by e-mail: a summary in the body (the comparison of this
 * period with the one before, and the main figures) with links to the dashboard and its PDF, and the
 * dashboard's PDF attached (the one {@link ProgramPdf} makes for the same scope and period), both
 * narrowed to the subscription's kind of program if it has one, as the page is with {@code kind=}. The job
 * runs once per cluster (ShedLock) and never sends a subscription twice for one due moment, even if two
 * runs overlap: each subscription is sent in a transaction of its own that first advances
 * {@code next_run_at} only if it still holds the value read (one statement; the run that loses the race
 * updates no row and sends nothing), and a failing mail server rolls the advance back, so the mail goes
 * at the next run. The owner is checked again at each run: an owner who may no longer see the scope
 * (role or department changed, account not active) gets nothing, and the subscription is switched off.
 */
@Component
class ReportSubscriptionMailer {

	/** The most subscriptions one run sends; the rest wait for the next run. */
	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(ReportSubscriptionMailer.class);

	private final JdbcClient jdbc;

	private final People people;

	private final ProgramDashboards dashboards;

	private final ProgramPdf pdf;

	private final Mailer mailer;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate each;

	ReportSubscriptionMailer(JdbcClient jdbc, People people, ProgramDashboards dashboards, ProgramPdf pdf,
			Mailer mailer, MessageSource messages, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.people = people;
		this.dashboards = dashboards;
		this.pdf = pdf;
		this.mailer = mailer;
		this.messages = messages;
		this.clock = clock;
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** One subscription that is due; {@code kind} null for every kind of program. */
	record Due(long id, long ownerId, long institutionId, Long departmentId, Frequency frequency, ProgramKind kind,
			LocalDateTime nextRunAt) {
	}

	@Scheduled(fixedDelayString = "${mentorhub.report.subscriptions.interval:PT15M}",
			initialDelayString = "${mentorhub.report.subscriptions.initial-delay:PT3M}")
	@SchedulerLock(name = "report-subscriptions", lockAtMostFor = "PT14M", lockAtLeastFor = "PT30S")
	void run() {
		int sent = sendDue();
		if (sent > 0) {
			log.info("Sent {} program dashboard e-mails", sent);
		}
	}

	/** Sends the subscriptions due now (at most {@value #BATCH}); returns how many this call sent. */
	int sendDue() {
		Instant now = this.clock.instant();
		List<Due> due = this.jdbc.sql("""
				SELECT id, owner_id, institution_id, department_id, frequency, program_kind, next_run_at
				FROM report_subscriptions
				WHERE active = TRUE AND next_run_at <= :now ORDER BY next_run_at, id LIMIT :batch""")
			.param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("owner_id"), rs.getLong("institution_id"),
					rs.getObject("department_id") == null ? null : rs.getLong("department_id"),
					Frequency.valueOf(rs.getString("frequency")), ReportSubscriptions.kind(rs.getString("program_kind")),
					rs.getObject("next_run_at", LocalDateTime.class)))
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		Map<Long, Person> owners = this.people.summaries(due.stream().map(Due::ownerId).distinct().toList());
		int sent = 0;
		for (Due subscription : due) {
			try {
				Boolean done = this.each.execute(tx -> send(subscription, owners.get(subscription.ownerId()), now));
				sent += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (MailException | DataAccessException ex) {
				// Rolled back: the subscription stays due and goes at the next run (a lost race is no error).
				log.warn("Could not send program dashboard e-mail {}: {}", subscription.id(), ex.getClass().getSimpleName());
			}
		}
		return sent;
	}

	/** Claims and sends one subscription; false when another run claimed it or the owner may no longer see it. */
	private boolean send(Due due, Person owner, Instant now) {
		if (!allowed(owner, due)) {
			this.jdbc.sql("UPDATE report_subscriptions SET active = FALSE WHERE id = :id AND next_run_at = :old")
				.param("id", due.id()).param("old", due.nextRunAt()).update();
			return false;
		}
		Instant dueAt = due.nextRunAt().toInstant(ZoneOffset.UTC);
		int claimed = this.jdbc.sql("""
				UPDATE report_subscriptions SET next_run_at = :next, last_sent_at = :now
				WHERE id = :id AND next_run_at = :old AND active = TRUE""")
			.param("next", LocalDateTime.ofInstant(due.frequency().nextAfter(now), ZoneOffset.UTC))
			.param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("id", due.id())
			.param("old", due.nextRunAt())
			.update();
		if (claimed == 0) {
			return false;
		}
		ProgramDashboards.Period period = due.frequency().periodBefore(dueAt);
		ProgramReport report = this.dashboards.report(new Scope(due.institutionId(), due.departmentId()), period,
				due.kind() == null ? null : due.kind().code);
		Locale locale = Locale.ENGLISH;
		Map<String, Object> model = new HashMap<>();
		model.put("name", owner.fullName());
		model.put("report", report);
		model.put("frequency", this.messages.getMessage("report.subscription.frequency." + due.frequency().name(), null,
				due.frequency().name(), locale));
		model.put("query", ProgramDashboardPageController.query(report) + ProgramDashboardPageController.kindQuery(report));
		List<Mailer.Attachment> attachments = pdf(due, report, locale);
		model.put("pdfMissing", attachments.isEmpty());
		String scope = report.departmentName() != null ? report.departmentName() : report.institutionName();
		if (due.kind() != null) {
			scope = scope + " (" + this.messages.getMessage("report.program.kind." + due.kind().code, null,
					due.kind().code, locale) + ")";
		}
		this.mailer.deliver(owner.email(),
				this.messages.getMessage("report.subscription.mail.subject", new Object[] { scope, report.from(), report.to() },
						locale),
				"report-subscription", model, attachments);
		return true;
	}

	/**
	 * The dashboard's PDF for the subscription's scope and period (the document {@link ProgramPdf} makes
	 * for a download), as the mail's attachment. If it cannot be made, the mail still goes on time, without
	 * it but saying so at the top (with the link to download it), and the failure is logged: a due moment
	 * is never retried for the PDF alone, so a PDF that always fails cannot hold back the summary.
	 */
	private List<Mailer.Attachment> pdf(Due due, ProgramReport report, Locale locale) {
		try {
			return List.of(Mailer.Attachment.ofBytes("program-" + report.from() + "-" + report.to() + ".pdf",
					"application/pdf", this.pdf.render(report, locale)));
		}
		catch (RuntimeException ex) {
			log.warn("Program dashboard e-mail {} goes without its PDF, which could not be made: {}", due.id(),
					ex.getClass().getSimpleName());
			return List.of();
		}
	}

	/** Whether the owner may still see the subscription's scope: as its administrator or its coordinator. */
	static boolean allowed(Person owner, Due due) {
		if (owner == null || !owner.active() || owner.email() == null || owner.email().isBlank()
				|| owner.institutionId() == null || owner.institutionId() != due.institutionId()) {
			return false;
		}
		if (owner.has(RoleName.ADMIN)) {
			return true;
		}
		return owner.has(RoleName.COORDINATOR) && due.departmentId() != null
				&& due.departmentId().equals(owner.departmentId());
	}

}
