package org.mentorhub.notification;

import java.util.List;

/**
 * A page of a person's notifications, newest first.
 *
 * @param page the page, from 0
 * @param hasNext whether a next page exists
 * @param unread how many of the person's notifications are unread (all of them, not only this page's)
 */
public record NotificationPage(List<NotificationView> items, int page, int size, boolean hasNext, long unread) {

	public boolean hasPrevious() {
		return this.page > 0;
	}

}
