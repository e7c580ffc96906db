package org.mentorhub.profile;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Students' academic records (GPA, attendance, risk level) as the academic import
 * ({@code profile.academic}) reads and writes them: the values a record holds, and an import's values
 * applied and audited like a change by hand ({@code STUDENT_ACADEMIC_UPDATED}, before and after). The
 * caller checks who may, and calls it in its transaction, so that a change by hand at the same moment
 * fails the write (optimistic locking) instead of being overwritten. Each import's change publishes
 * {@link AcademicRecordChanged}.
 */
@Component
public class AcademicRecords {

	/** The values a student's record holds (null: none recorded). */
	public record Held(BigDecimal gpa, BigDecimal attendancePct, RiskLevel riskLevel) {
	}

	private final StudentProfileRepository students;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AcademicRecords(StudentProfileRepository students, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.students = students;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** The values the student's record holds, if the student has one. */
	public Optional<Held> held(long studentId) {
		return this.students.findById(studentId)
			.map(profile -> new Held(profile.getGpa(), profile.getAttendancePct(), profile.getRiskLevel()));
	}

	/**
	 * Sets what an import's row gives (a null value keeps the stored one) and audits it with the
	 * import's id.
	 */
	public void importValues(long studentId, BigDecimal gpa, BigDecimal attendancePct, RiskLevel riskLevel,
			long importId) {
		StudentProfile profile = this.students.findById(studentId).orElseThrow();
		Map<String, Object> before = profile.auditState();
		profile.importAcademic(gpa, attendancePct, riskLevel, this.clock.instant());
		this.students.saveAndFlush(profile);
		Map<String, Object> after = new LinkedHashMap<>(profile.auditState());
		after.put("academicImportId", importId);
		this.audit.record(AuditRecord.change("STUDENT_ACADEMIC_UPDATED", "student_profiles", studentId, before, after));
		this.events.publishEvent(new AcademicRecordChanged(studentId, importId, this.clock.instant()));
	}

}
