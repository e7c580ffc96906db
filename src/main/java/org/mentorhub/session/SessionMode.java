package org.mentorhub.session;

/** How a session meets. */
public enum SessionMode {

	IN_PERSON, ONLINE, PHONE

}
