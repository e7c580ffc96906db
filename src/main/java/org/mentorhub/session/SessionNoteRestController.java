package org.mentorhub.session;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the notes section. */
@RestController
@RequestMapping("/api/v1/sessions/{id}/notes")
@Tag(name = "Session notes", description = "Shared notes (both participants) and private notes (only their author; "
		+ "encrypted at rest). A session the caller does not take part in, or somebody else's private note, is 404. "
		+ "Edits and deletes name the version read: a stale one is 409.")
class SessionNoteRestController {

	private final SessionNotes notes;

	SessionNoteRestController(SessionNotes notes) {
		this.notes = notes;
	}

	/** A new note. */
	record NoteRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = SessionNotes.MAX_LENGTH) String content,
			@Schema(description = "Only its author ever reads it; encrypted at rest", defaultValue = "false") Boolean privateNote) {
	}

	/** A changed note. */
	record NoteChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = SessionNotes.MAX_LENGTH) String content,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "The version read") Long version) {
	}

	@GetMapping
	@Operation(summary = "The notes of a session", description = "Shared notes and the caller's own private ones.")
	List<SessionNoteView> list(@PathVariable long id) {
		return this.notes.list(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a note", description = "400 when empty or longer than 10,000 characters.")
	ResponseEntity<SessionNoteView> create(@PathVariable long id, @RequestBody(required = false) NoteRequest body) {
		SessionNoteView created = this.notes.create(id, body == null ? null : body.content(),
				body != null && Boolean.TRUE.equals(body.privateNote()));
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + id + "/notes/" + created.id())).body(created);
	}

	@PutMapping("/{noteId}")
	@Operation(summary = "Edit your note", description = "With the version read; 409 when somebody changed it since.")
	SessionNoteView update(@PathVariable long id, @PathVariable long noteId, @RequestBody(required = false) NoteChange body) {
		return this.notes.update(id, noteId, body == null ? null : body.content(), body == null ? null : body.version());
	}

	@DeleteMapping("/{noteId}")
	@Operation(summary = "Delete your note", description = "With the version read (?version=); 409 when stale.")
	ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long noteId,
			@RequestParam(required = false) Long version) {
		this.notes.delete(id, noteId, version);
		return ResponseEntity.noContent().build();
	}

}
