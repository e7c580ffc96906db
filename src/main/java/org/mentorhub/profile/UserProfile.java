package org.mentorhub.profile;

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

/** The general profile of a user (one per user, keyed by the user's id). */
@Entity
@Table(name = "user_profiles")
class UserProfile {

	@Id
	private Long userId;

	private String firstName;

	private String lastName;

	private String phone;

	private String avatarUrl;

	private String title;

	private String bio;

	private String position;

	private String organization;

	private String goalsText;

	private Integer yearsOfExperience;

	private String areaOfExpertise;

	@Enumerated(EnumType.STRING)
	private PreferredCommunication preferredCommunication;

	@Enumerated(EnumType.STRING)
	private ProfileVisibility visibility = ProfileVisibility.INSTITUTION;

	@Enumerated(EnumType.STRING)
	private OnboardingStatus onboardingStatus = OnboardingStatus.NOT_STARTED;

	/** How many steps of the wizard are done (saved or skipped), in order. */
	private int onboardingStep;

	private Instant onboardingCompletedAt;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected UserProfile() {
	}

	static UserProfile blank(long userId, Instant now) {
		UserProfile profile = new UserProfile();
		profile.userId = userId;
		profile.createdAt = now;
		profile.updatedAt = now;
		return profile;
	}

	void change(ProfileChanges c, Instant now) {
		this.firstName = c.firstName();
		this.lastName = c.lastName();
		this.title = c.title();
		this.phone = c.phone();
		this.bio = c.bio();
		this.position = c.position();
		this.organization = c.organization();
		this.yearsOfExperience = c.yearsOfExperience();
		this.areaOfExpertise = c.areaOfExpertise();
		this.preferredCommunication = c.preferredCommunication() == null ? null
				: PreferredCommunication.valueOf(c.preferredCommunication());
		this.goalsText = c.goalsText();
		this.visibility = c.visibility() == null ? ProfileVisibility.INSTITUTION
				: ProfileVisibility.valueOf(c.visibility());
		this.updatedAt = now;
	}

	/** Leaves the directory: visible to the people of one's mentorships only. */
	void leaveDirectory(Instant now) {
		this.visibility = ProfileVisibility.MENTORSHIPS;
		this.updatedAt = now;
	}

	/**
	 * Records that wizard step {@code step} (1-based) was saved or skipped: the first such step starts
	 * onboarding; the count of done steps only grows, and only without gaps.
	 */
	void passOnboardingStep(int step, Instant now) {
		if (this.onboardingStatus == OnboardingStatus.NOT_STARTED) {
			this.onboardingStatus = OnboardingStatus.IN_PROGRESS;
		}
		if (step <= this.onboardingStep + 1) {
			this.onboardingStep = Math.max(this.onboardingStep, Math.min(step, 20));
		}
		this.updatedAt = now;
	}

	/** Finishes onboarding; refused until every one of the {@code totalSteps} steps is done. */
	void completeOnboarding(int totalSteps, Instant now) {
		if (this.onboardingStatus == OnboardingStatus.COMPLETED) {
			return;
		}
		if (this.onboardingStep < totalSteps) {
			throw new org.mentorhub.platform.StateTransitionException("Onboarding cannot be finished yet: "
					+ "save or skip step " + (this.onboardingStep + 1) + " of " + totalSteps + " first.");
		}
		this.onboardingStatus = OnboardingStatus.COMPLETED;
		this.onboardingCompletedAt = now;
		this.updatedAt = now;
	}

	OnboardingStatus getOnboardingStatus() {
		return this.onboardingStatus;
	}

	int getOnboardingStep() {
		return this.onboardingStep;
	}

	Instant getOnboardingCompletedAt() {
		return this.onboardingCompletedAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	void changeAvatar(String url, Instant now) {
		this.avatarUrl = url;
		this.updatedAt = now;
	}

	Long getUserId() {
		return this.userId;
	}

	String getFirstName() {
		return this.firstName;
	}

	String getLastName() {
		return this.lastName;
	}

	String getPhone() {
		return this.phone;
	}

	String getAvatarUrl() {
		return this.avatarUrl;
	}

	String getTitle() {
		return this.title;
	}

	String getBio() {
		return this.bio;
	}

	String getPosition() {
		return this.position;
	}

	String getOrganization() {
		return this.organization;
	}

	String getGoalsText() {
		return this.goalsText;
	}

	Integer getYearsOfExperience() {
		return this.yearsOfExperience;
	}

	String getAreaOfExpertise() {
		return this.areaOfExpertise;
	}

	PreferredCommunication getPreferredCommunication() {
		return this.preferredCommunication;
	}

	ProfileVisibility getVisibility() {
		return this.visibility;
	}

	long getVersion() {
		return this.version;
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("firstName", this.firstName);
		state.put("lastName", this.lastName);
		state.put("title", this.title);
		state.put("phone", this.phone);
		state.put("position", this.position);
		state.put("organization", this.organization);
		state.put("yearsOfExperience", this.yearsOfExperience);
		state.put("areaOfExpertise", this.areaOfExpertise);
		state.put("preferredCommunication", this.preferredCommunication);
		state.put("visibility", this.visibility);
		state.put("avatarUrl", this.avatarUrl);
		return state;
	}

}
