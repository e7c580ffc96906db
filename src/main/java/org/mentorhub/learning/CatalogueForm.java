package org.mentorhub.learning;

/** The catalogue's search: words of the title or description, a category, and the page (from 0). */
record CatalogueForm(String q, String category, Integer page) {

	int pageOrFirst() {
		return this.page == null ? 0 : this.page;
	}

}
