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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the action items: per session, and the caller's own. */
@RestController
@Tag(name = "Action items", description = "What the mentor or mentee of a session will do: title, description, "
		+ "assignee (one of the pair, else 400), due date (YYYY-MM-DD), status PENDING, IN_PROGRESS or COMPLETED. "
		+ "Both participants see and change them; everybody else gets 404. Changes name the version read (409 when stale).")
class ActionItemRestController {

	private final ActionItems items;

	ActionItemRestController(ActionItems items) {
		this.items = items;
	}

	/** An item as sent: a new one, or a change with the version read. */
	record ActionItemRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200) String title,
			@Schema(maxLength = 5000) String description, Long assigneeId,
			@Schema(example = "2030-05-21", pattern = "^\\d{4}-\\d{2}-\\d{2}$") String dueDate, String status,
			@Schema(minimum = "0", description = "The version read (changes only)") Long version) {

		ActionItemInput input() {
			return new ActionItemInput(this.title, this.description, this.assigneeId, this.dueDate, this.status);
		}

	}

	@GetMapping("/api/v1/action-items/mine")
	@Operation(summary = "My action items", description = "Assigned to the caller, open ones first; overdue = due "
			+ "before today in the caller's time zone and not completed.")
	List<ActionItemView> mine() {
		return this.items.mine();
	}

	@GetMapping("/api/v1/sessions/{id}/action-items")
	@Operation(summary = "The action items of a session")
	List<ActionItemView> list(@PathVariable long id) {
		return this.items.forSession(id);
	}

	@PostMapping("/api/v1/sessions/{id}/action-items")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an action item")
	ResponseEntity<ActionItemView> create(@PathVariable long id, @RequestBody(required = false) ActionItemRequest body) {
		ActionItemView created = this.items.create(id, body == null ? null : body.input());
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + id + "/action-items/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/sessions/{id}/action-items/{itemId}")
	@Operation(summary = "Change an action item", description = "All fields, with the version read.")
	ActionItemView update(@PathVariable long id, @PathVariable long itemId,
			@RequestBody(required = false) ActionItemRequest body) {
		return this.items.update(id, itemId, body == null ? null : body.input(), body == null ? null : body.version());
	}

	@DeleteMapping("/api/v1/sessions/{id}/action-items/{itemId}")
	@Operation(summary = "Delete an action item", description = "With the version read (?version=).")
	ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long itemId,
			@RequestParam(required = false) Long version) {
		this.items.delete(id, itemId, version);
		return ResponseEntity.noContent().build();
	}

}
