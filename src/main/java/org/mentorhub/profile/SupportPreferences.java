package org.mentorhub.profile;

import java.util.List;

/** A new mother's support preferences: topics, whether she wants a mentor who supports new mothers, a note. */
public record SupportPreferences(List<SupportTopic> topics, boolean wantsMotherMentor, String notes) {

	/** Nothing chosen yet. */
	public static SupportPreferences none() {
		return new SupportPreferences(List.of(), false, null);
	}

}
