package org.mentorhub.resource;

import java.util.List;

/**
 * A resource, its comments (oldest first) and what the reader may do with it now.
 * @param mayManage publish, unpublish (the uploader and the institution's administrators and coordinators)
 * @param mayComment whether the reader may comment (a published resource)
 * @param mayShare whether the reader mentors somebody they could share it with
 */
public record ResourceDetails(ResourceView resource, List<CommentView> comments, boolean mayManage,
		boolean mayComment, boolean mayShare) {
}
