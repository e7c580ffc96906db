package org.mentorhub.session;

/**
 * The action item forms (new and edit): title, description, the assignee (the mentor's or the
 * mentee's id), the due date (yyyy-mm-dd), the status, and the {@code version} the page showed.
 * The new-item form shows it again as typed when it is refused.
 */
record ActionItemForm(String title, String description, String assigneeId, String dueDate, String status,
		Long version) {

	static final ActionItemForm EMPTY = new ActionItemForm("", "", "", "", "PENDING", null);

	ActionItemInput input(Long assignee) {
		return new ActionItemInput(this.title, this.description, assignee, this.dueDate, this.status);
	}

}
