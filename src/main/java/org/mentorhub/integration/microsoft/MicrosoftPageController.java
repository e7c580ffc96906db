package org.mentorhub.integration.microsoft;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The integrations page ({@code /account/integrations}): my Microsoft 365 connection (connect,
 * reconnect, disconnect) and the Outlook events of the sessions I organise, with a retry for a failed
 * one. Connecting is a plain link to {@code /account/integrations/microsoft/connect}, which keeps a new
 * state and PKCE verifier in my session and sends the browser to Microsoft's consent page; Microsoft
 * sends it back to the callback with the code. Nothing here ever shows a token.
 */
@Controller
class MicrosoftPageController {

	private final MicrosoftConnections connections;

	private final OutlookEvents outlook;

	MicrosoftPageController(MicrosoftConnections connections, OutlookEvents outlook) {
		this.connections = connections;
		this.outlook = outlook;
	}

	@GetMapping("/account/integrations")
	String page(Model model) {
		model.addAttribute("connection", this.connections.mine());
		model.addAttribute("outlookEvents", this.outlook.mine());
		return "integration/account";
	}

	/** Starts a consent: a redirect to Microsoft (or back to the page when no app registration serves me). */
	@GetMapping("/account/integrations/microsoft/connect")
	ResponseEntity<Void> connect(HttpSession session) {
		if (!this.connections.mine().available()) {
			return redirect("/account/integrations?unavailable");
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, this.connections.start(session).toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

	/** Microsoft's answer: the code (or an error) and the state, checked against my session. */
	@GetMapping(MicrosoftConnections.CALLBACK_PATH)
	ResponseEntity<Void> callback(HttpSession session, @RequestParam(required = false) String state,
			@RequestParam(required = false) String code, @RequestParam(required = false) String error) {
		Optional<MicrosoftConnections.ConsentProblem> problem = this.connections.complete(session, state, code, error);
		return redirect(problem.map(p -> "/account/integrations?problem=" + p.name().toLowerCase(Locale.ROOT))
			.orElse("/account/integrations?connected"));
	}

	@PostMapping("/account/integrations/microsoft/disconnect")
	String disconnect() {
		this.connections.disconnect();
		return "redirect:/account/integrations?disconnected";
	}

	@PostMapping("/account/integrations/outlook-events/{sessionId}/retry")
	String retry(@PathVariable long sessionId) {
		this.outlook.retry(sessionId);
		return "redirect:/account/integrations?retrying";
	}

	private static ResponseEntity<Void> redirect(String path) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
	}

}
