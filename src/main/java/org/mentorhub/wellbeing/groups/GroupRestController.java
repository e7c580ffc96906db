package org.mentorhub.wellbeing.groups;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the support group pages. */
@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Support groups", description = "Support groups of the caller's institution (404 for another "
		+ "institution's). Administrators create groups and appoint moderators; members join (a private group needs "
		+ "a moderator's approval) and leave; active members post and reply; moderators remove posts (a tombstone "
		+ "stays); posts can be reported.")
class GroupRestController {

	private final SupportGroups groups;

	GroupRestController(SupportGroups groups) {
		this.groups = groups;
	}

	/** A new group. */
	record GroupRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
			maxLength = SupportGroups.MAX_NAME) String name,
			@Schema(maxLength = SupportGroups.MAX_DESCRIPTION) String description,
			@Schema(description = "Joining needs a moderator's approval; false when left out") Boolean isPrivate) {
	}

	/** A post or a reply. */
	record PostRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
			maxLength = SupportGroups.MAX_POST) String body,
			@Schema(description = "The post this replies to, of the same group") Long parentId) {
	}

	/** Whether to hear of new posts. */
	record NotifyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean notifyPosts) {
	}

	/** Member or moderator. */
	record RoleRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean moderator) {
	}

	/** Why a post is reported. */
	record PostReportRequest(@Schema(maxLength = 1000) String reason) {
	}

	@GetMapping
	@Operation(summary = "Your institution's groups", description = "By name, with your membership.")
	List<GroupSummary> list() {
		return this.groups.list();
	}

	@PostMapping
	@Operation(summary = "Create a group", description = "Administrators only (403). 400 for an empty, too long or "
			+ "taken name.")
	ResponseEntity<GroupSummary> create(@RequestBody(required = false) GroupRequest body) {
		GroupSummary group = this.groups.create(body == null ? null : body.name(), body == null ? null : body.description(),
				body == null ? null : body.isPrivate());
		return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id())).body(group);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A group", description = "With the latest posts and their replies and the members, for active "
			+ "members and administrators.")
	GroupDetails get(@PathVariable long id) {
		return this.groups.get(id);
	}

	@PostMapping("/{id}/join")
	@Operation(summary = "Join a group", description = "Active at once, or pending for a private group. Idempotent.")
	GroupSummary join(@PathVariable long id) {
		return this.groups.join(id);
	}

	@PostMapping("/{id}/leave")
	@Operation(summary = "Leave a group", description = "Or withdraw a pending request. Idempotent.")
	GroupSummary leave(@PathVariable long id) {
		return this.groups.leave(id);
	}

	@PutMapping("/{id}/notify")
	@Operation(summary = "Hear of new posts or not", description = "409 when you do not belong to the group.")
	GroupSummary notifyPosts(@PathVariable long id, @RequestBody(required = false) NotifyRequest body) {
		return this.groups.notifyPosts(id, body != null && Boolean.TRUE.equals(body.notifyPosts()));
	}

	@PostMapping("/{id}/posts")
	@Operation(summary = "Post or reply", description = "Active members only (403). 400 for an empty or too long post "
			+ "or a parent that is not a post of this group.")
	ResponseEntity<PostView> post(@PathVariable long id, @RequestBody(required = false) PostRequest body) {
		PostView post = this.groups.post(id, body == null ? null : body.body(), body == null ? null : body.parentId());
		return ResponseEntity.created(URI.create("/api/v1/groups/" + id)).body(post);
	}

	@PostMapping("/{id}/posts/{postId}/remove")
	@Operation(summary = "Remove a post", description = "Moderators and administrators; a tombstone stays.")
	ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long postId) {
		this.groups.remove(id, postId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/posts/{postId}/report")
	@Operation(summary = "Report a post", description = "To the institution's administrators, quoting only that post.")
	ResponseEntity<Void> report(@PathVariable long id, @PathVariable long postId,
			@RequestBody(required = false) PostReportRequest body) {
		this.groups.report(id, postId, body == null ? null : body.reason());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/{id}/members/{userId}/approve")
	@Operation(summary = "Approve a pending member", description = "Moderators and administrators.")
	ResponseEntity<Void> approve(@PathVariable long id, @PathVariable long userId) {
		this.groups.approve(id, userId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/members/{userId}/decline")
	@Operation(summary = "Decline a pending member", description = "Moderators and administrators.")
	ResponseEntity<Void> decline(@PathVariable long id, @PathVariable long userId) {
		this.groups.decline(id, userId);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/members/{userId}/role")
	@Operation(summary = "Appoint or dismiss a moderator", description = "Administrators only; the member must be active.")
	ResponseEntity<Void> role(@PathVariable long id, @PathVariable long userId, @RequestBody(required = false) RoleRequest body) {
		this.groups.appoint(id, userId, body == null || !Boolean.FALSE.equals(body.moderator()));
		return ResponseEntity.noContent().build();
	}

}
