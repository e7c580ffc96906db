package org.mentorhub.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What a mentor offers: capacity and focus. The current mentee count is kept by the mentorship module. */
@Entity
@Table(name = "mentor_profiles")
class MentorProfile {

	@Id
	private Long userId;

	private String designation;

	private String specialization;

	private String mentorshipStyle;

	private int maxMentees = 3;

	@Column(insertable = false, updatable = false)
	private int currentMenteeCount;

	private boolean acceptingNewMentees = true;

	private boolean supportsNewMothers;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected MentorProfile() {
	}

	static MentorProfile blank(long userId, Instant now) {
		MentorProfile profile = new MentorProfile();
		profile.userId = userId;
		profile.createdAt = now;
		profile.updatedAt = now;
		return profile;
	}

	void change(MentorChanges c, Instant now) {
		this.designation = c.designation();
		this.specialization = c.specialization();
		this.mentorshipStyle = c.mentorshipStyle();
		if (c.maxMentees() != null) {
			this.maxMentees = c.maxMentees();
		}
		if (c.acceptingNewMentees() != null) {
			this.acceptingNewMentees = c.acceptingNewMentees();
		}
		if (c.supportsNewMothers() != null) {
			this.supportsNewMothers = c.supportsNewMothers();
		}
		this.updatedAt = now;
	}

	String getDesignation() {
		return this.designation;
	}

	String getSpecialization() {
		return this.specialization;
	}

	String getMentorshipStyle() {
		return this.mentorshipStyle;
	}

	int getMaxMentees() {
		return this.maxMentees;
	}

	int getCurrentMenteeCount() {
		return this.currentMenteeCount;
	}

	boolean isAcceptingNewMentees() {
		return this.acceptingNewMentees;
	}

	boolean isSupportsNewMothers() {
		return this.supportsNewMothers;
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("designation", this.designation);
		state.put("specialization", this.specialization);
		state.put("maxMentees", this.maxMentees);
		state.put("acceptingNewMentees", this.acceptingNewMentees);
		state.put("supportsNewMothers", this.supportsNewMothers);
		return state;
	}

}
