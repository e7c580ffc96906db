package org.mentorhub.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A student's academic record: roll number, program, year, and the protected GPA, attendance and risk level. */
@Entity
@Table(name = "student_profiles")
class StudentProfile {

	@Id
	private Long userId;

	private String rollNumber;

	private String program;

	private Integer yearOfStudy;

	private BigDecimal gpa;

	private BigDecimal attendancePct;

	@Enumerated(EnumType.STRING)
	private RiskLevel riskLevel = RiskLevel.LOW;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected StudentProfile() {
	}

	static StudentProfile open(long userId, String rollNumber, Instant now) {
		StudentProfile profile = new StudentProfile();
		profile.userId = userId;
		profile.rollNumber = rollNumber;
		profile.createdAt = now;
		profile.updatedAt = now;
		return profile;
	}

	void changeStudies(String program, Integer yearOfStudy, Instant now) {
		this.program = program;
		this.yearOfStudy = yearOfStudy;
		this.updatedAt = now;
	}

	void changeAcademic(AcademicChanges c, RiskLevel risk, Instant now) {
		if (c.rollNumber() != null) {
			this.rollNumber = c.rollNumber();
		}
		this.gpa = c.gpa();
		this.attendancePct = c.attendancePct();
		this.riskLevel = risk;
		this.updatedAt = now;
	}

	/** Sets what an academic data import gives; a null value keeps the stored one. */
	void importAcademic(BigDecimal gpa, BigDecimal attendancePct, RiskLevel risk, Instant now) {
		if (gpa != null) {
			this.gpa = gpa;
		}
		if (attendancePct != null) {
			this.attendancePct = attendancePct;
		}
		if (risk != null) {
			this.riskLevel = risk;
		}
		this.updatedAt = now;
	}

	String getRollNumber() {
		return this.rollNumber;
	}

	String getProgram() {
		return this.program;
	}

	Integer getYearOfStudy() {
		return this.yearOfStudy;
	}

	BigDecimal getGpa() {
		return this.gpa;
	}

	BigDecimal getAttendancePct() {
		return this.attendancePct;
	}

	RiskLevel getRiskLevel() {
		return this.riskLevel;
	}

	long getVersion() {
		return this.version;
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("rollNumber", this.rollNumber);
		state.put("gpa", this.gpa == null ? null : this.gpa.stripTrailingZeros().toPlainString());
		state.put("attendancePct",
				this.attendancePct == null ? null : this.attendancePct.stripTrailingZeros().toPlainString());
		state.put("riskLevel", this.riskLevel);
		return state;
	}

}
