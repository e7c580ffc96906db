package org.mentorhub.resource;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mentorhub.attachment.AttachmentFiles;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.attachment.Attachments;
import org.mentorhub.attachment.Attachments.NewFile;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.mentorhub.platform.AbuseReported;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Paged;
import org.mentorhub.platform.RateLimiter;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.profile.Profiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource library's API: an institution's links and files (PDF, audio, video), drafts until
 * published, their tags and comments. {@link ResourceAccess} decides who may do what; anything of
 * another institution, and a draft the reader may not see, is "not found". Comments are plain text,
 * rate-limited; their author edits or deletes them, a moderator removes them leaving a tombstone, and
 * anybody who sees one may report it ({@link AbuseReported}, item kind {@code RESOURCE_COMMENT}).
 */
@Service
public class Resources {

	/** The longest title (the column's size). */
	public static final int MAX_TITLE = 200;

	/** The longest description. */
	public static final int MAX_DESCRIPTION = 5_000;

	/** The longest category (the column's size). */
	public static final int MAX_CATEGORY = 64;

	/** The longest link (the column's size). */
	public static final int MAX_URL = 1_000;

	/** The longest comment. */
	public static final int MAX_COMMENT = 2_000;

	/** The largest page of the library. */
	public static final int MAX_PAGE_SIZE = 100;

	/** The rate limit of comments, per person. */
	public static final String COMMENT_LIMIT = "resource-comment";

	/** The rate limit of reports of comments, per person (as many a minute as comments). */
	public static final String REPORT_LIMIT = "resource-comment-report";

	/** What an uploaded resource may be, by its content: PDF, audio and video. */
	public static final Set<String> FILE_TYPES = Set.of("application/pdf", "audio/mpeg", "audio/ogg", "audio/vnd.wave",
			"audio/x-wav", "audio/wav", "audio/mp4", "video/mp4", "video/webm", "video/ogg", "video/quicktime");

	/** The library's order: newest first, or most discussed first. */
	public enum Sort {

		NEWEST, DISCUSSED

	}

	/**
	 * What the library is searched and filtered by; each part may be null (all). {@code q} is searched in
	 * titles, descriptions and tag names; {@code tag} is a tag's name (any case).
	 */
	public record Filter(String q, String type, String category, String tag, String sort) {

		public static final Filter NONE = new Filter(null, null, null, null, null);

	}

	/** One page of the library. */
	public record ResourcePage(List<ResourceView> items, long total, int page, int size) implements Paged {
	}

	/** An uploaded file: the name the user gave and the content (the attachment module checks both). */
	public record UploadedFile(String name, InputStream content) {
	}

	/** A published resource of the caller's institution, as a chooser lists it (a learning module's editor). */
	public record ResourceChoice(long id, String title, ResourceType type) {
	}

	private static final String COLUMNS = """
			r.id, r.title, r.description, r.type, r.category, r.uploaded_by_id, p.full_name AS uploader_name, r.url,
			r.attachment_id, r.is_published, r.published_at, r.created_at,
			(SELECT COUNT(*) FROM resource_comments c WHERE c.resource_id = r.id AND c.removed_at IS NULL) AS comment_count""";

	private static final String FROM = " FROM resources r LEFT JOIN identity_people p ON p.id = r.uploaded_by_id";

	private final JdbcClient jdbc;

	private final ResourceAccess access;

	private final Attachments attachments;

	private final Profiles profiles;

	private final RateLimiter rateLimiter;

