package org.mentorhub.wellbeing.groups;

import java.time.LocalDateTime;

/** A member of a group (or a pending request), with role MEMBER or MODERATOR and status ACTIVE or PENDING. */
public record MemberView(long userId, String fullName, String role, String status, LocalDateTime joinedAt) {
}
