package org.mentorhub.wellbeing;

/** A moderator or an administrator let somebody into a private support group. */
public record GroupJoinApproved(long groupId, String groupName, long memberId, long approverId) {
}
