package org.mentorhub.wellbeing.chat;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the support chat pages, and the institution's crisis settings for its administrators. */
@RestController
@RequestMapping("/api/v1/support-chat")
@Tag(name = "Support chat", description = "A new mother's peer-support chat with an AI (not therapy). Only she reads it; "
		+ "for everybody else every route is 404. She consents first (409 otherwise); withdrawing deletes the history. "
		+ "Each message is screened for crisis language before any model is called. Rate-limited (429).")
class SupportChatRestController {

	private final SupportChat chat;

	SupportChatRestController(SupportChat chat) {
		this.chat = chat;
	}

	/** A message she writes. */
	record ChatMessageRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 2000) String message) {
	}

	/** The crisis settings of the administrator's institution. */
	record SettingsRequest(@Schema(description = "Whom to ask to call a mother in crisis; the administrators when left out") Long contactUserId,
			@Schema(description = "The help lines of the crisis answer; the defaults when empty", maxLength = 200) List<String> helpLines) {
	}

	@GetMapping
	@Operation(summary = "Your support chat", description = "Consent, your messages oldest first and the help lines.")
	SupportChat.ChatState state() {
		return this.chat.state();
	}

	@PutMapping("/consent")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Consent to the support chat", description = "Separate and explicit; idempotent.")
	void consent() {
		this.chat.consent();
	}

	@DeleteMapping("/consent")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw consent", description = "Deletes the whole history.")
	void withdraw() {
		this.chat.withdraw();
	}

	@PostMapping("/messages")
	@Operation(summary = "Send a message", description = "Answered by the configured model, or a curated reply, within the "
			+ "timeout; crisis language gets the fixed answer with help lines and no model call. 409 without consent.")
	SupportChat.Exchange send(@RequestBody ChatMessageRequest request) {
		return this.chat.send(request == null ? null : request.message());
	}

	@DeleteMapping("/messages")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete your whole history")
	void deleteHistory() {
		this.chat.deleteHistory();
	}

	@GetMapping("/mood")
	@Operation(summary = "Your mood trend", description = "Per day, the average sentiment of your messages (-1 to 1). "
			+ "Shown to you only, never used for triage.")
	List<SupportChat.MoodDay> mood() {
		return this.chat.mood();
	}

	@GetMapping("/settings")
	@Operation(summary = "Your institution's crisis settings", description = "Administrators only.")
	SupportChat.Settings settings() {
		return this.chat.settings();
	}

	@PutMapping("/settings")
	@Operation(summary = "Set your institution's crisis contact and help lines", description = "Administrators only. The "
			+ "contact is an active member of the institution.")
	SupportChat.Settings updateSettings(@RequestBody SettingsRequest request) {
		return this.chat.updateSettings(request == null ? null : request.contactUserId(),
				request == null ? null : request.helpLines());
	}

}
