package org.mentorhub.wellbeing.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A post of a group's discussion, or a reply. A removed post is a tombstone: no text, its time kept.
 * @param authorId null when the author's account is gone
 */
public record PostView(long id, Long authorId, String authorName, String body, boolean removed, LocalDateTime createdAt,
		List<PostView> replies) {

	PostView withReplies(List<PostView> replies) {
		return new PostView(this.id, this.authorId, this.authorName, this.body, this.removed, this.createdAt,
				List.copyOf(replies));
	}

	static PostView of(ResultSet rs, List<PostView> replies) throws SQLException {
		long author = rs.getLong("author_id");
		Long authorId = rs.wasNull() ? null : author;
		boolean removed = rs.getObject("removed_at") != null;
		return new PostView(rs.getLong("id"), authorId, rs.getString("full_name"), removed ? null : rs.getString("body"),
				removed, rs.getObject("created_at", LocalDateTime.class), replies);
	}

}
