package org.mentorhub.report;

/**
 * One line of a home page's "what to do next" list: a message key with its arguments (the message
 * chooses the plural) and the page that does it. {@code id} names the line for tests and anchors.
 */
record NextAction(String id, String key, Object[] args, String href) {

	static NextAction of(String id, String href, String key, Object... args) {
		return new NextAction(id, key, args, href);
	}

}
