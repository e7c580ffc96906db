package org.mentorhub.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a record does not exist or the caller may not know that it exists. The web layer
 * answers both cases alike with 404, so that nothing leaks about records of other users.
 */
@ResponseStatus(HttpStatus.NOT_FOUND) // pages: the error page for 404; the API maps it itself
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
