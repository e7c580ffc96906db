package org.mentorhub.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.notification.NotificationType.Category;
import org.mentorhub.notification.NotificationType.Channel;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The notification centre ({@code /notifications}: newest first, filters for unread and type, pages;
 * mark one or all read, open one) and the person's delivery choices ({@code /account/notifications}).
 * Every action is a plain form or link that works without JavaScript; with htmx a row is swapped in
 * place. A filter that does not exist (an unknown type, a page out of range) shows the page with the
 * problem and no list.
 */
@Controller
class NotificationPageController {

	static final String VIEW = "notification/list";

	static final String PREFERENCES = "notification/preferences";

	private final NotificationCenter center;

	private final Preferences preferences;

	NotificationPageController(NotificationCenter center, Preferences preferences) {
		this.center = center;
		this.preferences = preferences;
	}

	@GetMapping("/notifications")
	ModelAndView list(@RequestParam(required = false) String unread, @RequestParam(required = false) String type,
			@RequestParam(required = false) String page, Model model) {
		boolean unreadOnly = "true".equals(unread) || "on".equals(unread);
		model.addAttribute("unreadOnly", unreadOnly);
		model.addAttribute("type", type == null ? "" : type);
		model.addAttribute("types", typesByCategory());
		try {
			NotificationPage result = this.center.list(unreadOnly, type, pageNumber(page), null);
			model.addAttribute("result", result);
			NotificationBell.counted(result.unread());
			model.addAttribute("self", url(unreadOnly, type, result.page()));
			model.addAttribute("previousUrl", result.hasPrevious() ? url(unreadOnly, type, result.page() - 1) : null);
			model.addAttribute("nextUrl", result.hasNext() ? url(unreadOnly, type, result.page() + 1) : null);
			return new ModelAndView(VIEW, model.asMap(), HttpStatus.OK);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", ex.problems().get(0).message());
			return new ModelAndView(VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
		}
	}

	@GetMapping("/notifications/{id:\\d+}/open")
	String open(@PathVariable long id) {
		NotificationView read = this.center.markRead(id);
		String link = read.link();
		return "redirect:" + (safe(link) ? link : "/notifications");
	}

	@PostMapping("/notifications/{id:\\d+}/read")
	String markRead(@PathVariable long id, @RequestParam(required = false) String back) {
		this.center.markRead(id);
		return "redirect:" + back(back);
	}

	@HxRequest
	@PostMapping("/notifications/{id:\\d+}/read")
	ModelAndView markReadInPlace(@PathVariable long id, Model model) {
		model.addAttribute("n", this.center.markRead(id));
		return new ModelAndView("notification/row :: row", model.asMap(), HttpStatus.OK);
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(@RequestParam(required = false) String back, RedirectAttributes redirect) {
		int marked = this.center.markAllRead();
		redirect.addFlashAttribute("marked", marked);
		return "redirect:" + back(back);
	}

	@GetMapping("/account/notifications")
	ModelAndView preferences(Model model) {
		return preferencesPage(model, this.preferences.mine(), null, HttpStatus.OK);
	}

	@PostMapping("/account/notifications")
	ModelAndView savePreferences(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Map<String, String> choices = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("channel.")) {
				choices.put(name.substring("channel.".length()), value);
			}
		});
		try {
			this.preferences.save(choices);
			redirect.addFlashAttribute("toast", "notification.preferences.saved");
			return new ModelAndView("redirect:/account/notifications");
		}
		catch (InvalidInputException ex) {
			return preferencesPage(model, this.preferences.mine(), ex, HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView preferencesPage(Model model, List<Preferences.Preference> lines, InvalidInputException problem,
			HttpStatus status) {
		Map<Category, List<Preferences.Preference>> byCategory = new LinkedHashMap<>();
		lines.forEach(line -> byCategory.computeIfAbsent(line.category(), c -> new ArrayList<>()).add(line));
		model.addAttribute("categories", byCategory);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("problems", problem == null ? List.of() : problem.problems());
		return new ModelAndView(PREFERENCES, model.asMap(), status);
	}

	static Map<Category, List<NotificationType>> typesByCategory() {
		Map<Category, List<NotificationType>> types = new LinkedHashMap<>();
		for (NotificationType type : NotificationType.values()) {
			types.computeIfAbsent(type.category(), c -> new ArrayList<>()).add(type);
		}
		return types;
	}

	private static Integer pageNumber(String page) {
		if (page == null || page.isBlank()) {
			return 0;
		}
		try {
			return Integer.valueOf(page.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("page", "The page is a number from 0 to 10000.");
		}
	}

	private static String url(boolean unreadOnly, String type, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/notifications");
		if (unreadOnly) {
			url.queryParam("unread", "true");
		}
		if (type != null && !type.isBlank()) {
			url.queryParam("type", type);
		}
		if (page > 0) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	/** Back to the centre, with its filters, or to the home page; never elsewhere. */
	private static String back(String back) {
		return back != null && (back.equals("/") || back.startsWith("/notifications")) && safe(back) ? back
				: "/notifications";
	}

	/** A path of this application: one leading slash, no scheme, no backslash, no line break. */
	static boolean safe(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
				&& link.chars().noneMatch(Character::isISOControl);
	}

}
