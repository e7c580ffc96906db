package org.mentorhub.identity.sso;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.identity.SingleSignOnAccounts;
import org.mentorhub.platform.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Wires single sign-on: the institutions' client registrations, the token and JWKS calls to the
 * providers (each with a timeout, {@code mentorhub.identity.sso.timeout}, default 10 s), and the
 * {@code oauth2Login} that the platform's filter chain switches on through
 * {@link org.mentorhub.platform.SingleSignOnLogin}.
 */
@Configuration(proxyBeanMethods = false)
class SsoConfiguration {

	private final Duration timeout;

	SsoConfiguration(@Value("${mentorhub.identity.sso.timeout:10s}") Duration timeout) {
		this.timeout = timeout;
	}

	private JdkClientHttpRequestFactory requests() {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(this.timeout).build());
		factory.setReadTimeout(this.timeout);
		return factory;
	}

	@Bean
	InstitutionClientRegistrations institutionClientRegistrations(SsoSettingsStore store, SecretBox secrets,
			Environment environment) {
		return new InstitutionClientRegistrations(store, secrets, environment, this.timeout);
	}

	@Bean
	SsoLogin ssoLogin(InstitutionClientRegistrations registrations, SsoSettingsStore store,
			SingleSignOnAccounts accounts, SsoAuditing auditing) {
		RestClient tokenCalls = RestClient.builder()
			.requestFactory(requests())
			.configureMessageConverters(converters -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(tokenCalls);
		return new SsoLogin(registrations, new SsoUserService(store, accounts), tokens, auditing);
	}

	/**
	 * The ID-token decoders, one per registration and version of its JWKS address and issuer (Spring's
	 * own factory keeps the first decoder of a registration id for ever, and reads the keys without a
	 * timeout). Spring Security's {@code oauth2Login} picks this bean up.
	 */
	@Bean
	JwtDecoderFactory<ClientRegistration> ssoIdTokenDecoders() {
		Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
		RestTemplate keys = new RestTemplate(requests());
		return registration -> decoders.computeIfAbsent(
				registration.getRegistrationId() + " " + registration.getProviderDetails().getJwkSetUri() + " "
						+ registration.getProviderDetails().getIssuerUri() + " " + registration.getClientId(),
				key -> {
					NimbusJwtDecoder decoder = NimbusJwtDecoder
						.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
						.restOperations(keys)
						.build();
					decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
							new OidcIdTokenValidator(registration)));
					decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
					return decoder;
				});
	}

}
