package org.mentorhub.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The API twin of the library pages. */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "Resources", description = "The institution's resource library: links and files (PDF, audio, video), drafts "
		+ "until published, with tags and comments. Members see published resources; the uploader and the institution's "
		+ "administrators and coordinators also see drafts. Anything of another institution is 404.")
class ResourceRestController {

	private final Resources resources;

	ResourceRestController(Resources resources) {
		this.resources = resources;
	}

	/** A new resource given by a link. */
	record ResourceRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Resources.MAX_TITLE) String title,
			@Schema(maxLength = Resources.MAX_DESCRIPTION) String description,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					allowableValues = { "MEDITATION", "GUIDEBOOK", "STORY", "COURSE", "VIRTUAL_SESSION" }) String type,
			@Schema(maxLength = Resources.MAX_CATEGORY) String category,
			@Schema(description = "Tag names, at most ten of 64 characters") List<String> tags,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "An http or https link",
					maxLength = Resources.MAX_URL) String url,
			@Schema(description = "Publish at once; a draft when left out") Boolean publish) {
	}

	/** The changes to a resource: everything is replaced; the link only for a link (a file stays the file). */
	record ResourceChangeRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Resources.MAX_TITLE) String title,
			@Schema(maxLength = Resources.MAX_DESCRIPTION) String description,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					allowableValues = { "MEDITATION", "GUIDEBOOK", "STORY", "COURSE", "VIRTUAL_SESSION" }) String type,
			@Schema(maxLength = Resources.MAX_CATEGORY) String category,
			@Schema(description = "Tag names, at most ten of 64 characters") List<String> tags,
			@Schema(description = "An http or https link: required for a link, refused for a file",
					maxLength = Resources.MAX_URL) String url) {
	}

	/** A comment's text. */
	record CommentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
			maxLength = Resources.MAX_COMMENT) String content) {
	}

	/** A report of a comment. */
	record CommentReportRequest(@Schema(maxLength = Resources.MAX_COMMENT) String reason) {
	}

	/** A share with a mentee. */
	record ShareRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long menteeId,
			@Schema(maxLength = Resources.MAX_COMMENT) String note) {
	}

	/** The library's settings. */
	record SettingsBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean mentorsMayAdd) {
	}

	@GetMapping
	@Operation(summary = "The library", description = "Search (q: titles, descriptions, tag names), filters, newest or "
			+ "most discussed first. 400 for an unknown type or sort.")
	Resources.ResourcePage list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) String category, @RequestParam(required = false) String tag,
			@Parameter(schema = @Schema(allowableValues = { "newest", "discussed" })) @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "25") int size) {
		return this.resources.list(new Resources.Filter(q, type, category, tag, sort), page, size);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a link", description = "Administrators and coordinators (mentors where the institution "
			+ "allows it; else 403). 400 for an empty title, an unknown type, a link that is not http or https.")
	ResponseEntity<ResourceView> create(@RequestBody(required = false) ResourceRequest body) {
		ResourceInput input = body == null ? null
				: new ResourceInput(body.title(), body.description(), body.type(), body.category(), body.tags(),
						body.url(), body.publish());
		ResourceView created = this.resources.create(input, null);
		return ResponseEntity.created(URI.create("/api/v1/resources/" + created.id())).body(created);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a file", description = "A PDF, audio or video file (by its content; up to "
			+ "mentorhub.resources.max-file-size) with the same fields as a link, as form parts; tags comma-separated. "
			+ "400 for a refused file (field file).")
	ResponseEntity<ResourceView> upload(@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String type, @RequestParam(required = false) String category,
			@RequestParam(required = false) String tags, @RequestParam(required = false) Boolean publish) {
		try {
			Resources.UploadedFile upload = file == null || file.isEmpty() ? null
					: new Resources.UploadedFile(file.getOriginalFilename(), file.getInputStream());
			ResourceView created = this.resources
				.create(new ResourceForm(title, description, type, category, tags, null, publish).input(), upload);
			return ResponseEntity.created(URI.create("/api/v1/resources/" + created.id())).body(created);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/{id}")
	@Operation(summary = "A resource and its comments", description = "Comments oldest first; a removed one is a tombstone.")
	ResourceDetails get(@PathVariable long id) {
		return this.resources.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a resource", description = "The uploader and the moderators (else 403). The same rules "
			+ "as a new resource; a link given for a file resource is 400 on url. Audited.")
	ResourceView update(@PathVariable long id, @RequestBody(required = false) ResourceChangeRequest body) {
		return this.resources.update(id, body == null ? null
				: new ResourceInput(body.title(), body.description(), body.type(), body.category(), body.tags(), body.url(),
						null));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a resource", description = "With its comments and file. The uploader and the moderators "
			+ "(else 403). Audited.")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.resources.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/file")
	@Operation(summary = "A resource's file", description = "Inline for PDF, audio and video, with nosniff and a policy "
			+ "that runs nothing. 404 when it has none.")
	ResponseEntity<InputStreamResource> file(@PathVariable long id) {
		return ResourceFiles.inline(this.resources.openFile(id));
	}

	@PostMapping("/{id}/publication")
	@Operation(summary = "Publish a draft", description = "The uploader and the moderators (else 403); 409 when published.")
	ResourceView publish(@PathVariable long id) {
		return this.resources.publish(id);
	}

	@DeleteMapping("/{id}/publication")
	@Operation(summary = "Unpublish", description = "Back to a draft; 409 when it is one.")
	ResourceView unpublish(@PathVariable long id) {
		return this.resources.unpublish(id);
	}

	@PostMapping("/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Comment", description = "On a published resource (409 on a draft); plain text, 1 to 2000 "
			+ "characters (400); rate-limited (429).")
	ResponseEntity<CommentView> comment(@PathVariable long id, @RequestBody(required = false) CommentRequest body) {
		CommentView comment = this.resources.comment(id, body == null ? null : body.content());
		return ResponseEntity.created(URI.create("/api/v1/resources/comments/" + comment.id())).body(comment);
	}

	@GetMapping("/comments/{commentId}")
	@Operation(summary = "A comment")
	CommentView commentOf(@PathVariable long commentId) {
		return this.resources.commentOf(commentId);
	}

	@PutMapping("/comments/{commentId}")
	@Operation(summary = "Edit your comment", description = "403 for another's comment.")
	CommentView editComment(@PathVariable long commentId, @RequestBody(required = false) CommentRequest body) {
		return this.resources.editComment(commentId, body == null ? null : body.content());
	}

	@DeleteMapping("/comments/{commentId}")
	@Operation(summary = "Delete your comment", description = "403 for another's comment (moderators remove it instead).")
	ResponseEntity<Void> deleteComment(@PathVariable long commentId) {
		this.resources.deleteComment(commentId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/comments/{commentId}/removal")
	@Operation(summary = "Remove a comment as a moderator", description = "Administrators and coordinators: the text goes, "
			+ "a tombstone stays (403 for others; 409 when removed already).")
	CommentView removeComment(@PathVariable long commentId) {
		return this.resources.removeComment(commentId);
	}

	@PostMapping("/comments/{commentId}/reports")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Report a comment", description = "To the support desk, quoting only the comment.")
	ResponseEntity<Void> report(@PathVariable long commentId, @RequestBody(required = false) CommentReportRequest body) {
		this.resources.reportComment(commentId, body == null ? null : body.reason());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/{id}/shares")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Share with a mentee", description = "A mentor, with an active mentee (404 for anybody else), who "
			+ "is notified.")
	ResponseEntity<Void> share(@PathVariable long id, @RequestBody(required = false) ShareRequest body) {
		this.resources.share(id, body == null ? null : body.menteeId(), body == null ? null : body.note());
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/settings")
	@Operation(summary = "The library's settings")
	SettingsBody settings() {
		return new SettingsBody(this.resources.mentorsMayAdd());
	}

	@PutMapping("/settings")
	@Operation(summary = "Change the library's settings", description = "The institution's administrators (else 403).")
	SettingsBody saveSettings(@RequestBody(required = false) SettingsBody body) {
		return new SettingsBody(this.resources.setMentorsMayAdd(body == null ? null : body.mentorsMayAdd()));
	}

}
