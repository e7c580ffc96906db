package org.mentorhub.learning;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/** The API twin of the learning pages. */
@RestController
@RequestMapping("/api/v1/learning")
@Tag(name = "Learning", description = "An institution's learning paths with their ordered modules, each learner's "
		+ "progress and mentors' recommendations. Administrators and coordinators author paths (drafts are theirs "
		+ "alone); every member reads the published catalogue, enrols and completes modules; a mentor sees their "
		+ "active mentees' progress (audited as LEARNING_PROGRESS_READ) and recommends paths to them. Another "
		+ "institution's path, a draft for a learner, a module of another path and a person who is not the caller's "
		+ "active mentee are 404.")
class LearningRestController {

	private static final String KINDS = "READING, VIDEO, EXERCISE, EXTERNAL_LINK or RESOURCE";

	private final LearningPaths learning;

	LearningRestController(LearningPaths learning) {
		this.learning = learning;
	}

	/** A path's title, category and description. */
	record PathRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LearningPaths.MAX_TITLE) String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LearningPaths.MAX_CATEGORY,
					description = "Free text, kept in lower case (leadership, technical, ...)") String category,
			@Schema(maxLength = LearningPaths.MAX_DESCRIPTION) String description,
			@Schema(minimum = "0", description = "The version read; required when changing a path") Long version) {
	}

	/** A module. */
	record ModuleRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LearningPaths.MAX_TITLE) String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					allowableValues = { "READING", "VIDEO", "EXERCISE", "EXTERNAL_LINK", "RESOURCE" }) String kind,
			@Schema(maxLength = LearningPaths.MAX_CONTENT,
					description = "The text: required for an exercise, for a reading without a URL") String content,
			@Schema(maxLength = LearningPaths.MAX_URL, format = "uri",
					description = "http or https only: required for a video and an external link") String url,
			@Schema(minimum = "1", description = "A library resource's id: required for a resource module (not checked "
					+ "against the library until the resource module exists)") Long resourceId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1",
					maximum = "10000") Integer estimatedMinutes) {
	}

	/** Which way a module moves. */
	record MoveRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "up", "down" }) String direction) {
	}

	/** A recommendation. */
	record RecommendationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long pathId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "One of your active mentees") Long menteeId,
			@Schema(maxLength = LearningPaths.MAX_NOTE) String note) {
	}

	@GetMapping("/paths")
	@Operation(summary = "The catalogue", description = "The institution's published paths by title, searched in title "
			+ "and description and filtered by category; with status=DRAFT the drafts, for authors only (403 for "
			+ "others). 400 for a bad page, size or status.")
	LearningPaths.PathPage list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String category,
			@Parameter(schema = @Schema(allowableValues = { "PUBLISHED", "DRAFT" }, defaultValue = "PUBLISHED"))
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(minimum = "1", maximum = "100")) @RequestParam(defaultValue = "20") int size) {
		if (status != null && status.strip().equalsIgnoreCase("DRAFT")) {
			return this.learning.drafts(page, size);
		}
		if (status != null && !status.isBlank() && !status.strip().equalsIgnoreCase("PUBLISHED")) {
			throw new org.mentorhub.platform.InvalidInputException("status", "Choose PUBLISHED or DRAFT.");
		}
		return this.learning.catalogue(q, category, page, size);
	}

	@PostMapping("/paths")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft path", description = "For administrators and coordinators (403 for others). "
			+ "400 for an empty or too long title or category.")
	ResponseEntity<PathView> create(@RequestBody(required = false) PathRequest body) {
		PathView created = this.learning.create(body == null ? null
				: new PathInput(body.title(), body.category(), body.description()));
		return ResponseEntity.created(URI.create("/api/v1/learning/paths/" + created.id())).body(created);
	}

	@GetMapping("/paths/{id}")
	@Operation(summary = "A path", description = "With its modules in order and your progress (null before you enrol).")
	PathDetails get(@PathVariable long id) {
		return this.learning.get(id);
	}

	@PutMapping("/paths/{id}")
	@Operation(summary = "Edit a path", description = "Its title, category and description, with the version read "
			+ "(409 when stale). Authors only.")
	PathView update(@PathVariable long id, @RequestBody(required = false) PathRequest body) {
		return this.learning.update(id, body == null ? null
				: new PathInput(body.title(), body.category(), body.description()), body == null ? null : body.version());
	}

	@DeleteMapping("/paths/{id}")
	@Operation(summary = "Delete a draft", description = "With its modules; 409 for a published path (unpublish it first).")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.learning.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/paths/{id}/publish")
	@Operation(summary = "Publish a path", description = "Into the catalogue; 409 for a path without modules.")
	PathView publish(@PathVariable long id) {
		return this.learning.publish(id);
	}

	@PostMapping("/paths/{id}/unpublish")
	@Operation(summary = "Unpublish a path", description = "A draft again; its learners' progress is kept.")
	PathView unpublish(@PathVariable long id) {
		return this.learning.unpublish(id);
	}

	@PostMapping("/paths/{id}/modules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a module", description = "At the end of the path. Every enrolment is recomputed: a learner "
			+ "who had completed the path has not any more. 400 for bad input (an empty title, an unknown kind (" + KINDS
			+ "), minutes outside 1 to 10000, a URL that is not http or https, a missing text, URL or resource id).")
	ResponseEntity<ModuleView> addModule(@PathVariable long id, @RequestBody(required = false) ModuleRequest body) {
		ModuleView module = this.learning.addModule(id, input(body));
		return ResponseEntity.created(URI.create("/api/v1/learning/paths/" + id)).body(module);
	}

	@PutMapping("/paths/{id}/modules/{moduleId}")
	@Operation(summary = "Edit a module", description = "In place: its id, place and learners' completions stay.")
	ModuleView updateModule(@PathVariable long id, @PathVariable long moduleId,
			@RequestBody(required = false) ModuleRequest body) {
		return this.learning.updateModule(id, moduleId, input(body));
	}

	@PostMapping("/paths/{id}/modules/{moduleId}/move")
	@Operation(summary = "Move a module", description = "One place up or down; nothing at either end.")
	PathDetails moveModule(@PathVariable long id, @PathVariable long moduleId,
			@RequestBody(required = false) MoveRequest body) {
		this.learning.moveModule(id, moduleId, body == null ? null : body.direction());
		return this.learning.get(id);
	}

	@DeleteMapping("/paths/{id}/modules/{moduleId}")
	@Operation(summary = "Remove a module", description = "With its completions; every enrolment is recomputed (a "
			+ "learner may complete the path by it).")
	ResponseEntity<Void> removeModule(@PathVariable long id, @PathVariable long moduleId) {
		this.learning.removeModule(id, moduleId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/paths/{id}/enrolment")
	@Operation(summary = "Enrol", description = "In a published path; enrolling again changes nothing.")
	ProgressView enrol(@PathVariable long id) {
		return this.learning.enrol(id);
	}

	@PutMapping("/paths/{id}/modules/{moduleId}/completion")
	@Operation(summary = "Complete a module", description = "Of a path you follow (404 when you have not enrolled); "
			+ "again changes nothing. Completing the last one completes the path.")
	ProgressView complete(@PathVariable long id, @PathVariable long moduleId) {
		return this.learning.complete(id, moduleId);
	}

	@DeleteMapping("/paths/{id}/modules/{moduleId}/completion")
	@Operation(summary = "Un-complete a module", description = "The path is then not completed either.")
	ProgressView uncomplete(@PathVariable long id, @PathVariable long moduleId) {
		return this.learning.uncomplete(id, moduleId);
	}

	@GetMapping("/mine")
	@Operation(summary = "My progress", description = "On the published paths you follow, most recently changed first.")
	List<ProgressView> mine() {
		return this.learning.mine();
	}

	@GetMapping("/recommendations/mine")
	@Operation(summary = "Paths recommended to me", description = "Newest first.")
	List<RecommendationView> recommendedToMe() {
		return this.learning.recommendedToMe();
	}

	@PostMapping("/recommendations")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@Operation(summary = "Recommend a path", description = "A published path to one of your active mentees, who is "
			+ "notified; 404 for anyone who is not your active mentee, 409 when it was already recommended to them.")
	ResponseEntity<RecommendationView> recommend(@RequestBody(required = false) RecommendationRequest body) {
		RecommendationView made = this.learning.recommend(body == null ? null : body.pathId(),
				body == null ? null : body.menteeId(), body == null ? null : body.note());
		return ResponseEntity.created(URI.create("/api/v1/learning/paths/" + made.pathId())).body(made);
	}

	@GetMapping("/mentees")
	@Operation(summary = "My mentees' progress", description = "Each active mentee with their progress on published paths "
			+ "and what was recommended to them (audited as LEARNING_PROGRESS_READ).")
	List<MenteeProgress> mentees() {
		return this.learning.mentees();
	}

	private static ModuleInput input(ModuleRequest body) {
		return body == null ? null
				: new ModuleInput(body.title(), body.kind(), body.content(), body.url(), body.resourceId(),
						body.estimatedMinutes());
	}

}
