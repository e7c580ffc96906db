package org.mentorhub.resource;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.mentorhub.attachment.TestDocuments;
import org.mentorhub.attachment.TestFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Resources and comments planted with SQL, as the resource module writes them. */
public final class ResourceFixtures {

	private ResourceFixtures() {
	}

	/** A link resource of the institution, uploaded by {@code uploaderId}, published or a draft. */
	public static long resource(JdbcClient jdbc, long institutionId, long uploaderId, String title, boolean published) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO resources (institution_id, title, description, type, category, uploaded_by_id, url,
				                       is_published, published_at, created_at, updated_at, version)
				VALUES (:i, :t, 'A planted resource.', 'GUIDEBOOK', 'planted', :u, 'https://example.org/r', :p, :at, :now, :now, 0)""")
			.param("i", institutionId)
			.param("t", title)
			.param("u", uploaderId)
			.param("p", published)
			.param("at", published ? now : null)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** A published PDF resource whose file contains {@code text}. */
	public static long pdfResource(JdbcClient jdbc, long institutionId, long uploaderId, String title, String text) {
		long id = resource(jdbc, institutionId, uploaderId, title, true);
		long file = TestFiles.plant(jdbc, "RESOURCE", id, institutionId, uploaderId, "guide.pdf", "application/pdf",
				TestDocuments.pdf(text));
		jdbc.sql("UPDATE resources SET url = NULL, attachment_id = :a WHERE id = :id").param("a", file).param("id", id).update();
		return id;
	}

	/** A comment on a resource. */
	public static long comment(JdbcClient jdbc, long resourceId, long authorId, String content) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO resource_comments (resource_id, user_id, content) VALUES (:r, :u, :c)")
			.param("r", resourceId)
			.param("u", authorId)
			.param("c", content)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Tags a resource with a tag of its institution (made when missing). */
	public static void tag(JdbcClient jdbc, long resourceId, long institutionId, String name) {
		String slug = name.toLowerCase(java.util.Locale.ROOT);
		Long tag = jdbc.sql("SELECT id FROM tags WHERE institution_id = :i AND slug = :s")
			.param("i", institutionId).param("s", slug).query(Long.class).optional().orElse(null);
		if (tag == null) {
			KeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO tags (institution_id, name, slug) VALUES (:i, :n, :s)")
				.param("i", institutionId).param("n", name).param("s", slug).update(keys, "id");
			tag = keys.getKeyAs(Number.class).longValue();
		}
		jdbc.sql("INSERT INTO resource_tags (resource_id, tag_id) VALUES (:r, :t)").param("r", resourceId).param("t", tag).update();
	}

}
