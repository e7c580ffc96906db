package org.mentorhub.notification;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.mentorhub.platform.Mailer;
import org.mentorhub.privacy.ErasureCompleted;
import org.mentorhub.privacy.ErasureRequestChanged;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The person's own erasure request (GDPR Art. 17): received, cancelled, approved or refused become a
 * notice in the app and by e-mail (never switched off). When the erasure is done the account has no
 * address any more, so the last mail goes to the address the account had, with what was kept and why.
 */
@Component
class PrivacyNotifications {

	static final String LINK = "/account/privacy/erasure";

	private final Inbox inbox;

	private final Mailer mailer;

	PrivacyNotifications(Inbox inbox, Mailer mailer) {
		this.inbox = inbox;
		this.mailer = mailer;
	}

	@ApplicationModuleListener
	void on(ErasureRequestChanged event) {
		String step = event.step().name();
		String eligible = event.eligibleAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
		this.inbox.deliver(List.of(Notice.of(event.userId(), NotificationType.PRIVACY_ERASURE, LINK,
				Inbox.ids("requestId", event.requestId()),
				new DefaultMessageSourceResolvable(new String[] { "notification.privacy.erasure." + step + ".title" },
						new Object[] { eligible }),
				new DefaultMessageSourceResolvable(new String[] { "notification.privacy.erasure." + step + ".body" },
						new Object[] { eligible }))));
	}

	@ApplicationModuleListener
	void on(ErasureCompleted event) {
		if (event.email() == null) {
			return;
		}
		this.mailer.deliver(event.email(), "Your MentorHub data was erased", "privacy-erasure-done",
				Map.of("kept", event.kept()));
	}

}
