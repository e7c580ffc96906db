package org.mentorhub.integration.microsoft;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft 365 settings ({@code mentorhub.integration.microsoft}, docs/microsoft-365.md). Without a
 * client id the integration is off: the page says so and nothing calls Microsoft.
 *
 * @param clientId the application (client) id of the app registered in Entra ID
 * @param clientSecret its client secret (from the environment, never the repository)
 * @param tenant the directory: a tenant id or domain, {@code organizations} or {@code common}
 * @param authorizeUrl the authorization endpoint; {@code {tenant}} is replaced by the tenant
 * @param tokenUrl the token endpoint; {@code {tenant}} is replaced by the tenant
 * @param graphBaseUrl Microsoft Graph, version included
 * @param redirectUri the callback registered in Entra ID; blank for {@code <base-url>/account/integrations/microsoft/callback}
 * @param institutions per institution id, its own tenant, client id and secret (a blank value keeps the default)
 * @param timeout the longest one HTTP call to Microsoft may take
 * @param maxAttempts the attempts of one Graph operation (bounded retry of 429, 5xx and timeouts)
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the attempts
 * @param breakerOpenFor how long the circuit breaker stops calling Graph after repeated failures
 * @param freeBusyTimeout the longest the booking view waits for free/busy
 * @param freeBusyCacheFor how long a free/busy answer is reused
 */
@ConfigurationProperties("mentorhub.integration.microsoft")
record MicrosoftProperties(String clientId, String clientSecret, @DefaultValue("organizations") String tenant,
		@DefaultValue("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize") String authorizeUrl,
		@DefaultValue("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token") String tokenUrl,
		@DefaultValue("https://graph.microsoft.com/v1.0") String graphBaseUrl, String redirectUri,
		Map<Long, Tenant> institutions, @DefaultValue("10s") Duration timeout, @DefaultValue("3") int maxAttempts,
		@DefaultValue("30s") Duration maxRetryAfter, @DefaultValue("60s") Duration breakerOpenFor,
		@DefaultValue("3s") Duration freeBusyTimeout, @DefaultValue("2m") Duration freeBusyCacheFor) {

	static final String SCOPES = "openid profile email offline_access Calendars.ReadWrite";

	MicrosoftProperties {
		institutions = institutions == null ? Map.of() : Map.copyOf(institutions);
		maxAttempts = Math.max(1, Math.min(maxAttempts, 10));
	}

	/** An institution's own directory and app registration. */
	record Tenant(String tenant, String clientId, String clientSecret) {
	}

	/** The app registration that serves an institution (null: the default one). */
	Client client(Long institutionId) {
		Tenant own = institutionId == null ? null : this.institutions.get(institutionId);
		String t = own != null && notBlank(own.tenant()) ? own.tenant() : this.tenant;
		String id = own != null && notBlank(own.clientId()) ? own.clientId() : this.clientId;
		String secret = own != null && notBlank(own.clientSecret()) ? own.clientSecret() : this.clientSecret;
		return new Client(id, secret, this.authorizeUrl.replace("{tenant}", t), this.tokenUrl.replace("{tenant}", t));
	}

	/** Whether an app registration is configured for the institution. */
	boolean configured(Long institutionId) {
		return notBlank(client(institutionId).clientId());
	}

	/** One app registration with its endpoints resolved. */
	record Client(String clientId, String clientSecret, String authorizeUrl, String tokenUrl) {

		@Override
		public String toString() {
			return "Client[" + this.clientId + "]";
		}

	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
