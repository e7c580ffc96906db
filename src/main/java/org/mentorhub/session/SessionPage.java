package org.mentorhub.session;

import java.util.List;

/** One page of a list. */
public record SessionPage<T>(List<T> items, long total, int page, int size) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
