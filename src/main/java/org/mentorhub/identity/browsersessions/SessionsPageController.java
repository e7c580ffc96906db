package org.mentorhub.identity.browsersessions;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mentorhub.identity.UserSessions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * My sessions: the signed-in person's active sessions, with buttons to end one or all the
 * others; each asks first (fragments/confirm) and then posts, and the page reloads. The table is also
 * an htmx partial, and an htmx post ends a session in place.
 */
@Controller
class SessionsPageController {

	static final String VIEW = "identity/account/sessions";

	static final String TABLE = "identity/account/partials/sessions-table :: table";

	private final MySessions sessions;

	SessionsPageController(MySessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/account/sessions")
	ModelAndView page(HttpServletRequest request) {
		return view(VIEW, request);
	}

	@HxRequest
	@GetMapping("/account/sessions")
	ModelAndView table(HttpServletRequest request) {
		return view(TABLE, request);
	}

	@PostMapping("/account/sessions/{reference}/end")
	ModelAndView end(@PathVariable String reference, HttpServletRequest request) {
		return new ModelAndView(endOne(reference, request) ? "redirect:/login?logout" : "redirect:/account/sessions?ended-one");
	}

	@HxRequest
	@PostMapping("/account/sessions/{reference}/end")
	ModelAndView endInPlace(@PathVariable String reference, HttpServletRequest request, HttpServletResponse response) {
		if (endOne(reference, request)) {
			// This browser is signed out now: htmx must load the sign-in page as a whole page.
			response.setHeader("HX-Redirect", "/login?logout");
			return new ModelAndView("redirect:/login?logout");
		}
		return view(TABLE, request).addObject("notice", "ended-one");
	}

	@PostMapping("/account/sessions/end-others")
	ModelAndView endOthers(HttpServletRequest request) {
		this.sessions.endOthers(CurrentSession.id(request));
		return new ModelAndView("redirect:/account/sessions?ended-others");
	}

	@HxRequest
	@PostMapping("/account/sessions/end-others")
	ModelAndView endOthersInPlace(HttpServletRequest request) {
		this.sessions.endOthers(CurrentSession.id(request));
		return view(TABLE, request).addObject("notice", "ended-others");
	}

	/** Ends one of my sessions; true when it is the one this browser uses. */
	private boolean endOne(String reference, HttpServletRequest request) {
		boolean current = reference.equals(currentReference(request));
		this.sessions.end(reference);
		return current;
	}

	private ModelAndView view(String view, HttpServletRequest request) {
		return new ModelAndView(view).addObject("sessions", this.sessions.list(CurrentSession.id(request)));
	}

	private static String currentReference(HttpServletRequest request) {
		String id = CurrentSession.id(request);
		return id == null ? null : UserSessions.reference(id);
	}

}
