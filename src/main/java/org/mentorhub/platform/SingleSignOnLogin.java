package org.mentorhub.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;

/**
 * Sign-in with an organisation's OpenID Connect provider. The identity module implements it (its
 * client registrations, user matching, auditing and where a sign-in lands); the security filter
 * chain turns {@code oauth2Login} on only when a bean of this type exists.
 */
public interface SingleSignOnLogin {

	/** Configures Spring Security's {@code oauth2Login} for the one filter chain. */
	void configure(OAuth2LoginConfigurer<HttpSecurity> login);

}
