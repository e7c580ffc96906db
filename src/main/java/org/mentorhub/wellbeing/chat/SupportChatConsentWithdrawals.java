package org.mentorhub.wellbeing.chat;

import org.mentorhub.platform.privacy.ConsentKind;
import org.mentorhub.platform.privacy.ConsentWithdrawalRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A consent to the support chat withdrawn in the consent register (/account/privacy) is withdrawn here as if
 * she had withdrawn it on the chat's page: her history is deleted. After the register's commit, retried from
 * the event publication registry.
 */
@Component
class SupportChatConsentWithdrawals {

	private final SupportChat chat;

	SupportChatConsentWithdrawals(SupportChat chat) {
		this.chat = chat;
	}

	@ApplicationModuleListener
	void on(ConsentWithdrawalRequested event) {
		if (event.kind() == ConsentKind.SUPPORT_CHAT) {
			this.chat.withdrawOf(event.userId());
		}
	}

}
