package org.mentorhub.session;

/** Where an action item stands. */
public enum ActionItemStatus {

	PENDING, IN_PROGRESS, COMPLETED

}
