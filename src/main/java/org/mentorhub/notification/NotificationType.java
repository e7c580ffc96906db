package org.mentorhub.notification;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.mentorhub.identity.RoleName;

/**
 * What a notification is about. Each type has a category (for the preferences page and the filter), a
 * default channel and whether the person may switch it off: security notices always reach the person
 * by e-mail at once. Title and body come from the message keys
 * {@code notification.type.<TYPE>.title} and {@code .body}, and the label from {@code .label}. A
 * later module adds a type here, its message keys and a listener that maps its event (see
 * docs/notifications.md).
 */
public enum NotificationType {

	MENTORSHIP_REQUESTED(Category.MENTORSHIPS, Channel.EMAIL),
	MENTORSHIP_PROPOSED(Category.MENTORSHIPS, Channel.EMAIL),
	MENTORSHIP_ACCEPTED(Category.MENTORSHIPS, Channel.EMAIL),
	MENTORSHIP_DECLINED(Category.MENTORSHIPS, Channel.EMAIL),
	MENTORSHIP_APPROVED(Category.MENTORSHIPS, Channel.EMAIL),
	MENTORSHIP_REJECTED(Category.MENTORSHIPS, Channel.EMAIL),
	MENTORSHIP_EXPIRED(Category.MENTORSHIPS, Channel.EMAIL),
	MENTORSHIP_WITHDRAWN(Category.MENTORSHIPS, Channel.IN_APP),
	MENTORSHIP_PAUSED(Category.MENTORSHIPS, Channel.IN_APP),
	MENTORSHIP_RESUMED(Category.MENTORSHIPS, Channel.IN_APP),
	MENTORSHIP_ENDED(Category.MENTORSHIPS, Channel.EMAIL),
	ASSIGNMENT_COMMITTED(Category.MENTORSHIPS, Channel.IN_APP),
	MENTORSHIP_NUDGED(Category.MENTORSHIPS, Channel.EMAIL),

	SESSION_REQUESTED(Category.SESSIONS, Channel.EMAIL),
	SESSION_PROPOSED(Category.SESSIONS, Channel.EMAIL),
	SESSION_CONFIRMED(Category.SESSIONS, Channel.IN_APP),
	SESSION_DECLINED(Category.SESSIONS, Channel.EMAIL),
	SESSION_NEW_TIME_PROPOSED(Category.SESSIONS, Channel.EMAIL),
	SESSION_NEW_TIME_ACCEPTED(Category.SESSIONS, Channel.IN_APP),
	SESSION_NEW_TIME_DECLINED(Category.SESSIONS, Channel.IN_APP),
	SESSION_CANCELLED(Category.SESSIONS, Channel.EMAIL),
	SESSION_COMPLETED(Category.SESSIONS, Channel.IN_APP),
	SESSION_REMINDER(Category.SESSIONS, Channel.IN_APP),
	SESSION_FEEDBACK_REVEALED(Category.SESSIONS, Channel.DIGEST),

	ACTION_ITEM_ASSIGNED(Category.ACTION_ITEMS, Channel.DIGEST),
	ACTION_ITEM_DUE_SOON(Category.ACTION_ITEMS, Channel.DIGEST),
	ACTION_ITEM_OVERDUE(Category.ACTION_ITEMS, Channel.EMAIL),

	GOAL_CREATED(Category.GOALS, Channel.IN_APP),
	GOAL_UPDATED(Category.GOALS, Channel.DIGEST),
	GOAL_AT_RISK(Category.GOALS, Channel.EMAIL),

	LEARNING_PATH_RECOMMENDED(Category.LEARNING, Channel.IN_APP),
	LEARNING_PATH_COMPLETED(Category.LEARNING, Channel.IN_APP),
	RESOURCE_SHARED(Category.LEARNING, Channel.IN_APP),

	ALERT_ASSIGNED(Category.ALERTS, Channel.EMAIL),
	ALERT_CLOSED(Category.ALERTS, Channel.EMAIL),
	ALERT_ESCALATED(Category.ALERTS, Channel.EMAIL),
	/** A mother in the support chat needs a call now; never carries what she wrote. Cannot be switched off. */
	SUPPORT_CHAT_CRISIS(Category.ALERTS, Channel.EMAIL, true),

	DIRECT_MESSAGE(Category.MESSAGES, Channel.IN_APP),
	CONNECTION_REQUESTED(Category.MESSAGES, Channel.IN_APP),
	CONNECTION_ACCEPTED(Category.MESSAGES, Channel.IN_APP),

