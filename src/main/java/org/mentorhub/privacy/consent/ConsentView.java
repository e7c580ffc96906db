package org.mentorhub.privacy.consent;

import java.time.Instant;

import org.mentorhub.platform.privacy.ConsentKind;

/**
 * One consent of a person as the register shows it; {@code givenAt} is null for a consent never given.
 * @param textVersion the version of the text the person agreed to
 */
public record ConsentView(ConsentKind kind, Instant givenAt, Instant withdrawnAt, String textVersion) {

	/** Whether the consent holds now (given and not withdrawn). */
	public boolean active() {
		return this.givenAt != null && this.withdrawnAt == null;
	}

}
