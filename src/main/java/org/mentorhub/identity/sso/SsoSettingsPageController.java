package org.mentorhub.identity.sso;

import org.mentorhub.platform.FieldErrors;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The institution administrator's single sign-on settings page. */
@Controller
class SsoSettingsPageController {

	private final SsoAdministration administration;

	SsoSettingsPageController(SsoAdministration administration) {
		this.administration = administration;
	}

	/** The form as typed; checkboxes absent mean false. */
	record SsoSettingsForm(Boolean enabled, String providerName, String issuerUri, String authorizationUri,
			String tokenUri, String jwkSetUri, String userInfoUri, String clientId, String clientSecret,
			Boolean clearClientSecret, String allowedDomains, Boolean trustIssuerEmail, String unknownUsers,
			Boolean passwordSignIn) {

		SsoSettingsForm {
			enabled = Boolean.TRUE.equals(enabled);
			clearClientSecret = Boolean.TRUE.equals(clearClientSecret);
			trustIssuerEmail = Boolean.TRUE.equals(trustIssuerEmail);
			passwordSignIn = Boolean.TRUE.equals(passwordSignIn);
		}

		static SsoSettingsForm of(SsoAdministration.View v) {
			return new SsoSettingsForm(v.enabled(), v.providerName(), v.issuerUri(), v.authorizationUri(), v.tokenUri(),
					v.jwkSetUri(), v.userInfoUri(), v.clientId(), "", false, String.join(" ", v.allowedDomains()),
					v.trustIssuerEmail(), v.unknownUsers().name(), v.passwordSignIn());
		}

	}

	@GetMapping("/admin/sso")
	ModelAndView page(Model model) {
		SsoAdministration.View view = this.administration.settings();
		return render(model, view, SsoSettingsForm.of(view), FieldErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/admin/sso")
	ModelAndView save(SsoSettingsForm form, Model model) {
		try {
			this.administration.change(new SsoAdministration.Change(form.enabled(), form.providerName(),
					form.issuerUri(), form.authorizationUri(), form.tokenUri(), form.jwkSetUri(), form.userInfoUri(),
					form.clientId(), form.clientSecret(), form.clearClientSecret(), form.allowedDomains(),
					form.trustIssuerEmail(), form.unknownUsers(), form.passwordSignIn()));
			return new ModelAndView("redirect:/admin/sso?saved=true");
		}
		catch (InvalidInputException ex) {
			SsoSettingsForm typed = new SsoSettingsForm(form.enabled(), form.providerName(), form.issuerUri(),
					form.authorizationUri(), form.tokenUri(), form.jwkSetUri(), form.userInfoUri(), form.clientId(), "",
					form.clearClientSecret(), form.allowedDomains(), form.trustIssuerEmail(), form.unknownUsers(),
					form.passwordSignIn());
			return render(model, this.administration.settings(), typed, FieldErrors.of(ex), HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView render(Model model, SsoAdministration.View view, SsoSettingsForm form, FieldErrors errors,
			HttpStatus status) {
		model.addAttribute("view", view);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("redirectUri", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/login/oauth2/code/" + view.registrationId())
			.toUriString());
		return new ModelAndView("identity/sso", model.asMap(), status);
	}

}
