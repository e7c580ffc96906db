package org.mentorhub.profile;

import java.util.Arrays;
import java.util.List;

import org.mentorhub.platform.InvalidInputException;

/** The profile edit form; numbers come as text so that a typo is shown beside its field. */
public record ProfileForm(String firstName, String lastName, String title, String phone, String bio, String position,
		String organization, String yearsOfExperience, String areaOfExpertise, String preferredCommunication,
		String goalsText, String visibility, String skills, String interests, String designation,
		String specialization, String mentorshipStyle, String maxMentees, Boolean acceptingNewMentees,
		Boolean supportsNewMothers, String program, String yearOfStudy, Long version) {

	public static ProfileForm of(ProfileView v) {
		ProfileView.Mentor m = v.mentor();
		ProfileView.Student s = v.student();
		return new ProfileForm(v.firstName(), v.lastName(), v.title(), v.phone(), v.bio(), v.position(),
				v.organization(), v.yearsOfExperience() == null ? null : String.valueOf(v.yearsOfExperience()),
				v.areaOfExpertise(), v.preferredCommunication() == null ? null : v.preferredCommunication().name(),
				v.goalsText(), v.visibility().name(), String.join(", ", v.skills()), String.join(", ", v.interests()),
				m == null ? null : m.designation(), m == null ? null : m.specialization(),
				m == null ? null : m.mentorshipStyle(), m == null ? null : String.valueOf(m.maxMentees()),
				m == null ? null : m.acceptingNewMentees(), m == null ? null : m.supportsNewMothers(),
				s == null ? null : s.program(),
				s == null || s.yearOfStudy() == null ? null : String.valueOf(s.yearOfStudy()), v.version());
	}

	ProfileChanges toChanges(boolean mentor) {
		MentorChanges m = mentor ? new MentorChanges(this.designation, this.specialization, this.mentorshipStyle,
				number(this.maxMentees, "mentor.maxMentees"), Boolean.TRUE.equals(this.acceptingNewMentees),
				Boolean.TRUE.equals(this.supportsNewMothers)) : null;
		return new ProfileChanges(this.firstName, this.lastName, this.title, this.phone, this.bio, this.position,
				this.organization, number(this.yearsOfExperience, "yearsOfExperience"), this.areaOfExpertise,
				this.preferredCommunication, this.goalsText, this.visibility, list(this.skills), list(this.interests), m,
				this.program, number(this.yearOfStudy, "yearOfStudy"), this.version);
	}

	/** The comma-separated values as a list (empty for none). */
	public static List<String> list(String commaSeparated) {
		return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).toList();
	}

	/** The text as a whole number, null when blank; anything else is a bad input on the field. */
	public static Integer number(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "Enter a whole number.");
		}
	}

}
