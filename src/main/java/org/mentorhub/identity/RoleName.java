package org.mentorhub.identity;

/**
 * The roles of MentorHub, as stored in {@code roles.name}. Each grants the Spring Security
 * authority {@code ROLE_<name>}.
 */
public enum RoleName {

	/** Manages institutions; does not read their members' private data. */
	PLATFORM_ADMIN("Platform administrator"),
	/** Administers one institution. */
	ADMIN("Administrator"),
	/** Administers one department of an institution. */
	COORDINATOR("Coordinator"),
	/** Mentors mentees and students. */
	MENTOR("Mentor"),
	/** Is mentored: an employee or a student. */
	MENTEE("Mentee"),
	/** A working mother with the support features of MentorHub. */
	NEW_MOTHER("New mother");

	private final String label;

	RoleName(String label) {
		this.label = label;
	}

	/** The human-readable name of the role. */
	public String label() {
		return this.label;
	}

	/** The Spring Security authority this role grants. */
	public String authority() {
		return "ROLE_" + name();
	}

}
