package org.mentorhub.resource;

import java.util.Optional;
import java.util.Set;

import org.mentorhub.attachment.AttachmentParent;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of resources (related type RESOURCE) by {@link ResourceAccess}'s rules: whoever sees a
 * resource of their institution (a published one, or a draft as its uploader or a moderator) sees its
 * file through the generic endpoints; files are added only with the resource itself
 * ({@link Resources#create}), and the moderators manage them. Nothing is audited: the library is not
 * a student's record.
 */
@Component
class ResourceAttachments implements AttachmentParent {

	private final JdbcClient jdbc;

	private final ResourceAccess access;

	ResourceAttachments(JdbcClient jdbc, ResourceAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Set<RelatedType> types() {
		return Set.of(RelatedType.RESOURCE);
	}

	@Override
	public Optional<Access> access(RelatedType type, long relatedId) {
		ResourceAccess.Reader reader = this.access.reader();
		return this.jdbc.sql("""
				SELECT title, is_published, uploaded_by_id FROM resources WHERE id = :id AND institution_id = :inst""")
			.param("id", relatedId)
			.param("inst", reader.institutionId())
			.query((rs, i) -> new Row(rs.getString("title"), rs.getBoolean("is_published"),
					rs.getObject("uploaded_by_id", Long.class)))
			.optional()
			.filter(row -> ResourceAccess.maySee(reader, row.published(), row.uploaderId()))
			.map(row -> new Access(reader.institutionId(), false, reader.moderator(), false, "/resources/" + relatedId,
					row.title()));
	}

	private record Row(String title, boolean published, Long uploaderId) {
	}

}
