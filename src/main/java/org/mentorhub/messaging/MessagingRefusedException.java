package org.mentorhub.messaging;

/**
 * The caller may not do this to that person (write to a stranger, connect with someone who blocked
 * them): 403 with a message that says why, in the page and the API.
 */
public class MessagingRefusedException extends RuntimeException {

	public MessagingRefusedException(String message) {
		super(message);
	}

}
