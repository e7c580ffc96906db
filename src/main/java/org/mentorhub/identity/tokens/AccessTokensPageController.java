package org.mentorhub.identity.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.mentorhub.identity.tokens.PersonalAccessTokens.NewToken;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.RateLimited;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The personal access tokens page: create a token (shown once, on the answer to the POST, never
 * put in a redirect or the session), list one's tokens and revoke them. With htmx, revoking
 * replaces only the list.
 */
@Controller
class AccessTokensPageController {

	/** Tokens one user may create per {@link #CREATION_PERIOD} (page and API together). */
	static final int CREATIONS_PER_PERIOD = 10;

	static final String CREATION_PERIOD = "PT1H";

	private final PersonalAccessTokens tokens;

	AccessTokensPageController(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	/** The create form. Expiry is text so that a typo is reported beside the field. */
	record TokenForm(String name, List<String> scopes, String days) {

		static TokenForm empty() {
			return new TokenForm("", List.of("read"), String.valueOf(PersonalAccessTokens.DEFAULT_DAYS));
		}

	}

	@GetMapping("/account/tokens")
	String page(Model model) {
		return show(model, TokenForm.empty());
	}

	@PostMapping("/account/tokens")
	@RateLimited(name = "token-creation", capacity = CREATIONS_PER_PERIOD, per = CREATION_PERIOD)
	String create(@ModelAttribute TokenForm form, Model model, HttpServletResponse response) {
		try {
			Integer days = parseDays(form.days());
			model.addAttribute("created", this.tokens.create(new NewToken(form.name(), form.scopes(), days)));
			return show(model, TokenForm.empty());
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, form);
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id) {
		this.tokens.revoke(id);
		return "redirect:/account/tokens?revoked";
	}

	@HxRequest
	@PostMapping("/account/tokens/{id}/revoke")
	String revokeInPlace(@PathVariable long id, Model model) {
		this.tokens.revoke(id);
		model.addAttribute("tokens", this.tokens.mine());
		model.addAttribute("revoked", true);
		return "identity/partials/tokens :: list";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private String show(Model model, TokenForm form) {
		model.addAttribute("form", form);
		model.addAttribute("tokens", this.tokens.mine());
		model.addAttribute("maxDays", PersonalAccessTokens.MAX_DAYS);
		model.addAttribute("scopeChoices",
				this.tokens.adminScopeAvailable() ? List.of("read", "write", "admin") : List.of("read", "write"));
		return "identity/tokens";
	}

	private static Integer parseDays(String days) {
		if (days == null || days.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(days.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("expiresInDays",
					"Choose an expiry from 1 to " + PersonalAccessTokens.MAX_DAYS + " days.");
		}
	}

}
