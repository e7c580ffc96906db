package org.mentorhub.wellbeing.chat;

import java.util.List;
import java.util.Optional;

/** Where a reply to a mother's message may come from: a language model, if one is configured and answers in time. */
interface ReplyModel {

	/** One earlier turn of the conversation. */
	record Turn(boolean fromUser, String text) {
	}

	/** The model's reply to the conversation (its last turn is her message), or empty when there is none in time. */
	Optional<String> reply(List<Turn> conversation);

}
