package org.mentorhub.profile;

/** How a person prefers to be reached. */
public enum PreferredCommunication {
	EMAIL, CHAT, VIDEO, PHONE, IN_PERSON
}
