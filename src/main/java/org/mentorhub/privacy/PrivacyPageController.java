package org.mentorhub.privacy;

import java.io.IOException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mentorhub.platform.RateLimited;
import org.mentorhub.privacy.consent.Consents;
import org.mentorhub.privacy.disclosure.Disclosures;
import org.mentorhub.privacy.export.DataExports;
import org.mentorhub.privacy.export.NewDataExport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * My privacy page ({@code /account/privacy}): download my data (the link is shown once, in the answer to the
 * request; the progress is polled), who else read my education record, and my consents, which I may withdraw.
 * The erasure section is filled by the erasure requests (privacy.erasure).
 */
@Controller
class PrivacyPageController {

	static final String VIEW = "privacy/account";

	private final DataExports exports;

	private final Consents consents;

	private final Disclosures disclosures;

	PrivacyPageController(DataExports exports, Consents consents, Disclosures disclosures) {
		this.exports = exports;
		this.consents = consents;
		this.disclosures = disclosures;
	}

	@GetMapping("/account/privacy")
	String page(Model model) {
		return page(model, null);
	}

	@PostMapping("/account/privacy/exports")
	@RateLimited(name = DataExports.RATE_LIMIT, capacity = PrivacyRestController.EXPORTS_PER_HOUR, per = "PT1H")
	String requestExport(Model model) {
		return page(model, this.exports.request());
	}

	@HxRequest
	@GetMapping("/account/privacy/exports/{id}")
	String exportProgress(@PathVariable long id, Model model) {
		model.addAttribute("export", this.exports.get(id));
		return VIEW + " :: export";
	}

	@GetMapping("/account/privacy/exports/{id}")
	String exportPage(@PathVariable long id) {
		this.exports.get(id);
		return "redirect:/account/privacy#exports";
	}

	@GetMapping("/account/privacy/exports/download/{token}")
	void download(@PathVariable String token, HttpServletResponse response) throws IOException {
		PrivacyRestController.zip(this.exports.download(token), response);
	}

	@PostMapping("/account/privacy/consents/{kind}/withdraw")
	String withdraw(@PathVariable String kind) {
		this.consents.withdraw(kind);
		return "redirect:/account/privacy?withdrawn#consents";
	}

	private String page(Model model, NewDataExport created) {
		model.addAttribute("created", created);
		model.addAttribute("exports", this.exports.mine());
		model.addAttribute("consents", this.consents.mine());
		model.addAttribute("disclosures", this.disclosures.mine(Disclosures.DEFAULT_LIMIT));
		return VIEW;
	}

}
