package org.mentorhub.platform.privacy;

/**
 * The consents the consent register records (docs/privacy.md, issue 22 part 6); each belongs to the module
 * that acts on it, which publishes {@link ConsentGiven} and {@link ConsentWithdrawn} and acts on a
 * {@link ConsentWithdrawalRequested}.
 */
public enum ConsentKind {

	/** The support chat of a new mother (wellbeing): health-related data, explicit consent (Art. 9(2)(a)). */
	SUPPORT_CHAT("support-chat-v1"),

	/** Being listed in the institution's directory with one's profile (profile: visibility INSTITUTION). */
	DIRECTORY_VISIBILITY("directory-v1");

	private final String textVersion;

	ConsentKind(String textVersion) {
		this.textVersion = textVersion;
	}

	/** The version of the consent text people agree to today. */
	public String textVersion() {
		return this.textVersion;
	}

}
