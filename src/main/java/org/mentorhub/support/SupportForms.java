package org.mentorhub.support;

/** The forms of the support pages; each binds only what its page sends, and the service checks every value. */
final class SupportForms {

	private SupportForms() {
	}

	/** The report-an-issue form. */
	record ReportForm(String title, String description, String category, String pagePath) {

		IssueInput input() {
			return new IssueInput(this.title, this.description, this.category, this.pagePath);
		}

	}

	/** The queue's filters and page (each may be empty). */
	record QueueForm(String status, String assignee, String category, Integer minAgeDays, String sort, Integer page) {

		SupportDesk.Filter filter() {
			return new SupportDesk.Filter(this.status, this.assignee, this.category, this.minAgeDays, this.sort);
		}

		int pageOrFirst() {
			return this.page == null || this.page < 0 ? 0 : this.page;
		}

	}

	/** A message of the thread; {@code internal} for a staff note. */
	record MessageForm(String message, Boolean internal) {
	}

	/** A move of an issue, with the version read. */
	record TransitionForm(String action, Long version) {
	}

	/** A new assignee, with the version read. */
	record AssignForm(Long assigneeId, Long version) {
	}

}
