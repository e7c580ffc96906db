package org.mentorhub.audit;

import java.util.List;

/**
 * One page of audit rows, newest first. There is no total count: counting millions of rows on
 * every page view is slow, so the viewer only says whether a next page exists.
 * @param page the page number, from 1
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, boolean hasNext) {

	/** Whether there is a page before this one. */
	public boolean hasPrevious() {
		return this.page > 1;
	}

}
