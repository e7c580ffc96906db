package org.mentorhub.wellbeing.chat;

import java.time.Instant;
import java.util.List;

/**
 * A mother's support-chat message was caught by the crisis screen: somebody should call her now. It
 * carries who she is and whom to ask (the institution's designated contact, else its administrators),
 * never what she wrote.
 *
 * @param motherId who needs a call
 * @param institutionId her institution
 * @param recipientIds who is asked to call her
 * @param flaggedAt when
 */
public record SupportChatCrisisFlagged(long motherId, long institutionId, List<Long> recipientIds, Instant flaggedAt) {

	public SupportChatCrisisFlagged {
		recipientIds = List.copyOf(recipientIds);
	}

}
