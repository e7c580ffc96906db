package org.mentorhub.messaging;

/**
 * One part of a message's text for display: plain text ({@code href} null) or an http(s) link whose
 * text is its address. Both are printed escaped.
 */
public record TextPart(String text, String href) {

	/** Whether this part is a link. */
	public boolean link() {
		return this.href != null;
	}

}
