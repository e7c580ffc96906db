package org.mentorhub.platform;

/**
 * The paging arithmetic of one page of a list (a record with {@code total}, {@code page} and
 * {@code size} components implements it), shared by the lists' pagers.
 */
public interface Paged {

	/** How many items match in all. */
	long total();

	/** This page's number, from 0. */
	int page();

	/** The most items a page holds. */
	int size();

	default int totalPages() {
		return (int) ((total() + size() - 1) / size());
	}

	default boolean hasPrevious() {
		return page() > 0;
	}

	default boolean hasNext() {
		return page() + 1 < totalPages();
	}

}
