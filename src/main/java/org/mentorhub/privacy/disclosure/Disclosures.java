package org.mentorhub.privacy.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mentorhub.audit.AuditDisclosures;
import org.mentorhub.audit.AuditDisclosures.Disclosure;
import org.mentorhub.identity.People;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's record of disclosures: the audit rows that name them as subject and were written by
 * someone else (reads of GPA and risk, attendance, alerts, goals, sessions, session notes, session feedback and the
 * files of sessions and their feedback), newest first, with the
 * reader's name (one batch lookup). Only one's own.
 */
@Service
public class Disclosures {

	/** Rows shown when the caller does not say. */
	public static final int DEFAULT_LIMIT = 100;

	private static final Map<String, String> RECORDS = Map.of("STUDENT_RISK_READ", "academic",
			"SESSION_ATTENDANCE_READ", "attendance", "ALERT_READ", "alert", "GOAL_READ", "goal", "NOTE_READ",
			"session-note", "SESSION_READ", "session", "FEEDBACK_READ", "feedback", "ATTACHMENT_READ", "file");

	private final AuditDisclosures audit;

	private final People people;

	private final Tenancy tenancy;

	Disclosures(AuditDisclosures audit, People people, Tenancy tenancy) {
		this.audit = audit;
		this.people = people;
		this.tenancy = tenancy;
	}

	/** At most {@code limit} (1 to 500) reads of my records by others; 400 outside that range. */
	@Transactional(readOnly = true)
	public List<DisclosureView> mine(int limit) {
		if (limit < 1 || limit > AuditDisclosures.MAX_ROWS) {
			throw new InvalidInputException("limit", "Ask for 1 to " + AuditDisclosures.MAX_ROWS + " rows.");
		}
		long me = this.tenancy.actor().id();
		List<Disclosure> rows = this.audit.about(me, limit);
		Map<Long, String> names = this.people
			.names(rows.stream().map(Disclosure::readerId).filter(Objects::nonNull).toList());
		return rows.stream()
			.map(row -> new DisclosureView(row.at(), row.readerId(),
					row.readerId() == null ? row.readerLabel() : names.getOrDefault(row.readerId(), row.readerLabel()),
					RECORDS.getOrDefault(row.action(), row.entity()), row.action(), row.entityId()))
			.toList();
	}

}
