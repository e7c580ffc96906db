package org.mentorhub.organization;

/** Whether an institution runs student mentoring or employee development. */
public enum InstitutionKind {

	/** A university or college: students, GPA, attendance and early alerts. */
	UNIVERSITY,
	/** A company: employee development and working-mother support. */
	COMPANY

}
