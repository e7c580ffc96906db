package org.mentorhub.resource;

/** The library's search, filters, order and page, as the query string carries them. */
record LibraryForm(String q, String type, String category, String tag, String sort, Integer page) {

	Resources.Filter filter() {
		return new Resources.Filter(this.q, this.type, this.category, this.tag, this.sort);
	}

	int pageOrFirst() {
		return this.page == null || this.page < 0 ? 0 : this.page;
	}

	String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
