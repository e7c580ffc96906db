package org.mentorhub.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.mentorhub.identity.sso.SingleSignOnPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page; Spring Security's form login processes the POST. It offers a "Sign in with ..."
 * button per institution that switched single sign-on on, and says why a sign-in was refused where
 * that tells nothing to a guesser (an SSO-only institution's right password; the provider's refusal).
 */
@Controller
class LoginPageController {

	private final SingleSignOnPolicy singleSignOn;

	LoginPageController(SingleSignOnPolicy singleSignOn) {
		this.singleSignOn = singleSignOn;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "sso-error", required = false) String ssoError,
			@RequestParam(name = "error", required = false) String error, HttpServletRequest request, Model model) {
		// Never a new session for a visit of the sign-in page.
		HttpSession session = request.getSession(false);
		model.addAttribute("ssoProviders", this.singleSignOn.providers());
		if (error != null && session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SingleSignOnRequiredException required) {
			model.addAttribute("ssoRequired", required.providerName());
		}
		if (ssoError != null) {
			model.addAttribute("ssoErrorKey", "identity.login.sso.error." + SsoErrorCodes.known(ssoError));
		}
		return "identity/login";
	}

	/** The reason codes the single sign-on failure handler sends; anything else reads as a plain failure. */
	static final class SsoErrorCodes {

		private static final java.util.Set<String> KNOWN = java.util.Set.of("NO_VERIFIED_EMAIL", "DOMAIN_NOT_ALLOWED",
				"UNKNOWN_ACCOUNT", "OTHER_INSTITUTION", "DISABLED");

		static String known(String code) {
			return KNOWN.contains(code) ? code : "FAILED";
		}

	}

}
