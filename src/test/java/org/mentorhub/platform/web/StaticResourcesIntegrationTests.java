package org.mentorhub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Pins the static-resource set-up of {@link StaticResourcesConfiguration}: no resource handler
 * matches {@code /**}, so a link to a page is never looked up on the class path (the lookup that
 * cost about 85% of a page's CPU, spring-framework #34014), while resources are still served and
 * webjar links still get their version.
 */
@MentorHubIntegrationTest
class StaticResourcesIntegrationTests {

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Autowired
	MockMvc mvc;

	@Test
	void onlyTheResourcePrefixesHaveResourceHandlers() {
		assertThat(this.resourceUrls.getHandlerMap()).containsKeys("/webjars/**", "/css/**", "/js/**", "/img/**")
			.doesNotContainKey("/**");
		// Every pattern starts with a literal folder (springdoc adds /swagger-ui/**), or is one exact file
		// (/favicon.ico), so page links never match.
		assertThat(this.resourceUrls.getHandlerMap().keySet())
			.allMatch(pattern -> pattern.matches("/[a-z-]+/.*") || pattern.matches("/[a-z-]+\\.[a-z]+"));
	}

	@Test
	void ourOwnFilesAreLinkedWithTheirContentHashAndCachedForAYear() throws Exception {
		String css = this.resourceUrls.getForLookupPath("/css/mentorhub.css");
		assertThat(css).matches("/css/mentorhub-[0-9a-f]{32}\\.css");
		// The resolved link is kept: the second page asks the cache, not the class path.
		assertThat(this.resourceUrls.getForLookupPath("/css/mentorhub.css")).isEqualTo(css);
		MvcResult served = this.mvc.perform(get(css)).andReturn();
		assertThat(served.getResponse().getStatus()).isEqualTo(200);
		assertThat(served.getResponse().getHeader("Cache-Control")).contains("max-age=31536000", "immutable");
		String login = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(login).contains(css).containsPattern("/js/mentorhub-[0-9a-f]{32}\\.js");
	}

	@Test
	void webjarsAreCachedForAYear() throws Exception {
		String htmx = this.resourceUrls.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js");
		assertThat(this.mvc.perform(get(htmx)).andReturn().getResponse().getHeader("Cache-Control"))
			.contains("max-age=31536000");
	}

	@Test
	void theFaviconIsServed() throws Exception {
		MvcResult icon = this.mvc.perform(get("/favicon.ico")).andReturn();
		assertThat(icon.getResponse().getStatus()).isEqualTo(200);
		assertThat(icon.getResponse().getContentAsByteArray()).startsWith(new byte[] { 0, 0, 1, 0 });
	}

	@Test
	void aLinkToAPageIsNotAResource() {
		assertThat(this.resourceUrls.getForLookupPath("/sessions/42")).isNull();
		assertThat(this.resourceUrls.getForLookupPath("/api/v1/me")).isNull();
	}

	@Test
	void aVersionlessWebjarLinkIsRewrittenToItsVersionAndServed() throws Exception {
		String htmx = this.resourceUrls.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js");
		assertThat(htmx).matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
		MvcResult served = this.mvc.perform(get(htmx)).andReturn();
		assertThat(served.getResponse().getStatus()).isEqualTo(200);
		assertThat(this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void theApplicationsOwnStylesAndScriptsAreServed() throws Exception {
		assertThat(this.mvc.perform(get("/css/mentorhub.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(this.mvc.perform(get("/js/availability.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(this.mvc.perform(get("/css/nothing-here.css")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void thePagesLinkTheVersionedWebjars() throws Exception {
		String login = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(login).containsPattern("/webjars/bootstrap/\\d[^/\"]*/css/bootstrap\\.min\\.css")
			.containsPattern("/webjars/htmx\\.org/\\d[^/\"]*/dist/htmx\\.min\\.js")
			.containsPattern("/webjars/bootstrap-icons/\\d[^/\"]*/font/bootstrap-icons\\.min\\.css");
	}

}
