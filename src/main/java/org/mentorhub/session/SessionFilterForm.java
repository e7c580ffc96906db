package org.mentorhub.session;

/**
 * The filters of the session lists: "my sessions" ({@code tab} upcoming or past, {@code status},
 * {@code mentorship}, {@code page}), the week view ({@code date}, a day of the week) and the attendance view ({@code from}, {@code to} as
 * yyyy-mm-dd, {@code attendance}, {@code status}, {@code page}). A filter that does not parse is
 * ignored, as a list filter should be.
 */
record SessionFilterForm(String tab, String status, Long mentorship, String date, String from, String to,
		String attendance, Integer page) {

	boolean upcoming() {
		return !"past".equals(this.tab);
	}

	int pageOrFirst() {
		return this.page == null || this.page < 0 ? 0 : this.page;
	}

}