	SUPPORT_ISSUE_REPORTED(Category.SUPPORT, Channel.EMAIL),
	SUPPORT_ISSUE_ASSIGNED(Category.SUPPORT, Channel.EMAIL),
	SUPPORT_ISSUE_STATUS_CHANGED(Category.SUPPORT, Channel.EMAIL),
	SUPPORT_ISSUE_MESSAGE(Category.SUPPORT, Channel.EMAIL),
	SUPPORT_ISSUE_NOTE(Category.SUPPORT, Channel.IN_APP),
	SUPPORT_ISSUE_ESCALATED(Category.SUPPORT, Channel.EMAIL),

	MILESTONE_SHARED(Category.WELLBEING, Channel.IN_APP),
	GROUP_POST_PUBLISHED(Category.WELLBEING, Channel.IN_APP),
	GROUP_JOIN_REQUESTED(Category.WELLBEING, Channel.IN_APP),
	GROUP_JOIN_APPROVED(Category.WELLBEING, Channel.IN_APP),
	COVERAGE_REQUESTED(Category.WELLBEING, Channel.EMAIL),
	COVERAGE_ACCEPTED(Category.WELLBEING, Channel.IN_APP),
	COVERAGE_REJECTED(Category.WELLBEING, Channel.IN_APP),
	COVERAGE_APPROVAL_NEEDED(Category.WELLBEING, Channel.IN_APP),
	COVERAGE_APPROVED(Category.WELLBEING, Channel.IN_APP),
	COVERAGE_CANCELLED(Category.WELLBEING, Channel.IN_APP),
	COVERAGE_STARTED(Category.WELLBEING, Channel.EMAIL),
	COVERAGE_ENDED(Category.WELLBEING, Channel.IN_APP),

	ONBOARDING_REMINDER(Category.ACCOUNT, Channel.IN_APP),
	/** A Microsoft 365 connection can no longer be refreshed: connect again (integration.microsoft). */
	MICROSOFT_RECONNECT(Category.ACCOUNT, Channel.EMAIL),
	ACCOUNT_SECURITY(Category.ACCOUNT, Channel.EMAIL, true),
	/** A step of the person's own erasure request (GDPR Art. 17); always e-mailed, never switched off. */
	PRIVACY_ERASURE(Category.ACCOUNT, Channel.EMAIL, true);

	/** Groups of types on the preferences page and in the filter. */
	public enum Category {
		MENTORSHIPS, SESSIONS, ACTION_ITEMS, GOALS, LEARNING, ALERTS, MESSAGES, SUPPORT, WELLBEING, ACCOUNT
	}

	/** How a person hears of a notification beside the app. */
	public enum Channel {

		/** In the app only. */
		IN_APP,
		/** In the app, and by e-mail at once. */
		EMAIL,
		/** In the app, and in one e-mail a day with the others of that day. */
		DIGEST

	}

	/** Staff hear of these by digest unless they choose otherwise: they get many of them. */
	private static final Set<RoleName> STAFF = Set.of(RoleName.ADMIN, RoleName.COORDINATOR, RoleName.PLATFORM_ADMIN);

	private final Category category;

	private final Channel defaultChannel;

	private final boolean mandatory;

	NotificationType(Category category, Channel defaultChannel) {
		this(category, defaultChannel, false);
	}

	NotificationType(Category category, Channel defaultChannel, boolean mandatory) {
		this.category = category;
		this.defaultChannel = defaultChannel;
		this.mandatory = mandatory;
	}

	public Category category() {
		return this.category;
	}

	/** Whether the person cannot switch it off: always e-mailed at once. */
	public boolean mandatory() {
		return this.mandatory;
	}

	/**
	 * The channel of a person who has not chosen one: the type's default, except that a mentor or
	 * mentee who is also staff gets by digest what the type would e-mail at once (mentorship requests
	 * aside, which wait for an answer).
	 */
	public Channel defaultFor(Set<RoleName> roles) {
		if (this.mandatory) {
			return Channel.EMAIL;
		}
		boolean staff = roles.stream().anyMatch(STAFF::contains);
		if (staff && this.defaultChannel == Channel.EMAIL && this != MENTORSHIP_REQUESTED) {
			return Channel.DIGEST;
		}
		return this.defaultChannel;
	}

	/** The type of this name, if there is one (case-sensitive, as sent). */
	public static Optional<NotificationType> of(String name) {
		return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
	}

}
