package org.mentorhub.mentorship.matching;

/**
 * Why a mentor can never be matched with a mentee: a hard limit, never a low score. Checked in
 * this order; the first that applies is the reason.
 */
public enum Exclusion {

	/** The mentor is the mentee. */
	SAME_PERSON("the mentor is the mentee"),

	/** The mentor belongs to another institution. */
	OTHER_INSTITUTION("the mentor is in another institution"),

	/** The mentor does not accept mentees now. */
	NOT_ACCEPTING("the mentor does not accept mentees"),

	/** The mentor has no capacity left. */
	NO_CAPACITY("the mentor has no capacity left"),

	/** Their weekly availability does not overlap. */
	NO_AVAILABILITY_OVERLAP("no overlapping availability"),

	/** An administrator removed the pair from the bulk assignment. */
	REMOVED("the pair was removed by an administrator");

	private final String description;

	Exclusion(String description) {
		this.description = description;
	}

	/** An English description, for logs and as a default text. */
	public String description() {
		return this.description;
	}

}
