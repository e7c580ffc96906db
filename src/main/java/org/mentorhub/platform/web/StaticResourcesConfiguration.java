package org.mentorhub.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static resources are served from their own URL prefixes, never from {@code /**}, versioned by
 * their content and cached by browsers for a year.
 * <p>
 * Why the prefixes: Thymeleaf passes every {@code @{...}} link through {@code ResourceUrlEncodingFilter}
 * (Boot registers it because webjars-locator-lite is present). With Boot's default {@code /**}
 * static pattern every link to a page ({@code /sessions/42}) matches a resource handler and is looked
 * up on the class path, and misses are never cached (spring-framework #34014, #27538): that lookup
 * took about 85% of the CPU of a page. With the handlers below only real resource links are resolved,
 * and the resource chain's cache keeps each resolved link (with its content hash) after the first
 * page; {@code spring.web.resources.add-mappings=false} switches Boot's {@code /**} handler off.
 * {@code StaticResourcesIntegrationTests} pins this.
 * <p>
 * Why a year: every link carries the version of what it points to (a webjar's version in its path,
 * a content hash in the name of our own files, {@code /css/mentorhub-<md5>.css}), so a changed file
 * gets a new URL and a browser never needs to ask again.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

	/** The folders under {@code static/}, each served at its own prefix ({@code /css/**}, ...). */
	static final String[] LOCAL_FOLDERS = { "css", "js", "img" };

	static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Versionless webjar links (/webjars/htmx.org/dist/htmx.min.js) are resolved by the resource
		// chain's webjars-locator-lite resolver, added by resourceChain(true), and rewritten in pages to
		// the versioned path.
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true);
		for (String folder : LOCAL_FOLDERS) {
			// The content strategy also makes CssLinkResourceTransformer version the links inside our CSS.
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		// Browsers ask for /favicon.ico on their own, so it cannot carry a version: cached for a day.
		// An exact path, no pattern: it never matches a page link.
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.resourceChain(true);
	}

}
