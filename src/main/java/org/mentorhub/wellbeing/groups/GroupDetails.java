package org.mentorhub.wellbeing.groups;

import java.util.List;

/**
 * A group's page: the group, what the caller may do, the latest posts with their replies (for active
 * members and administrators; empty for others) and the members (with pending requests).
 */
public record GroupDetails(GroupSummary group, boolean canPost, boolean canModerate, boolean canAppoint,
		List<PostView> posts, List<MemberView> members) {
}
