package org.mentorhub.notification;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the notification centre and of the delivery choices. */
@RestController
@Tag(name = "Notifications", description = "The caller's own notifications, newest first: list with filters "
		+ "(unread, type) and pages, the unread count, mark one or all read, and the delivery channel per type "
		+ "(IN_APP, EMAIL at once, or the daily DIGEST). Another person's notification answers 404. "
		+ "The live stream of new notifications is GET /api/v1/notifications/stream (Server-Sent Events).")
class NotificationRestController {

	private final NotificationCenter center;

	private final Preferences preferences;

	NotificationRestController(NotificationCenter center, Preferences preferences) {
		this.center = center;
		this.preferences = preferences;
	}

	/** The unread count. */
	record UnreadCount(long unread) {
	}

	/** How many were marked read. */
	record Marked(int marked) {
	}

	/** The channel of each type, by type name. */
	record PreferencesBody(@Schema(description = "Type name to channel (IN_APP, EMAIL, DIGEST); types left out "
			+ "keep their channel", example = "{\"SESSION_CONFIRMED\": \"EMAIL\"}") Map<String, String> channels) {
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "My notifications", description = "Newest first. unread=true for unread ones only, type= "
			+ "a notification type, page from 0, size 1-100 (20). hasNext says whether a next page exists.")
	NotificationPage list(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.center.list(unread, type, page, size);
	}

	@GetMapping("/api/v1/notifications/unread-count")
	@Operation(summary = "How many of my notifications are unread")
	UnreadCount unreadCount() {
		return new UnreadCount(this.center.unreadCount());
	}

	@GetMapping("/api/v1/notifications/{id}")
	@Operation(summary = "One of my notifications")
	NotificationView get(@PathVariable long id) {
		return this.center.get(id);
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@Operation(summary = "Mark one of my notifications read", description = "Marking it again changes nothing.")
	NotificationView markRead(@PathVariable long id) {
		return this.center.markRead(id);
	}

	@PostMapping("/api/v1/notifications/read-all")
	@Operation(summary = "Mark all my notifications read")
	Marked markAllRead() {
		return new Marked(this.center.markAllRead());
	}

	@GetMapping("/api/v1/notifications/preferences")
	@Operation(summary = "My delivery channel per notification type", description = "mandatory types (security "
			+ "notices) are always e-mailed.")
	List<Preferences.Preference> preferences() {
		return this.preferences.mine();
	}

	@PutMapping("/api/v1/notifications/preferences")
	@Operation(summary = "Choose delivery channels", description = "An unknown type or channel, or switching off a "
			+ "mandatory type, answers 400 and changes nothing.")
	List<Preferences.Preference> savePreferences(@RequestBody(required = false) PreferencesBody body) {
		return this.preferences.save(body == null ? null : body.channels());
	}

}
