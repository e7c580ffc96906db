package org.mentorhub.attachment;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.platform.RateLimited;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The attachments API: list, upload, download and delete the files of a session, feedback, goal, goal update or mentorship. */
@RestController
@Tag(name = "Attachments", description = "Files of sessions, feedback, goals, goal updates and mentorships. The module "
		+ "that owns the record decides who sees and adds files (goal: the owner, active mentors and managers in scope; "
		+ "session: the participants, and the coordinators and administrators in scope see them; feedback: whoever may "
		+ "read the session's feedback, its giver adds; mentorship: the pair and the managers in scope). Anything else, "
		+ "and an unknown type, is 404. A file is checked by its content (Apache Tika magic bytes; DOCX, XLSX and PPTX "
		+ "by their zip's content types, never with macros): PDF, PNG, JPEG, GIF, plain text, CSV, DOCX, XLSX or PPTX, "
		+ "at most mentorhub.files.max-file-size (10 MB) and within the uploader's quota. Uploads are rate-limited (429). "
		+ "Downloads are attachments with nosniff; staff reading a student's file are audited (ATTACHMENT_READ).")
class AttachmentRestController {

	/** One upload budget for pages, the goal update form and the API (QUALITY S14). */
	static final String RATE_LIMIT = AttachmentFiles.UPLOAD_LIMIT;

	static final int RATE_CAPACITY = AttachmentFiles.UPLOAD_CAPACITY;

	static final String RATE_PER = AttachmentFiles.UPLOAD_PER;

	private final AttachmentFiles files;

	AttachmentRestController(AttachmentFiles files) {
		this.files = files;
	}

	/** A stored file's facts. */
	record AttachmentResponse(long id, String relatedType, long relatedId, String fileName, String mimeType,
			long sizeBytes, Long uploaderId, String uploaderName, java.time.Instant createdAt, boolean mayDelete,
			String downloadUrl) {

		static AttachmentResponse of(AttachmentView view) {
			return new AttachmentResponse(view.id(), AttachmentFiles.code(view.relatedType()), view.relatedId(),
					view.fileName(), view.mimeType(), view.sizeBytes(), view.uploaderId(), view.uploaderName(),
					view.createdAt(), view.mayDelete(), "/api/v1/attachments/" + view.id() + "/content");
		}

	}

	/** The files of a record and whether the caller may add one. */
	record AttachmentListResponse(String relatedType, long relatedId, boolean mayAdd, List<AttachmentResponse> items) {
	}

	@GetMapping("/api/v1/attachments/{type:[A-Za-z_-]+}/{relatedId:\\d+}")
	@Operation(summary = "The files of a record", description = "Newest first. 404 when the record does not exist, "
			+ "you may not see it, or the type is not one of session, feedback, goal, goal-update, mentorship.")
	AttachmentListResponse list(
			@Parameter(description = "session, feedback, goal, goal-update or mentorship") @PathVariable String type,
			@PathVariable long relatedId) {
		AttachmentSection section = this.files.section(this.files.type(type), relatedId);
		return new AttachmentListResponse(section.typeCode(), relatedId, section.mayAdd(),
				section.files().stream().map(AttachmentResponse::of).toList());
	}

	@PostMapping(path = "/api/v1/attachments/{type:[A-Za-z_-]+}/{relatedId:\\d+}",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RateLimited(name = RATE_LIMIT, capacity = RATE_CAPACITY, per = RATE_PER)
	@Operation(summary = "Upload a file to a record", description = "Multipart part 'file'. 201 with the file; 400 "
			+ "for a missing, empty, too large, not allowed (by content) or macro-carrying file, or one over your quota; "
			+ "403 when you see the record but may not add files; 404 as for the list; 413 above the servlet limit.")
	@ApiResponse(responseCode = "201", description = "Stored")
	ResponseEntity<AttachmentResponse> upload(@PathVariable String type, @PathVariable long relatedId,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		AttachmentView stored = this.files.upload(this.files.type(type), relatedId,
				file == null ? null : file.getOriginalFilename(), AttachmentDownload.stream(file));
		return ResponseEntity.created(URI.create("/api/v1/attachments/" + stored.id() + "/content"))
			.body(AttachmentResponse.of(stored));
	}

	@GetMapping("/api/v1/attachments/{id:\\d+}/content")
	@Operation(summary = "Download a file", description = "As the record's module allows; otherwise 404. Served as an "
			+ "attachment with its detected type and nosniff.")
	@ApiResponse(responseCode = "200", description = "The file's bytes",
			content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<InputStreamResource> download(@PathVariable long id) {
		return AttachmentDownload.answer(this.files.open(id));
	}

	@DeleteMapping("/api/v1/attachments/{id:\\d+}")
	@Operation(summary = "Delete a file", description = "Its uploader, or a coordinator or administrator in scope "
			+ "(else 403); 404 when you may not see it.")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.files.delete(id);
		return ResponseEntity.noContent().build();
	}

}
