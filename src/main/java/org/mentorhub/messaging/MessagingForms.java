package org.mentorhub.messaging;

/** The forms of the messaging pages. */
final class MessagingForms {

	private MessagingForms() {
	}

	/** A connection request: to whom, with an optional note. */
	record ConnectionForm(Long personId, String note) {
	}

	/** A new message. */
	record MessageForm(String text) {
	}

	/** A report of a message, with the reporter's words. */
	record ReportForm(String reason) {
	}

}
