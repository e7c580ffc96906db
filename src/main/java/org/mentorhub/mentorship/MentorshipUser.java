package org.mentorhub.mentorship;

/**
 * The person asking what they may do with a mentorship: their id, institution, department and
 * whether they are an administrator (whole institution) or coordinator (own department).
 */
record MentorshipUser(long id, Long institutionId, Long departmentId, boolean admin, boolean coordinator) {

	/** An administrator of the institution, or a coordinator of the department. */
	boolean manages(long institutionId, Long departmentId) {
		if (this.institutionId == null || this.institutionId != institutionId) {
			return false;
		}
		return this.admin || (this.coordinator && this.departmentId != null && this.departmentId.equals(departmentId));
	}

}
