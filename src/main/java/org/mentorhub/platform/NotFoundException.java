package org.mentorhub.platform;

/**
 * Thrown when a record does not exist or the caller may not know that it exists. The web layer
 * answers both cases alike with 404, so that nothing leaks about records of other users.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
