package org.mentorhub.messaging;

import java.util.List;

/**
 * A person's network page: their connections, the requests they received and sent, the people they blocked.
 *
 * @param connections accepted connections, by name
 * @param received pending requests to the viewer, newest first
 * @param sent pending requests of the viewer, newest first
 * @param blocked the people the viewer blocked
 */
public record Network(List<ConnectionView> connections, List<ConnectionView> received, List<ConnectionView> sent,
		List<PersonRef> blocked) {

	/** A person by id and name. */
	public record PersonRef(long id, String name) {
	}

}
