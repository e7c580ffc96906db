package org.mentorhub.messaging;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the messaging pages: connections, blocks, conversations and messages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Messaging", description = "Connections between the people of an institution and their direct messages. "
		+ "A message is readable by its two people only. You may write to your connections, your mentorship partner "
		+ "(active or paused mentorship), people who wrote to you, and as a coordinator or administrator to anyone in "
		+ "your scope; anyone else is 403. Sending is limited to 30 messages a minute (429 with Retry-After) and accepts "
		+ "an Idempotency-Key header.")
class MessagingRestController {

	private final Connections connections;

	private final Conversations conversations;

	MessagingRestController(Connections connections, Conversations conversations) {
		this.connections = connections;
		this.conversations = conversations;
	}

	/** A connection request. */
	record ConnectionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long personId,
			@Schema(maxLength = Connections.MAX_NOTE) String note) {
	}

	/** A block. */
	record BlockRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long personId) {
	}

	/** A new message. */
	record MessageRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long personId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Conversations.MAX_TEXT) String text) {
	}

	/** A report of a message. */
	record MessageReportRequest(@Schema(maxLength = Conversations.MAX_REASON) String reason) {
	}

	@GetMapping("/connections")
	@Operation(summary = "Your network", description = "Your connections, the requests you received and sent, and the "
			+ "people you blocked.")
	Network network() {
		return this.connections.network();
	}

	@GetMapping("/connections/suggestions")
	@Operation(summary = "People you may know", description = "People of your department or with a skill or interest "
			+ "you share, each with its reasons; never your connections, requests or blocked people.")
	List<Suggestion> suggestions() {
		return this.connections.suggestions();
	}

	@PostMapping("/connections")
	@Operation(summary = "Ask someone to connect", description = "Someone of your institution, with an optional note. "
			+ "201 with a PENDING request; 200 with an ACCEPTED connection when they had asked you first (your request "
			+ "accepts theirs). 409 when already connected or asked, or when they declined your request; 403 when either "
			+ "of you blocked the other; 404 for someone outside your institution; 400 for yourself or a note too long.")
	ResponseEntity<ConnectionView> request(@RequestBody(required = false) ConnectionRequest body) {
		if (body == null || body.personId() == null) {
			throw new org.mentorhub.platform.InvalidInputException("personId", "Name the person (personId).");
		}
		ConnectionView made = this.connections.request(body.personId(), body.note());
		if (Connections.ACCEPTED.equals(made.status())) {
			return ResponseEntity.ok(made);
		}
		return ResponseEntity.created(URI.create("/api/v1/connections/" + made.id())).body(made);
	}

	@PostMapping("/connections/{id}/accept")
	@Operation(summary = "Accept a request sent to you", description = "404 for a request not sent to you; 409 when it "
			+ "was already answered.")
	ConnectionView accept(@PathVariable long id) {
		return this.connections.accept(id);
	}

	@PostMapping("/connections/{id}/reject")
	@Operation(summary = "Reject a request sent to you", description = "404 for a request not sent to you; 409 when it "
			+ "was already answered.")
	ConnectionView reject(@PathVariable long id) {
		return this.connections.reject(id);
	}

	@DeleteMapping("/connections/{id}")
	@Operation(summary = "Remove a connection or withdraw a request", description = "By either of its two people; 404 "
			+ "for anyone else.")
	ResponseEntity<Void> remove(@PathVariable long id) {
		this.connections.remove(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/blocks")
	@Operation(summary = "Block someone", description = "Removes any connection or request between you; neither sees "
			+ "the other in suggestions, nor may ask to connect or write.")
	ResponseEntity<Void> block(@RequestBody(required = false) BlockRequest body) {
		if (body == null || body.personId() == null) {
			throw new org.mentorhub.platform.InvalidInputException("personId", "Name the person (personId).");
		}
		this.connections.block(body.personId());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/blocks/{personId}")
	@Operation(summary = "Lift a block", description = "404 when you have not blocked the person.")
	ResponseEntity<Void> unblock(@PathVariable long personId) {
		this.connections.unblock(personId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/conversations")
	@Operation(summary = "Your conversations", description = "The most recent first (at most 100), each with the other "
			+ "person, the last message and how many of their messages you have not read.")
	List<ConversationSummary> conversationList() {
		return this.conversations.list();
	}

	@GetMapping("/conversations/{conversationId}/messages")
	@Operation(summary = "A page of a conversation", description = "30 messages, oldest first, before the message id "
			+ "given (keyset; the newest page without it); olderBefore is the cursor of the next older page. Does not "
			+ "mark anything read. 404 for a conversation that is not yours.")
	Conversation messages(
			@Parameter(description = "The two people's ids, the lower first: 12-34") @PathVariable String conversationId,
			@RequestParam(required = false) Long before) {
		return this.conversations.open(conversationId, before, false);
	}

	@PostMapping("/conversations/{conversationId}/read")
	@Operation(summary = "Mark a conversation read", description = "The other person's unread messages; answers how many.")
	Map<String, Integer> markRead(@PathVariable String conversationId) {
		return Map.of("marked", this.conversations.markRead(conversationId));
	}

	@PostMapping("/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Send a message", description = "Plain text of 1 to 4,000 characters. 400 for an empty or "
			+ "too long message or for yourself; 404 for someone outside your institution; 403 for someone you may not "
			+ "write to (a stranger, a blocked person); 429 with Retry-After past 30 a minute. Send an Idempotency-Key "
			+ "header to retry safely (docs/api.md).")
	ResponseEntity<MessageView> send(@RequestBody(required = false) MessageRequest body) {
		if (body == null || body.personId() == null) {
			throw new org.mentorhub.platform.InvalidInputException("personId", "Name the person (personId).");
		}
		MessageView sent = this.conversations.send(body.personId(), body.text());
		return ResponseEntity.created(URI.create("/api/v1/messages/" + sent.id())).body(sent);
	}

	@DeleteMapping("/messages/{id}")
	@Operation(summary = "Delete your message", description = "Within 15 minutes of sending it (409 later); it then "
			+ "shows as deleted. 404 for a message you did not send.")
	MessageView delete(@PathVariable long id) {
		return this.conversations.delete(id);
	}

	@PostMapping("/messages/{id}/report")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Report a message as abusive", description = "A message you received; the support desk gets "
			+ "it, quoting that message only. 404 for a message you did not receive.")
	void report(@PathVariable long id, @RequestBody(required = false) MessageReportRequest body) {
		this.conversations.report(id, body == null ? null : body.reason());
	}

	@GetMapping("/messages/unread")
	@Operation(summary = "How many messages you have not read")
	Map<String, Long> unread() {
		return Map.of("unread", this.conversations.unreadCount());
	}

	@ExceptionHandler(MessagingRefusedException.class)
	ProblemDetail refused(MessagingRefusedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
	}

}
