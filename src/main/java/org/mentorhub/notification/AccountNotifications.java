package org.mentorhub.notification;

import java.util.List;
import java.util.Set;

import org.mentorhub.identity.AccountSecurityNotice;
import org.mentorhub.identity.SecurityNoticeKind;
import org.mentorhub.profile.OnboardingReminderSent;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The account's own notices: security steps ({@link AccountSecurityNotice}, always e-mailed and never
 * switched off) and onboarding reminders from the programme. Identity already mails a password
 * change, a reset and an e-mail change itself; those are noted in the app without a second mail.
 */
@Component
class AccountNotifications {

	/** Steps whose mail identity sends itself. */
	static final Set<SecurityNoticeKind> MAILED_BY_IDENTITY = Set.of(SecurityNoticeKind.PASSWORD_CHANGED,
			SecurityNoticeKind.PASSWORD_RESET, SecurityNoticeKind.EMAIL_CHANGE_REQUESTED, SecurityNoticeKind.EMAIL_CHANGED);

	private final Inbox inbox;

	AccountNotifications(Inbox inbox) {
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(AccountSecurityNotice event) {
		String kind = event.kind().name();
		String link = switch (event.kind()) {
			case ACCESS_TOKEN_CREATED, ACCESS_TOKEN_REVOKED -> "/account/tokens";
			case PASSWORD_CHANGED, PASSWORD_RESET, ACCOUNT_LOCKED, ROLES_CHANGED, ACCOUNT_DISABLED, ACCOUNT_ENABLED ->
				"/account/sessions";
			default -> "/account";
		};
		Notice notice = Notice.of(event.userId(), NotificationType.ACCOUNT_SECURITY, link, Inbox.ids("kind", kind),
				new DefaultMessageSourceResolvable("notification.security." + kind + ".title"),
				new DefaultMessageSourceResolvable("notification.security." + kind + ".body"));
		this.inbox.deliver(List.of(MAILED_BY_IDENTITY.contains(event.kind()) ? notice.alreadyMailed() : notice));
	}

	@ApplicationModuleListener
	void on(OnboardingReminderSent event) {
		this.inbox.deliver(List.of(Notice.of(event.userId(), NotificationType.ONBOARDING_REMINDER, "/onboarding",
				Inbox.ids("userId", event.userId()))));
	}

}
