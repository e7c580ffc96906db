package org.mentorhub.alert;

import java.util.List;

/** The forms of the alert pages; each binds only what its page sends, and the service checks every value. */
final class AlertForms {

	private AlertForms() {
	}

	/** The raise-an-alert form. */
	record RaiseForm(Long studentId, String severity, String category, String message, Boolean visibleToStudent) {

		static final RaiseForm EMPTY = new RaiseForm(null, "WARN", "OTHER", "", false);

		AlertInput input() {
			return new AlertInput(this.studentId, this.severity, this.category, this.message, this.visibleToStudent);
		}

	}

	/** The queue's filters and page (each may be empty). */
	record QueueForm(String severity, String category, String status, String owner, Long department,
			Integer minAgeDays, Integer page) {

		Alerts.Filter filter() {
			return new Alerts.Filter(this.severity, this.category, this.status, this.owner, this.department,
					this.minAgeDays);
		}

		int pageOrFirst() {
			return this.page == null || this.page < 0 ? 0 : this.page;
		}

	}

	/** A move of one case: the action, its note and the version read. */
	record TransitionForm(String action, String note, Long version) {
	}

	/** A new owner for one case, with the version read. */
	record AssignForm(Long ownerId, Long version) {
	}

	/** The queue's bulk form: the ticked alerts, what to do with them and, to assign, the owner. */
	record BulkForm(List<Long> ids, String action, Long ownerId) {
	}

}
