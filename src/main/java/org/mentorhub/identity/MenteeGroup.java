package org.mentorhub.identity;

/**
 * A group of mentees (or students) by the roles they hold, for the reports' program-kind filter: a
 * fixed SQL condition over a person id column, read from identity's published view
 * {@code identity_person_roles}. The conditions are constants (nothing of a request is put in them).
 */
public enum MenteeGroup {

	/** Everybody: no condition. */
	ALL("1 = 1"),
	/** Those who hold the NEW_MOTHER role (new-mother support). */
	NEW_MOTHERS("EXISTS (SELECT 1 FROM identity_person_roles kind_role WHERE kind_role.user_id = %s"
			+ " AND kind_role.role = 'NEW_MOTHER')"),
	/** Those who do not (student mentoring, professional development). */
	OTHERS("NOT EXISTS (SELECT 1 FROM identity_person_roles kind_role WHERE kind_role.user_id = %s"
			+ " AND kind_role.role = 'NEW_MOTHER')"),
	/** Nobody (a kind of program the institution does not run). */
	NONE("1 = 0");

	private final String condition;

	MenteeGroup(String condition) {
		this.condition = condition;
	}

	/** The condition over this column of person ids (a column name of the caller's own SQL). */
	public String sql(String personColumn) {
		return this.condition.contains("%s") ? String.format(this.condition, personColumn) : this.condition;
	}

}
