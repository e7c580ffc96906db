package org.mentorhub.profile;

import java.math.BigDecimal;
import java.util.List;

/**
 * A profile as the caller may see it. {@code student.academic} is null unless the caller may see
 * GPA, attendance and risk level; {@code mentor} and {@code student} are null for people who are not
 * mentors or students.
 */
public record ProfileView(long userId, String fullName, String firstName, String lastName, String title, String phone,
		String bio, String position, String organization, Integer yearsOfExperience, String areaOfExpertise,
		PreferredCommunication preferredCommunication, String goalsText, ProfileVisibility visibility,
		boolean hasAvatar, List<String> skills, List<String> interests, Mentor mentor, Student student, boolean own,
		boolean editable, boolean academicEditable, long version) {

	/** The mentor part. */
	public record Mentor(String designation, String specialization, String mentorshipStyle, int maxMentees,
			int currentMenteeCount, boolean acceptingNewMentees, boolean supportsNewMothers) {
	}

	/** The student part; {@code academic} only for those allowed. */
	public record Student(String rollNumber, String program, Integer yearOfStudy, Academic academic) {
	}

	/** GPA (on the institution's scale), attendance and risk level. */
	public record Academic(BigDecimal gpa, BigDecimal gpaScale, BigDecimal attendancePct, RiskLevel riskLevel) {
	}

}
