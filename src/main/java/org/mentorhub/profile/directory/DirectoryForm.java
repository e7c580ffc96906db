package org.mentorhub.profile.directory;

import org.springframework.web.util.UriComponentsBuilder;

/** The search form of the directory page, bound from the query string. */
record DirectoryForm(String q, String skill, String interest, Long department, Boolean accepting, Boolean newMothers,
		Boolean overlap, String sort, Integer page) {

	Directory.Query toQuery() {
		return new Directory.Query(this.q, this.skill, this.interest, this.department, isSet(this.accepting),
				isSet(this.newMothers), isSet(this.overlap), DirectoryRestController.sortOf(this.sort),
				this.page == null ? 1 : this.page);
	}

	/** The link to another page of the same search. */
	public String pageLink(int number) {
		return link(this.sort, number);
	}

	/** The link to the same search in another order, from page 1. */
	public String sortLink(String order) {
		return link(order, 1);
	}

	public String currentSort() {
		return this.sort == null || this.sort.isBlank() ? "NAME" : this.sort.strip().toUpperCase(java.util.Locale.ROOT);
	}

	private String link(String order, int number) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/directory");
		add(uri, "q", this.q);
		add(uri, "skill", this.skill);
		add(uri, "interest", this.interest);
		if (this.department != null) {
			uri.queryParam("department", this.department);
		}
		if (isSet(this.accepting)) {
			uri.queryParam("accepting", true);
		}
		if (isSet(this.newMothers)) {
			uri.queryParam("newMothers", true);
		}
		if (isSet(this.overlap)) {
			uri.queryParam("overlap", true);
		}
		add(uri, "sort", order);
		uri.queryParam("page", number);
		return uri.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value.strip());
		}
	}

	private static boolean isSet(Boolean value) {
		return Boolean.TRUE.equals(value);
	}

}
