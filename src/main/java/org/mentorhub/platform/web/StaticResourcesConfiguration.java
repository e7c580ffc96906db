package org.mentorhub.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static resources are served from their own URL prefixes, never from {@code /**}.
 * <p>
 * Why: Thymeleaf passes every {@code @{...}} link through {@code ResourceUrlEncodingFilter} (Boot
 * registers it because webjars-locator-lite is present). With Boot's default {@code /**} static
 * pattern every link to a page ({@code /sessions/42}) matches a resource handler and is looked up on
 * the class path, and misses are never cached (spring-framework #34014, #27538): that lookup took
 * about 85% of the CPU of a page. With the handlers below only real resource links are resolved
 * (and cached); {@code spring.web.resources.add-mappings=false} switches Boot's {@code /**} handler
 * off. {@code StaticResourcesIntegrationTests} pins this.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

	/** The folders under {@code static/}, each served at its own prefix ({@code /css/**}, ...). */
	static final String[] LOCAL_FOLDERS = { "css", "js", "img" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Versionless webjar links (/webjars/htmx.org/dist/htmx.min.js) are resolved by the resource
		// chain's webjars-locator-lite resolver, added by resourceChain(true), and rewritten in pages to
		// the versioned path.
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
		for (String folder : LOCAL_FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
	}

}
