package org.mentorhub.profile;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the profile pages. */
@RestController
@Tag(name = "Profiles", description = "General, mentor and student profiles. A profile of another institution, or "
		+ "one its visibility hides from you, answers 404. GPA, attendance and risk level are shown only to the "
		+ "student, their mentors, their department's coordinators and the administrators (every such read by "
		+ "someone else is audited), and changed only by coordinators and administrators.")
class ProfileRestController {

	private final Profiles profiles;

	ProfileRestController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/v1/profiles/me")
	@Operation(summary = "Read my profile")
	ProfileView mine() {
		return this.profiles.mine();
	}

	@PutMapping("/api/v1/profiles/me")
	@Operation(summary = "Replace my profile",
			description = "Absent text fields are cleared. The mentor part applies to mentors, program and year of "
					+ "study to students. A capacity below the current mentee count answers 400. Send the version "
					+ "you read to get 409 instead of overwriting a concurrent change.")
	ProfileView updateMine(@RequestBody ProfileRequest request) {
		return this.profiles.updateMine(request.toChanges());
	}

	@GetMapping("/api/v1/profiles/{userId}")
	@Operation(summary = "Read a person's profile", description = "As its visibility allows; otherwise 404.")
	ProfileView get(@PathVariable long userId) {
		return this.profiles.view(userId);
	}

	@PutMapping("/api/v1/profiles/{userId}")
	@Operation(summary = "Replace a person's profile",
			description = "The owner, or an administrator of the person's institution (audited).")
	ProfileView update(@PathVariable long userId, @RequestBody ProfileRequest request) {
		return this.profiles.update(userId, request.toChanges());
	}

	@PutMapping("/api/v1/students/{userId}/academic")
	@Operation(summary = "Set a student's roll number, GPA, attendance and risk level",
			description = "Coordinators of the student's department and administrators only; audited with the "
					+ "values before and after. GPA is checked against the institution's scale.")
	ProfileView updateAcademic(@PathVariable long userId, @RequestBody AcademicRequest request) {
		return this.profiles.updateAcademic(userId,
				new AcademicChanges(request.rollNumber(), request.gpa(), request.attendancePct(), request.riskLevel()));
	}

	@GetMapping("/api/v1/tags")
	@Operation(summary = "Suggest tags", description = "Up to ten skills and interests of your institution "
			+ "whose name starts with q (ignoring case).")
	TagsResponse suggest(@RequestParam(defaultValue = "") String q) {
		return new TagsResponse(this.profiles.suggestTags(q));
	}

	/** A whole profile. */
	record ProfileRequest(String firstName, String lastName, String title, String phone, String bio, String position,
			String organization, @Schema(minimum = "0", maximum = "80") Integer yearsOfExperience,
			String areaOfExpertise,
			@Schema(allowableValues = { "EMAIL", "CHAT", "VIDEO", "PHONE", "IN_PERSON" }) String preferredCommunication,
			String goalsText, @Schema(allowableValues = { "INSTITUTION", "MENTORSHIPS", "PRIVATE" }) String visibility,
			List<String> skills, List<String> interests, MentorRequest mentor, String program,
			@Schema(minimum = "1", maximum = "10") Integer yearOfStudy, Long version) {

		ProfileChanges toChanges() {
			MentorChanges m = this.mentor == null ? null
					: new MentorChanges(this.mentor.designation(), this.mentor.specialization(),
							this.mentor.mentorshipStyle(), this.mentor.maxMentees(), this.mentor.acceptingNewMentees(),
							this.mentor.supportsNewMothers());
			return new ProfileChanges(this.firstName, this.lastName, this.title, this.phone, this.bio, this.position,
					this.organization, this.yearsOfExperience, this.areaOfExpertise, this.preferredCommunication,
					this.goalsText, this.visibility, this.skills, this.interests, m, this.program, this.yearOfStudy,
					this.version);
		}

	}

	/** The mentor part of a profile. */
	record MentorRequest(String designation, String specialization, String mentorshipStyle,
			@Schema(minimum = "0", maximum = "100") Integer maxMentees, Boolean acceptingNewMentees,
			Boolean supportsNewMothers) {
	}

	/** A student's academic record. */
	record AcademicRequest(String rollNumber, @Schema(example = "3.40") BigDecimal gpa,
			@Schema(minimum = "0", maximum = "100") BigDecimal attendancePct,
			@Schema(allowableValues = { "LOW", "MEDIUM", "HIGH" }) String riskLevel) {
	}

	/** Tag names. */
	record TagsResponse(List<String> tags) {
	}

}
