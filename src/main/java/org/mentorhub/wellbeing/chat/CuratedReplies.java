package org.mentorhub.wellbeing.chat;

import java.util.List;

/**
 * The human-written replies of the support chat: the supportive answers used when no model is
 * configured or it fails, the AI disclosure, and the fixed crisis answer (docs/support-chat.md).
 */
final class CuratedReplies {

	static final String DISCLOSURE = "Hello. I am an AI companion, not a person and not a therapist. This is peer "
			+ "support: I can listen and think things through with you, but I cannot give medical advice. If you are "
			+ "in danger or thinking about harming yourself or anyone else, please call your local emergency number.";

	static final List<String> SUPPORTIVE = List.of(
			"Thank you for telling me. What you are feeling makes sense, and you do not have to carry it alone. What "
					+ "would help you most right now?",
			"That sounds like a lot. The early months with a baby are hard for many parents, even when it does not "
					+ "look like it from outside. Is there someone you trust you could talk to about this today?",
			"I hear you. It is okay to not feel okay. Would it help to name one small thing that could make the next "
					+ "hour a little easier?",
			"You are doing more than you think. Rest, food and a few minutes for yourself matter too. Your midwife, "
					+ "health visitor or doctor is also there for how you feel, not only for the baby.",
			"It sounds like you are going through a lot. Many new mothers feel this way, and it can get better with "
					+ "support. Do you want to tell me more about what has been hardest?",
			"Thank you for sharing this with me. If these feelings stay for more than two weeks or get heavier, please "
					+ "talk to your doctor or midwife; they can help.");

	private CuratedReplies() {
	}

	/** A supportive reply, varied by how many messages she has written. */
	static String supportive(long seed) {
		return SUPPORTIVE.get((int) Math.floorMod(seed, SUPPORTIVE.size()));
	}

	/** The fixed crisis answer with the help lines. */
	static String crisis(List<String> helpLines, boolean someoneNotified) {
		StringBuilder text = new StringBuilder("I am really glad you told me, and I am worried about your safety. I am "
				+ "an AI and cannot help with this on my own, so please reach a person now.\n");
		if (someoneNotified) {
			text.append("Someone from your organisation has been asked to call you as soon as possible. They have not "
					+ "been shown what you wrote.\n");
		}
		text.append("If you or your baby are in immediate danger, call your local emergency number now. You can also "
				+ "call or text, any time:\n");
		for (String line : helpLines) {
			text.append("- ").append(line).append('\n');
		}
		text.append("You do not have to go through this alone.");
		return text.toString();
	}

}
