package org.mentorhub.messaging;


import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.FormBinding;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.TooManyRequestsException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The messaging pages: {@code /network} (connections, requests received and sent, blocked people,
 * suggestions, and their actions), {@code /messages} (the conversations) and {@code /messages/{id}}
 * (one conversation: opening it marks the other person's messages read; older messages load on
 * scroll through the {@link HxRequest} twin with {@code before=}, and new ones through
 * {@code /messages/{id}/newer}, which static/js/messaging.js calls when the notification stream says a
 * message arrived). Every form works without JavaScript: post, then redirect; bad input is shown in
 * the page with its 4xx status.
 */
@Controller
class MessagingPageController {

	private final Connections connections;

	private final Conversations conversations;

	private final FormBinding binding;

	MessagingPageController(Connections connections, Conversations conversations, FormBinding binding) {
		this.connections = connections;
		this.conversations = conversations;
		this.binding = binding;
	}

	@GetMapping("/network")
	ModelAndView network(@RequestParam(required = false) String done, Model model) {
		model.addAttribute("done", done == null ? null : done.replaceAll("[^a-z]", ""));
		return networkPage(model, null, HttpStatus.OK);
	}

	private ModelAndView networkPage(Model model, String problem, HttpStatus status) {
		model.addAttribute("network", this.connections.network());
		model.addAttribute("suggestions", this.connections.suggestions());
		model.addAttribute("problem", problem);
		ModelAndView view = new ModelAndView("messaging/network", model.asMap());
		view.setStatus(status);
		return view;
	}

	@PostMapping("/network/requests")
	ModelAndView request(MessagingForms.ConnectionForm form, BindingResult problems, Model model) {
		return networkAction(model, () -> {
			this.binding.requireValid(problems);
			if (form.personId() == null) {
				throw new InvalidInputException("personId", "Choose a person.");
			}
			ConnectionView made = this.connections.request(form.personId(), form.note());
			return Connections.ACCEPTED.equals(made.status()) ? "connected" : "requested";
		});
	}

	@PostMapping("/network/{id:\\d+}/accept")
	ModelAndView accept(@PathVariable long id, Model model) {
		return networkAction(model, () -> {
			this.connections.accept(id);
			return "accepted";
		});
	}

	@PostMapping("/network/{id:\\d+}/reject")
	ModelAndView reject(@PathVariable long id, Model model) {
		return networkAction(model, () -> {
			this.connections.reject(id);
			return "rejected";
		});
	}

	@PostMapping("/network/{id:\\d+}/remove")
	ModelAndView remove(@PathVariable long id, Model model) {
		return networkAction(model, () -> {
			this.connections.remove(id);
			return "removed";
		});
	}

	@PostMapping("/network/people/{personId:\\d+}/block")
	ModelAndView block(@PathVariable long personId, Model model) {
		return networkAction(model, () -> {
			this.connections.block(personId);
			return "blocked";
		});
	}

	@PostMapping("/network/people/{personId:\\d+}/unblock")
	ModelAndView unblock(@PathVariable long personId, Model model) {
		return networkAction(model, () -> {
			this.connections.unblock(personId);
			return "unblocked";
		});
	}

	private ModelAndView networkAction(Model model, java.util.function.Supplier<String> action) {
		try {
			return new ModelAndView("redirect:/network?done=" + action.get());
		}
		catch (InvalidInputException ex) {
			return networkPage(model, ex.getMessage(), HttpStatus.BAD_REQUEST);
		}
		catch (MessagingRefusedException ex) {
			return networkPage(model, ex.getMessage(), HttpStatus.FORBIDDEN);
		}
		catch (StateTransitionException ex) {
			return networkPage(model, ex.getMessage(), HttpStatus.CONFLICT);
		}
	}

	@GetMapping("/messages")
	String list(Model model) {
		model.addAttribute("conversations", this.conversations.list());
		return "messaging/conversations";
	}

	/** A "write" link for a person: their conversation with the caller. */
	@GetMapping("/messages/with/{personId:\\d+}")
	String with(@PathVariable long personId) {
		return "redirect:/messages/" + this.conversations.conversationWith(personId);
	}

