package org.mentorhub.profile;

import org.mentorhub.platform.privacy.ConsentKind;
import org.mentorhub.platform.privacy.ConsentWithdrawalRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Consent to the directory withdrawn in the consent register (/account/privacy): the profile leaves the
 * directory (visibility MENTORSHIPS). After the register's commit, retried from the event publication registry.
 */
@Component
class DirectoryConsentWithdrawals {

	private final Profiles profiles;

	DirectoryConsentWithdrawals(Profiles profiles) {
		this.profiles = profiles;
	}

	@ApplicationModuleListener
	void on(ConsentWithdrawalRequested event) {
		if (event.kind() == ConsentKind.DIRECTORY_VISIBILITY) {
			this.profiles.leaveDirectory(event.userId());
		}
	}

}
