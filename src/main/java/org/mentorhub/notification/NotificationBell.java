package org.mentorhub.notification;

import java.util.Set;

import org.mentorhub.platform.Actor;
import org.mentorhub.platform.LayoutSlot;
import org.mentorhub.platform.NavigationEntry;
import org.mentorhub.platform.NavigationEntry.Group;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The bell in the layout's top bar ({@link LayoutSlot#BELL}): a link to the notification centre with
 * the unread count, one indexed query per page. The live stream keeps the count current without a
 * reload (static/js/notifications.js); without JavaScript the next page shows it.
 */
@Component("notificationBell")
class NotificationBell {

	private final NotificationCenter center;

	private final Tenancy tenancy;

	NotificationBell(NotificationCenter center, Tenancy tenancy) {
		this.center = center;
		this.tenancy = tenancy;
	}

	/** The request attribute where a page that counted the unread notifications already leaves the count. */
	static final String COUNTED = NotificationBell.class.getName() + ".unread";

	/** The signed-in person's unread count (counted once per request); 0 for nobody. */
	public long unread() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(COUNTED, RequestAttributes.SCOPE_REQUEST) instanceof Long counted) {
			return counted;
		}
		return this.tenancy.currentActor().map(Actor::id).map(this.center::unreadCount).orElse(0L);
	}

	/** Leaves the count for the bell of this request's page. */
	static void counted(long unread) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(COUNTED, unread, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Slot {

		@Bean
		NavigationEntry notificationSettingsEntry() {
			return NavigationEntry.of(Group.ACCOUNT, "notification-settings", "notification.nav.preferences", "bell",
					"/account/notifications", 25, Set.of());
		}

		@Bean
		LayoutSlot notificationBellSlot() {
			return new LayoutSlot(LayoutSlot.BELL, "notification/bell :: bell");
		}

	}

}
