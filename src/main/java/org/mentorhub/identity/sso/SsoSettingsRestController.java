package org.mentorhub.identity.sso;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API twin of the single sign-on settings page. */
@RestController
@RequestMapping("/api/v1/single-sign-on")
@Tag(name = "Single sign-on", description = "The institution's OpenID Connect sign-in settings (its administrators only). "
		+ "The client secret can be set but is never returned.")
class SsoSettingsRestController {

	private final SsoAdministration administration;

	SsoSettingsRestController(SsoAdministration administration) {
		this.administration = administration;
	}

	/** The settings as the API shows them; the client secret only as where it comes from. */
	record SingleSignOnSettingsResponse(boolean configured, boolean enabled, String providerName, String issuerUri,
			String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri, String clientId,
			@Schema(allowableValues = { "STORED", "CONFIGURATION", "NONE" }) String clientSecret,
			List<String> allowedDomains, boolean trustIssuerEmail,
			@Schema(allowableValues = { "CREATE_INVITED", "REFUSE" }) String unknownUsers, boolean passwordSignIn,
			@Schema(description = "The registration id in the redirect URI {baseUrl}/login/oauth2/code/{registrationId}") String registrationId) {

		static SingleSignOnSettingsResponse of(SsoAdministration.View v) {
			return new SingleSignOnSettingsResponse(v.configured(), v.enabled(), v.providerName(), v.issuerUri(),
					v.authorizationUri(), v.tokenUri(), v.jwkSetUri(), v.userInfoUri(), v.clientId(),
					v.clientSecret().name(), v.allowedDomains(), v.trustIssuerEmail(), v.unknownUsers().name(),
					v.passwordSignIn(), v.registrationId());
		}

	}

	/** A change of the settings; a missing or blank client secret keeps the stored one. */
	record SingleSignOnSettingsRequest(Boolean enabled,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String providerName,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String issuerUri, String authorizationUri,
			String tokenUri, String jwkSetUri, String userInfoUri,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String clientId,
			@Schema(description = "Write-only; stored encrypted") String clientSecret, Boolean clearClientSecret,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> allowedDomains, Boolean trustIssuerEmail,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "CREATE_INVITED", "REFUSE" }) String unknownUsers,
			Boolean passwordSignIn) {
	}

	@GetMapping
	@Operation(summary = "The institution's single sign-on settings", description = "Its administrators only (else 403).")
	SingleSignOnSettingsResponse settings() {
		return SingleSignOnSettingsResponse.of(this.administration.settings());
	}

	@PutMapping
	@Operation(summary = "Change the institution's single sign-on settings",
			description = "Its administrators only (else 403); bad input is 400 problem JSON naming the fields.")
	SingleSignOnSettingsResponse change(@RequestBody(required = false) SingleSignOnSettingsRequest body) {
		SingleSignOnSettingsRequest b = body == null ? new SingleSignOnSettingsRequest(null, null, null, null, null, null,
				null, null, null, null, null, null, null, null) : body;
		return SingleSignOnSettingsResponse.of(this.administration.change(new SsoAdministration.Change(b.enabled(),
				b.providerName(), b.issuerUri(), b.authorizationUri(), b.tokenUri(), b.jwkSetUri(), b.userInfoUri(),
				b.clientId(), b.clientSecret(), b.clearClientSecret(),
				b.allowedDomains() == null ? null : String.join(" ", b.allowedDomains()), b.trustIssuerEmail(),
				b.unknownUsers(), b.passwordSignIn())));
	}

}
