package org.mentorhub.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a domain object is asked to make a change its current state does not allow, such as
 * confirming a cancelled session. The web layer answers it with 409 Conflict and the message.
 */
@ResponseStatus(HttpStatus.CONFLICT) // pages: the error page for 409; the API maps it itself
public class StateTransitionException extends RuntimeException {

	public StateTransitionException(String message) {
		super(message);
	}

}
