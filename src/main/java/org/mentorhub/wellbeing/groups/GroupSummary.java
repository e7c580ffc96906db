package org.mentorhub.wellbeing.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * A support group as the caller sees it, with the caller's membership.
 * @param myStatus ACTIVE, PENDING, or null when the caller does not belong to it
 * @param myRole MEMBER or MODERATOR, or null
 * @param notifyPosts whether the caller hears of new posts
 */
public record GroupSummary(long id, String name, String description, boolean isPrivate, int memberCount,
		LocalDateTime lastActiveAt, String myStatus, String myRole, boolean notifyPosts) {

	/** Whether the caller is an active member. */
	public boolean active() {
		return SupportGroups.ACTIVE.equals(this.myStatus);
	}

	/** Whether the caller waits for approval. */
	public boolean pending() {
		return SupportGroups.PENDING.equals(this.myStatus);
	}

	/** Whether the caller moderates the group. */
	public boolean moderator() {
		return active() && SupportGroups.MODERATOR.equals(this.myRole);
	}

	static GroupSummary of(ResultSet rs) throws SQLException {
		return new GroupSummary(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getBoolean("is_private"), rs.getInt("member_count"), rs.getObject("last_active_at", LocalDateTime.class),
				rs.getString("my_status"), rs.getString("my_role"), rs.getBoolean("notify_posts"));
	}

}
