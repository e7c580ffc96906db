package org.mentorhub.platform.web;

import org.mentorhub.platform.PlatformProperties;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's server is MentorHub's configured public address
 * ({@code mentorhub.platform.base-url}); springdoc would otherwise name whatever host the request's
 * {@code Host} header claimed, and a client generated from the document would call it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiServerConfiguration {

	@Bean
	ServerBaseUrlCustomizer configuredServerBaseUrl(PlatformProperties platform) {
		String baseUrl = platform.baseUrl().toString().replaceAll("/+$", "");
		return (fromRequest, request) -> baseUrl;
	}

}
