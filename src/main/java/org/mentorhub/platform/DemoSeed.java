package org.mentorhub.platform;

/**
 * One module's part of the demo data. The demo module finds every seed, runs them in {@link #order()}
 * inside one transaction and shares one {@link DemoContext} between them. A seed writes only the
 * tables of its own module, through its own services where an invariant is involved, and takes the
 * ids of other modules' rows from the context.
 */
public interface DemoSeed {

	/** Where this seed runs: lower first. Organization is 100, identity 200, profile 300, and so on. */
	int order();

	/** Writes this module's demo rows, in the caller's transaction. */
	void seed(DemoContext demo);

	/** Whether this module's demo rows are there already (the demo then loads nothing). */
	default boolean alreadySeeded() {
		return false;
	}

}
