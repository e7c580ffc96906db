package org.mentorhub.wellbeing;

import java.util.List;

/**
 * Somebody asked to join a private support group; its moderators (or, without any, the institution's
 * administrators) decide.
 * @param deciderIds who may approve the request
 */
public record GroupJoinRequested(long groupId, String groupName, long requesterId, List<Long> deciderIds) {

	public GroupJoinRequested {
		deciderIds = List.copyOf(deciderIds);
	}

}