	@GetMapping("/messages/{conversationId:\\d+-\\d+}")
	ModelAndView conversation(@PathVariable String conversationId, @RequestParam(required = false) String done,
			Model model) {
		model.addAttribute("done", done == null ? null : done.replaceAll("[^a-z]", ""));
		return conversationPage(conversationId, model, new MessagingForms.MessageForm(""),
				FieldErrors.none(), null, HttpStatus.OK);
	}

	/** An older page of the conversation, for the scroll (keyset: the messages before the id). */
	@HxRequest
	@GetMapping("/messages/{conversationId:\\d+-\\d+}")
	String older(@PathVariable String conversationId, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("conversation", this.conversations.open(conversationId, before, before == null));
		return "messaging/partials/messages :: older";
	}

	/** The messages newer than {@code after}, and which of the caller's own since {@code from} were read (the live refresh). */
	@HxRequest
	@GetMapping("/messages/{conversationId:\\d+-\\d+}/newer")
	String newer(@PathVariable String conversationId, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "0") long from, Model model) {
		model.addAttribute("conversation", this.conversations.newer(conversationId, after));
		model.addAttribute("readIds", this.conversations.readOwn(conversationId, from));
		return "messaging/partials/messages :: newer";
	}

	@PostMapping("/messages/{conversationId:\\d+-\\d+}")
	ModelAndView send(@PathVariable String conversationId, MessagingForms.MessageForm form, BindingResult problems,
			Model model, HttpServletResponse response) {
		Conversation conversation = this.conversations.open(conversationId, null, false);
		try {
			this.binding.requireValid(problems);
			this.conversations.send(conversation.personId(), form.text());
			return new ModelAndView("redirect:/messages/" + conversationId);
		}
		catch (InvalidInputException ex) {
			return conversationPage(conversationId, model, form, FieldErrors.of(ex), null, HttpStatus.BAD_REQUEST);
		}
		catch (MessagingRefusedException ex) {
			return conversationPage(conversationId, model, form, FieldErrors.none(), ex.getMessage(), HttpStatus.FORBIDDEN);
		}
		catch (TooManyRequestsException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
			return conversationPage(conversationId, model, form, FieldErrors.none(), ex.getMessage(),
					HttpStatus.TOO_MANY_REQUESTS);
		}
	}

	@PostMapping("/messages/{conversationId:\\d+-\\d+}/{messageId:\\d+}/delete")
	ModelAndView delete(@PathVariable String conversationId, @PathVariable long messageId, Model model) {
		try {
			this.conversations.delete(messageId);
			return new ModelAndView("redirect:/messages/" + conversationId + "?done=deleted");
		}
		catch (StateTransitionException ex) {
			return conversationPage(conversationId, model, new MessagingForms.MessageForm(""), FieldErrors.none(),
					ex.getMessage(), HttpStatus.CONFLICT);
		}
	}

	@PostMapping("/messages/{conversationId:\\d+-\\d+}/{messageId:\\d+}/report")
	ModelAndView report(@PathVariable String conversationId, @PathVariable long messageId,
			MessagingForms.ReportForm form, Model model) {
		try {
			this.conversations.report(messageId, form.reason());
			return new ModelAndView("redirect:/messages/" + conversationId + "?done=reported");
		}
		catch (InvalidInputException | StateTransitionException ex) {
			return conversationPage(conversationId, model, new MessagingForms.MessageForm(""), FieldErrors.none(),
					ex.getMessage(), ex instanceof InvalidInputException ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT);
		}
	}

	private ModelAndView conversationPage(String conversationId, Model model, MessagingForms.MessageForm form,
			FieldErrors errors, String problem, HttpStatus status) {
		model.addAttribute("conversation", this.conversations.open(conversationId, null, status == HttpStatus.OK));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("maxText", Conversations.MAX_TEXT);
		ModelAndView view = new ModelAndView("messaging/conversation", model.asMap());
		view.setStatus(status);
		return view;
	}


}
