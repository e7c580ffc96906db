package org.mentorhub.wellbeing;

import java.util.List;

/**
 * Somebody posted (or replied) in a support group. Carries who should hear of it (the group's active
 * members who asked to be told of new posts, never the author), never the text of the post.
 * @param recipientIds the members who opted in
 */
public record GroupPostPublished(long groupId, String groupName, long postId, long authorId, List<Long> recipientIds) {

	public GroupPostPublished {
		recipientIds = List.copyOf(recipientIds);
	}

}
