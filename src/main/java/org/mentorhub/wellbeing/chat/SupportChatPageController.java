package org.mentorhub.wellbeing.chat;

import java.util.List;
import java.util.Locale;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The support chat pages of a new mother: {@code /support-chat} (the chat, or the consent page in its
 * place until she consents), {@code /support-chat/consent}, {@code /support-chat/mood} (her own mood trend), and
 * the forms to send a message, delete the history and withdraw consent. Every form works without
 * JavaScript (post, then redirect); the {@link HxRequest} twin of sending answers with the new
 * messages only. For anybody but a new mother every route is 404 ({@link SupportChat}).
 */
@Controller
class SupportChatPageController {

	private final SupportChat chat;

	SupportChatPageController(SupportChat chat) {
		this.chat = chat;
	}

	/** The form of a message. */
	record MessageForm(String message) {
	}

	@GetMapping("/support-chat")
	ModelAndView chat(Model model) {
		SupportChat.ChatState state = this.chat.state();
		if (!state.consented()) {
			// The consent page in place: she sees what the chat is before anything else.
			model.addAttribute("state", state);
			return new ModelAndView("wellbeing/chat/consent", model.asMap(), HttpStatus.OK);
		}
		return page(model, state, new MessageForm(""), FieldErrors.none(), HttpStatus.OK);
	}

	@GetMapping("/support-chat/consent")
	String consentPage(Model model) {
		model.addAttribute("state", this.chat.state());
		return "wellbeing/chat/consent";
	}

	@PostMapping("/support-chat/consent")
	String consent() {
		this.chat.consent();
		return "redirect:/support-chat";
	}

	@PostMapping("/support-chat/consent/withdraw")
	String withdraw() {
		this.chat.withdraw();
		return "redirect:/support-chat/consent?withdrawn";
	}

	@PostMapping("/support-chat/history/delete")
	String deleteHistory() {
		this.chat.deleteHistory();
		return "redirect:/support-chat?deleted";
	}

	@PostMapping("/support-chat/messages")
	ModelAndView send(MessageForm form, Model model) {
		try {
			this.chat.send(form.message());
			return new ModelAndView("redirect:/support-chat#latest");
		}
		catch (InvalidInputException ex) {
			return page(model, this.chat.state(), form, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	@HxRequest
	@PostMapping("/support-chat/messages")
	ModelAndView sendPartial(MessageForm form, Model model) {
		try {
			model.addAttribute("messages", this.chat.send(form.message()).messages());
			model.addAttribute("errors", FieldErrors.none());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("messages", List.of());
			model.addAttribute("errors", FieldErrors.of(ex));
		}
		return new ModelAndView("wellbeing/chat/partials/messages :: messages", model.asMap(), HttpStatus.OK);
	}

	@GetMapping("/support-chat/mood")
	String mood(Model model) {
		List<SupportChat.MoodDay> days = this.chat.mood();
		model.addAttribute("days", days);
		model.addAttribute("points", points(days));
		return "wellbeing/chat/mood";
	}

	private ModelAndView page(Model model, SupportChat.ChatState state, MessageForm form, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("state", state);
		model.addAttribute("messages", state.messages());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return new ModelAndView("wellbeing/chat/chat", model.asMap(), status);
	}

	/** The polyline of the inline chart: x from 0 to 300 by day, y from 0 (best) to 100 (worst). */
	static String points(List<SupportChat.MoodDay> days) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < days.size(); i++) {
			double x = days.size() == 1 ? 150 : 300.0 * i / (days.size() - 1);
			double y = 50 - days.get(i).average() * 50;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return points.toString().strip();
	}

}
