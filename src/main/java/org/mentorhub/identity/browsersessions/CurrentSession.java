package org.mentorhub.identity.browsersessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The id of the caller's own HTTP session, so that its row can be marked and kept. */
final class CurrentSession {

	private CurrentSession() {
	}

	static String id(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}

}
