package org.mentorhub.goal;

/** The filters of the managed goals on {@code /goals}: status, category and page (each may be empty). */
record GoalFilterForm(String status, String category, Integer page) {

	int pageOrFirst() {
		return this.page == null || this.page < 0 ? 0 : this.page;
	}

}