	private final ResourceProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	Resources(JdbcClient jdbc, ResourceAccess access, Attachments attachments, Profiles profiles,
			RateLimiter rateLimiter, ResourceProperties properties, ApplicationEventPublisher events, Clock clock,
			AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.access = access;
		this.attachments = attachments;
		this.profiles = profiles;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** The library: the resources the caller may see that match the filter, newest or most discussed first. */
	@Transactional(readOnly = true)
	public ResourcePage list(Filter filter, int page, int size) {
		ResourceAccess.Reader reader = this.access.reader();
		Filter f = filter == null ? Filter.NONE : filter;
		List<FieldProblem> problems = new ArrayList<>();
		ResourceType type = blank(f.type()) ? null
				: ResourceType.of(f.type()).orElseGet(() -> problem(problems, "type", "Unknown type."));
		Sort sort = Sort.NEWEST;
		if (!blank(f.sort())) {
			try {
				sort = Sort.valueOf(f.sort().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("sort", "Sort by newest or discussed."));
			}
		}
		if (f.q() != null && f.q().length() > 200) {
			problems.add(new FieldProblem("q", "Search for at most 200 characters."));
		}
		if (page < 0) {
			problems.add(new FieldProblem("page", "The first page is 0."));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "A page has 1 to " + MAX_PAGE_SIZE + " resources."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder("r.institution_id = :inst");
		params.put("inst", reader.institutionId());
		if (!reader.moderator()) {
			where.append(" AND (r.is_published = TRUE OR r.uploaded_by_id = :me)");
			params.put("me", reader.id());
		}
		if (type != null) {
			where.append(" AND r.type = :type");
			params.put("type", type.name());
		}
		if (!blank(f.category())) {
			where.append(" AND LOWER(r.category) = :category");
			params.put("category", f.category().strip().toLowerCase(Locale.ROOT));
		}
		if (!blank(f.tag())) {
			where.append(" AND EXISTS (SELECT 1 FROM resource_tags rt JOIN profile_tags t ON t.id = rt.tag_id"
					+ " WHERE rt.resource_id = r.id AND LOWER(t.name) = :tag)");
			params.put("tag", f.tag().strip().toLowerCase(Locale.ROOT));
		}
		if (!blank(f.q())) {
			where.append(" AND (LOWER(r.title) LIKE :q ESCAPE '!' OR LOWER(r.description) LIKE :q ESCAPE '!'"
					+ " OR EXISTS (SELECT 1 FROM resource_tags rt2 JOIN profile_tags t2 ON t2.id = rt2.tag_id"
					+ " WHERE rt2.resource_id = r.id AND LOWER(t2.name) LIKE :q ESCAPE '!'))");
			params.put("q", "%" + like(f.q().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM resources r WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		String order = sort == Sort.DISCUSSED ? "comment_count DESC, r.created_at DESC, r.id DESC"
				: "r.created_at DESC, r.id DESC";
		List<ResourceView> items = total == 0 ? List.of()
				: withTags(this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where + " ORDER BY " + order
						+ " LIMIT :limit OFFSET :offset")
					.params(params)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query((rs, i) -> view(rs, List.of(), null))
					.list());
		return new ResourcePage(items, total, page, size);
	}

	/** One resource with its comments, if the caller may see it. */
	@Transactional(readOnly = true)
	public ResourceDetails get(long id) {
		ResourceAccess.Reader reader = this.access.reader();
		ResourceView resource = visible(reader, id);
		List<CommentView> comments = this.jdbc.sql("""
				SELECT c.id, c.resource_id, c.user_id, p.full_name, c.content, c.removed_at, c.edited_at, c.created_at
				FROM resource_comments c LEFT JOIN identity_people p ON p.id = c.user_id
				WHERE c.resource_id = :id ORDER BY c.created_at, c.id""")
			.param("id", id)
			.query((rs, i) -> comment(rs, reader))
			.list();
		boolean mayShare = reader.mentor() && resource.published();
		return new ResourceDetails(resource, comments, ResourceAccess.mayManage(reader, resource.uploaderId()),
				resource.published(), mayShare);
	}

	/** Whether the caller may add resources (administrators, coordinators; mentors where the institution allows it). */
	@Transactional(readOnly = true)
	public boolean mayAdd() {
		return this.access.mayAdd(this.access.reader());
	}

	/**
	 * Adds a resource: a link (http or https only) or an uploaded file (PDF, audio, video by content, up to
	 * {@code mentorhub.resources.max-file-size}), a draft unless {@code publish} is true. Nothing is
	 * written when anything is refused (400 naming the field).
	 */
	@Transactional
	public ResourceView create(ResourceInput input, UploadedFile file) {
		ResourceAccess.Reader reader = this.access.reader();
		if (!this.access.mayAdd(reader)) {
			throw new AccessDeniedException("Administrators and coordinators add resources"
					+ " (mentors too where the institution allows it).");
		}
		ResourceInput in = input == null ? new ResourceInput(null, null, null, null, null, null, null) : input;
		List<FieldProblem> problems = new ArrayList<>();
		Described described = described(in, problems);
		String title = described.title();
		String description = described.description();
		String category = described.category();
		ResourceType type = described.type();
		String url = blank(in.url()) ? null : url(in.url().strip(), problems);
		boolean hasFile = file != null && file.content() != null;
		if (url == null && !hasFile && problems.stream().noneMatch(p -> p.field().equals("url"))) {
			problems.add(new FieldProblem("url", "Give a link or upload a file."));
		}
		if (url != null && hasFile) {
			problems.add(new FieldProblem("url", "Give a link or upload a file, not both."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<Long> tagIds = this.profiles.tagIds(in.tags() == null ? List.of() : in.tags(), "tags");
		boolean publish = Boolean.TRUE.equals(in.publish());
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO resources (institution_id, title, description, type, category, uploaded_by_id, url,
				                       is_published, published_at, created_at, updated_at, version)
				VALUES (:inst, :title, :description, :type, :category, :me, :url, :published, :publishedAt, :now, :now, 0)""")
			.param("inst", reader.institutionId())
			.param("title", title)
			.param("description", description)
			.param("type", type.name())
			.param("category", category)
			.param("me", reader.id())
			.param("url", url)
			.param("published", publish)
			.param("publishedAt", publish ? utc(now) : null)
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		tag(id, tagIds);
		if (hasFile) {
			// One upload budget for every file of a person (QUALITY S14).
			this.rateLimiter.acquire(AttachmentFiles.UPLOAD_LIMIT, "user:" + reader.id(),
					AttachmentFiles.UPLOAD_CAPACITY, Duration.parse(AttachmentFiles.UPLOAD_PER));
			byte[] bytes = read(file.content());
			StoredFile stored = this.attachments.store(new NewFile(RelatedType.RESOURCE, id, reader.institutionId(),
					reader.id(), file.name(), bytes),
					new Attachments.Rules("file", FILE_TYPES, this.properties.maxFileSize().toBytes()));
			this.jdbc.sql("UPDATE resources SET attachment_id = :a WHERE id = :id")
				.param("a", stored.id())
				.param("id", id)
				.update();
		}
		if (publish) {
			this.events.publishEvent(new ResourcePublished(id, reader.institutionId(), title, true, reader.id(), now));
		}
		return visible(reader, id);
	}

	/**
	 * Changes a resource's title, description, type, category, tags and, for a link, the link (a file stays
	 * the file: a link given for a file resource is 400 on {@code url}). The uploader and the moderators
	 * (else 403, or 404 when it is not visible); the same input rules as a new resource; audited with the
	 * state before and after.
	 */
	@Transactional
	public ResourceView update(long id, ResourceInput input) {
		ResourceAccess.Reader reader = this.access.reader();
		ResourceView before = visible(reader, id);
		if (!ResourceAccess.mayManage(reader, before.uploaderId())) {
			throw new AccessDeniedException("Only the uploader, administrators and coordinators change a resource.");
		}
		ResourceInput in = input == null ? new ResourceInput(null, null, null, null, null, null, null) : input;
		List<FieldProblem> problems = new ArrayList<>();
		Described described = described(in, problems);
		String title = described.title();
		String description = described.description();
		String category = described.category();
		ResourceType type = described.type();
		boolean isFile = before.url() == null;
		String url = null;
		if (isFile) {
			if (!blank(in.url())) {
				problems.add(new FieldProblem("url", "This resource is a file: its link cannot be set."));
			}
		}
		else if (blank(in.url())) {
			problems.add(new FieldProblem("url", "Give the web link."));
		}
		else {
			url = url(in.url().strip(), problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<Long> tagIds = this.profiles.tagIds(in.tags() == null ? List.of() : in.tags(), "tags");
		this.jdbc.sql("""
				UPDATE resources SET title = :title, description = :description, type = :type, category = :category,
				       url = :url, updated_at = :now, version = version + 1
				WHERE id = :id""")
			.param("title", title)
			.param("description", description)
			.param("type", type.name())
			.param("category", category)
			.param("url", url)
			.param("now", utc(this.clock.instant()))
			.param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM resource_tags WHERE resource_id = :id").param("id", id).update();
		tag(id, tagIds);
		ResourceView after = visible(reader, id);
		this.audit.record(AuditRecord.change("RESOURCE_UPDATED", "Resource", id, auditState(before), auditState(after)));
		return after;
	}

	/**
	 * Deletes a resource with its tags, comments and file. The uploader and the moderators (else 403, or 404
	 * when it is not visible); audited with what it was. A learning module that pointed to it then links to
	 * a page that is not found, as for a resource taken back to a draft.
	 */
	@Transactional
	public void delete(long id) {
		ResourceAccess.Reader reader = this.access.reader();
		ResourceView resource = visible(reader, id);
		if (!ResourceAccess.mayManage(reader, resource.uploaderId())) {
			throw new AccessDeniedException("Only the uploader, administrators and coordinators delete a resource.");
		}
		this.attachments.deleteAllFor(RelatedType.RESOURCE, List.of(id));
		this.jdbc.sql("DELETE FROM resource_comments WHERE resource_id = :id").param("id", id).update();
		this.jdbc.sql("DELETE FROM resource_tags WHERE resource_id = :id").param("id", id).update();
		this.jdbc.sql("DELETE FROM resources WHERE id = :id").param("id", id).update();
		this.audit.record(AuditRecord.change("RESOURCE_DELETED", "Resource", id, auditState(resource), null));
	}

	/** What describes a resource, checked: title (required), description, category, type (required). */
	private record Described(String title, String description, String category, ResourceType type) {
	}

	private static Described described(ResourceInput in, List<FieldProblem> problems) {
		String title = text(in.title(), "title", MAX_TITLE, problems);
		if (title == null) {
			problems.add(new FieldProblem("title", "Give the resource a title."));
		}
		String description = text(in.description(), "description", MAX_DESCRIPTION, problems);
		String category = text(in.category(), "category", MAX_CATEGORY, problems);
		ResourceType type = blank(in.type()) ? problem(problems, "type", "Choose a type.")
				: ResourceType.of(in.type()).orElseGet(() -> problem(problems, "type",
						"Unknown type: choose meditation, guidebook, story, course or virtual session."));
		return new Described(title, description, category, type);
	}

	private void tag(long id, List<Long> tagIds) {
		for (Long tag : tagIds) {
			this.jdbc.sql("INSERT INTO resource_tags (resource_id, tag_id) VALUES (:r, :t)")
				.param("r", id)
				.param("t", tag)
				.update();
		}
	}

	private static Map<String, Object> auditState(ResourceView resource) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", resource.title());
		state.put("type", resource.type().name());
		state.put("category", resource.category());
		state.put("tags", resource.tags());
		state.put("url", resource.url());
		state.put("file", resource.attachmentId() != null);
		state.put("published", resource.published());
		return state;
	}

	/** Publishes a draft: the uploader and the moderators (else 403, or 404 when it is not visible); 409 when published. */
	@Transactional
	public ResourceView publish(long id) {
		return changePublication(id, true);
	}

	/** Takes a published resource back to a draft; 409 when it is a draft. */
	@Transactional
	public ResourceView unpublish(long id) {
		return changePublication(id, false);
	}

	private ResourceView changePublication(long id, boolean publish) {
		ResourceAccess.Reader reader = this.access.reader();
		ResourceView resource = visible(reader, id);
		if (!ResourceAccess.mayManage(reader, resource.uploaderId())) {
			throw new AccessDeniedException("Only the uploader, administrators and coordinators publish a resource.");
		}
		if (resource.published() == publish) {
			throw new StateTransitionException(publish ? "The resource is published already." : "The resource is a draft already.");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE resources SET is_published = :published, published_at = :at, updated_at = :now, version = version + 1
				WHERE id = :id""")
			.param("published", publish)
			.param("at", publish ? utc(now) : null)
			.param("now", utc(now))
			.param("id", id)
			.update();
		this.events.publishEvent(new ResourcePublished(id, reader.institutionId(), resource.title(), publish, reader.id(), now));
		return visible(reader, id);
	}

	/** The uploaded file of a resource the caller may see, to show inline (404 when it has none). */
	@Transactional(readOnly = true)
	public Attachments.Download openFile(long id) {
		ResourceAccess.Reader reader = this.access.reader();
		ResourceView resource = visible(reader, id);
		if (resource.attachmentId() == null) {
			throw new NotFoundException("This resource has no file.");
		}
		return this.attachments.open(resource.attachmentId());
	}

	/** Comments on a published resource the caller sees: plain text, not empty, rate-limited. */
	@Transactional
	public CommentView comment(long resourceId, String content) {
		ResourceAccess.Reader reader = this.access.reader();
		ResourceView resource = visible(reader, resourceId);
		if (!resource.published()) {
			throw new StateTransitionException("A draft takes no comments: publish it first.");
		}
		String text = commentText(content);
		this.rateLimiter.acquire(COMMENT_LIMIT, "user:" + reader.id(), this.properties.commentsPerMinute(),
				Duration.ofMinutes(1));
		Instant now = this.clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO resource_comments (resource_id, user_id, content, created_at, updated_at)
				VALUES (:r, :me, :content, :now, :now)""")
			.param("r", resourceId)
			.param("me", reader.id())
			.param("content", text)
			.param("now", utc(now))
			.update(keys, "id");
		return findComment(reader, keys.getKeyAs(Number.class).longValue());
	}

	/** A comment the caller may see (404 otherwise), as it stands. */
	@Transactional(readOnly = true)
	public CommentView commentOf(long commentId) {
		return findComment(this.access.reader(), commentId);
	}

	/** Changes the caller's own comment (403 for another's; 409 when it was removed). */
	@Transactional
	public CommentView editComment(long commentId, String content) {
		ResourceAccess.Reader reader = this.access.reader();
		CommentView comment = findComment(reader, commentId);
		if (!comment.mayEdit()) {
			throw new AccessDeniedException("Only its author edits a comment.");
		}
		if (comment.removed()) {
			throw new StateTransitionException("A moderator removed this comment.");
		}
		String text = commentText(content);
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE resource_comments SET content = :content, edited_at = :now, updated_at = :now WHERE id = :id")
			.param("content", text)
			.param("now", utc(now))
			.param("id", commentId)
			.update();
		return findComment(reader, commentId);
	}

	/** Deletes the caller's own comment; returns its resource (403 for another's). */
	@Transactional
	public long deleteComment(long commentId) {
		ResourceAccess.Reader reader = this.access.reader();
		CommentView comment = findComment(reader, commentId);
		if (!comment.mayEdit()) {
			throw new AccessDeniedException("Only its author deletes a comment; moderators remove it.");
		}
		this.jdbc.sql("DELETE FROM resource_comments WHERE id = :id").param("id", commentId).update();
		return comment.resourceId();
	}

	/**
	 * Removes another's comment as a moderator (the institution's administrators and coordinators): the
	 * text goes, a tombstone stays. 403 for others; 409 when removed already.
	 */
	@Transactional
	public CommentView removeComment(long commentId) {
		ResourceAccess.Reader reader = this.access.reader();
		CommentView comment = findComment(reader, commentId);
		if (!reader.moderator()) {
			throw new AccessDeniedException("Only administrators and coordinators remove comments.");
		}
		if (comment.removed()) {
			throw new StateTransitionException("This comment is removed already.");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE resource_comments SET content = '', removed_at = :now, removed_by_id = :me, updated_at = :now
				WHERE id = :id""")
			.param("now", utc(now))
			.param("me", reader.id())
			.param("id", commentId)
			.update();
		return findComment(reader, commentId);
	}

	/** Reports a comment as abusive to the support desk, quoting only that comment (409 for a removed one). */
	@Transactional
	public void reportComment(long commentId, String reason) {
		ResourceAccess.Reader reader = this.access.reader();
		CommentView comment = findComment(reader, commentId);
		if (comment.removed()) {
			throw new StateTransitionException("A moderator removed this comment already.");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() > MAX_COMMENT) {
			throw new InvalidInputException("reason", "A reason is at most " + MAX_COMMENT + " characters.");
		}
		this.rateLimiter.acquire(REPORT_LIMIT, "user:" + reader.id(), this.properties.commentsPerMinute(),
				Duration.ofMinutes(1));
		this.events.publishEvent(new AbuseReported(reader.institutionId(), reader.id(), comment.authorId(),
				"RESOURCE_COMMENT", comment.id(), comment.content(), why,
				"/resources/" + comment.resourceId() + "#comment-" + comment.id()));
	}

	/**
	 * A mentor shares a published resource with one of their active mentees, who is notified
	 * ({@link ResourceShared}). 404 for somebody who is not their active mentee.
	 */
	@Transactional
	public void share(long resourceId, Long menteeId, String note) {
		ResourceAccess.Reader reader = this.access.reader();
		ResourceView resource = visible(reader, resourceId);
		if (!resource.published()) {
			throw new StateTransitionException("Publish the resource before sharing it.");
		}
		if (menteeId == null) {
			throw new InvalidInputException("menteeId", "Choose a mentee.");
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_COMMENT) {
			throw new InvalidInputException("note", "A note is at most " + MAX_COMMENT + " characters.");
		}
		boolean mentee = this.jdbc.sql("""
				SELECT COUNT(*) FROM mentorship_pairs WHERE mentor_id = :me AND mentee_id = :mentee AND status = 'ACTIVE'""")
			.param("me", reader.id())
			.param("mentee", menteeId)
			.query(Long.class)
			.single() > 0;
		if (!mentee) {
			throw new NotFoundException("Mentee not found");
		}
		String name = this.jdbc.sql("SELECT full_name FROM identity_people WHERE id = :id")
			.param("id", reader.id())
			.query(String.class)
			.optional()
			.orElse("");
		this.events.publishEvent(new ResourceShared(resourceId, reader.institutionId(), resource.title(), reader.id(),
				name, menteeId, text, this.clock.instant()));
	}

	/** The caller's active mentees, whom they may share a resource with, by name. */
	@Transactional(readOnly = true)
	public Map<Long, String> shareChoices() {
		ResourceAccess.Reader reader = this.access.reader();
		Map<Long, String> choices = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT p.id, p.full_name FROM mentorship_pairs mp JOIN identity_people p ON p.id = mp.mentee_id
				WHERE mp.mentor_id = :me AND mp.status = 'ACTIVE' ORDER BY p.full_name, p.id""")
			.param("me", reader.id())
			.query((RowCallbackHandler) rs -> choices.put(rs.getLong("id"), rs.getString("full_name")));
		return choices;
	}

	/** The published resources of the caller's institution, by title (at most 500), for a chooser. */
	@Transactional(readOnly = true)
	public List<ResourceChoice> publishedChoices() {
		ResourceAccess.Reader reader = this.access.reader();
		return this.jdbc.sql("""
				SELECT id, title, type FROM resources WHERE institution_id = :inst AND is_published = TRUE
				ORDER BY title, id LIMIT 500""")
			.param("inst", reader.institutionId())
			.query((rs, i) -> new ResourceChoice(rs.getLong("id"), rs.getString("title"),
					ResourceType.valueOf(rs.getString("type"))))
			.list();
	}

	/** Whether a resource is published and of this institution (a learning module may point to it). */
	@Transactional(readOnly = true)
	public Optional<ResourceChoice> published(long id, long institutionId) {
		return this.jdbc.sql("""
				SELECT id, title, type FROM resources WHERE id = :id AND institution_id = :inst AND is_published = TRUE""")
			.param("id", id)
			.param("inst", institutionId)
			.query((rs, i) -> new ResourceChoice(rs.getLong("id"), rs.getString("title"),
					ResourceType.valueOf(rs.getString("type"))))
			.optional();
	}

	/** Whether the caller's institution lets mentors add resources. */
	@Transactional(readOnly = true)
	public boolean mentorsMayAdd() {
		return this.access.mentorsMayAdd(this.access.reader().institutionId());
	}

	/** Whether the caller may change the library's settings (the institution's administrators). */
	@Transactional(readOnly = true)
	public boolean mayChangeSettings() {
		return this.access.reader().admin();
	}

	/** Sets whether the institution's mentors may add resources: its administrators only (else 403). */
	@Transactional
	public boolean setMentorsMayAdd(Boolean allowed) {
		ResourceAccess.Reader reader = this.access.reader();
		if (!reader.admin()) {
			throw new AccessDeniedException("Only administrators change the library's settings.");
		}
		if (allowed == null) {
			throw new InvalidInputException("mentorsMayAdd", "Say whether mentors may add resources.");
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("UPDATE resource_settings SET mentors_may_add = :a, updated_at = :now WHERE institution_id = :inst")
			.param("a", allowed)
			.param("now", utc(now))
			.param("inst", reader.institutionId())
			.update();
		if (changed == 0) {
			this.jdbc.sql("INSERT INTO resource_settings (institution_id, mentors_may_add, updated_at) VALUES (:inst, :a, :now)")
				.param("a", allowed)
				.param("now", utc(now))
				.param("inst", reader.institutionId())
				.update();
		}
		return allowed;
	}

	/** The resource if the reader may see it, with its tags and file type, else 404. */
	private ResourceView visible(ResourceAccess.Reader reader, long id) {
		ResourceView resource = this.jdbc.sql("SELECT " + COLUMNS + ", r.institution_id" + FROM + " WHERE r.id = :id AND r.institution_id = :inst")
			.param("id", id)
			.param("inst", reader.institutionId())
			.query((rs, i) -> view(rs, List.of(), null))
			.optional()
			.filter(r -> ResourceAccess.maySee(reader, r.published(), r.uploaderId()))
			.orElseThrow(() -> new NotFoundException("Resource not found"));
		ResourceView tagged = withTags(List.of(resource)).get(0);
		if (tagged.attachmentId() == null) {
			return tagged;
		}
		String fileType = this.attachments.find(tagged.attachmentId()).map(StoredFile::mimeType).orElse(null);
		return new ResourceView(tagged.id(), tagged.title(), tagged.description(), tagged.type(), tagged.category(),
				tagged.tags(), tagged.uploaderId(), tagged.uploaderName(), tagged.url(),
				fileType == null ? null : tagged.attachmentId(), fileType, tagged.published(), tagged.publishedAt(),
				tagged.createdAt(), tagged.commentCount());
	}

	/** The comment if the reader may see its resource (404 otherwise). */
	private CommentView findComment(ResourceAccess.Reader reader, long commentId) {
		CommentView comment = this.jdbc.sql("""
				SELECT c.id, c.resource_id, c.user_id, p.full_name, c.content, c.removed_at, c.edited_at, c.created_at
				FROM resource_comments c JOIN resources r ON r.id = c.resource_id
				LEFT JOIN identity_people p ON p.id = c.user_id
				WHERE c.id = :id AND r.institution_id = :inst""")
			.param("id", commentId)
			.param("inst", reader.institutionId())
			.query((rs, i) -> comment(rs, reader))
			.optional()
			.orElseThrow(() -> new NotFoundException("Comment not found"));
		visible(reader, comment.resourceId());
		return comment;
	}

	private List<ResourceView> withTags(List<ResourceView> resources) {
		if (resources.isEmpty()) {
			return resources;
		}
		Map<Long, List<String>> tags = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT rt.resource_id, t.name FROM resource_tags rt JOIN profile_tags t ON t.id = rt.tag_id
				WHERE rt.resource_id IN (:ids) ORDER BY t.slug""")
			.param("ids", resources.stream().map(ResourceView::id).toList())
			.query((RowCallbackHandler) rs -> tags.computeIfAbsent(rs.getLong("resource_id"), k -> new ArrayList<>())
				.add(rs.getString("name")));
		return resources.stream()
			.map(r -> new ResourceView(r.id(), r.title(), r.description(), r.type(), r.category(),
					List.copyOf(tags.getOrDefault(r.id(), List.of())), r.uploaderId(), r.uploaderName(), r.url(),
					r.attachmentId(), r.fileType(), r.published(), r.publishedAt(), r.createdAt(), r.commentCount()))
			.toList();
	}

	private static ResourceView view(ResultSet rs, List<String> tags, String fileType) throws SQLException {
		return new ResourceView(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
				ResourceType.valueOf(rs.getString("type")), rs.getString("category"), tags,
				rs.getObject("uploaded_by_id", Long.class), rs.getString("uploader_name"), rs.getString("url"),
				rs.getObject("attachment_id", Long.class), fileType, rs.getBoolean("is_published"),
				utc(rs.getObject("published_at", LocalDateTime.class)), utc(rs.getObject("created_at", LocalDateTime.class)),
				rs.getLong("comment_count"));
	}

	private static CommentView comment(ResultSet rs, ResourceAccess.Reader reader) throws SQLException {
		boolean removed = rs.getObject("removed_at", LocalDateTime.class) != null;
		Long author = rs.getObject("user_id", Long.class);
		boolean mine = author != null && author == reader.id();
		return new CommentView(rs.getLong("id"), rs.getLong("resource_id"), removed ? null : author,
				removed ? null : rs.getString("full_name"), removed ? null : rs.getString("content"), removed,
				rs.getObject("edited_at", LocalDateTime.class) != null, utc(rs.getObject("created_at", LocalDateTime.class)),
				mine && !removed, reader.moderator() && !removed);
	}

	private static String commentText(String content) {
		String text = content == null ? "" : content.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("content", "Write a comment.");
		}
		if (text.length() > MAX_COMMENT) {
			throw new InvalidInputException("content", "A comment is at most " + MAX_COMMENT + " characters.");
		}
		return text;
	}

	/** An absolute http or https link with a host; anything else (javascript:, data:, ftp:, relative) is refused. */
	static String url(String value, List<FieldProblem> problems) {
		if (value.length() > MAX_URL) {
			problems.add(new FieldProblem("url", "A link is at most " + MAX_URL + " characters."));
			return null;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()
					&& value.chars().noneMatch(Character::isWhitespace)) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		problems.add(new FieldProblem("url", "Give a web link that starts with http:// or https://."));
		return null;
	}

	private static String text(String value, String field, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			problems.add(new FieldProblem(field, "At most " + max + " characters."));
		}
		return stripped;
	}

	private static byte[] read(InputStream in) {
		try (in) {
			// The attachment module checks the size; the servlet's multipart limit bounds what arrives here.
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("Could not read an upload", ex);
		}
	}

	private static String like(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static <T> T problem(List<FieldProblem> problems, String field, String message) {
		problems.add(new FieldProblem(field, message));
		return null;
	}

	private static LocalDateTime utc(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant utc(LocalDateTime time) {
		return time == null ? null : time.toInstant(ZoneOffset.UTC);
	}

}
