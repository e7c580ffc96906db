package org.mentorhub.learning;

/** Whether a learning path is a draft (seen by its authors only) or published in the catalogue. */
public enum PathStatus {

	DRAFT, PUBLISHED

}
