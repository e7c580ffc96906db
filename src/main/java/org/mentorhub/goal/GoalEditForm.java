package org.mentorhub.goal;

/**
 * The edit form of a goal: title, category, description, target date ({@code yyyy-MM-dd}) and the
 * version the page showed.
 */
record GoalEditForm(String title, String category, String description, String targetDate, Long version) {

	GoalInput input() {
		return new GoalForm(null, this.title, this.category, this.description, this.targetDate, null, null, null).input();
	}

}
