package org.mentorhub.identity.browsersessions;

import java.util.List;

import jakarta.servlet.http.Cookie;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "My sessions": a person sees their own signed-in sessions and ends any of them, nobody else's. */
@MentorHubIntegrationTest
class MySessionsIntegrationTests {

	static final String PASSWORD = "quiet harbour lantern 42";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	List<String> references(Cookie session) throws Exception {
		String json = this.mvc.perform(get("/api/v1/account/sessions").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$[*].reference");
	}

	String currentReference(Cookie session) throws Exception {
		String json = this.mvc.perform(get("/api/v1/account/sessions").cookie(session)).andReturn().getResponse().getContentAsString();
		List<String> current = JsonPath.read(json, "$[?(@.current == true)].reference");
		assertThat(current).hasSize(1);
		return current.get(0);
	}

	void assertSignedIn(Cookie session) throws Exception {
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
	}

	void assertSignedOut(Cookie session) throws Exception {
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void aPersonSeesTheirSessionsWithTheCurrentOneMarkedAndNoSessionIds() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie laptop = Accounts.signIn(this.mvc, email, PASSWORD);
		Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(get("/api/v1/account/sessions").cookie(laptop))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[?(@.current == true)]", hasSize(1)))
			.andExpect(jsonPath("$[0].createdAt").exists())
			.andExpect(jsonPath("$[0].lastUsedAt").exists())
			.andExpect(content().string(not(containsString(laptop.getValue()))));
		this.mvc.perform(get("/account/sessions").cookie(laptop))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This browser")))
			.andExpect(content().string(containsString("Sign out everywhere else")));
	}

	@Test
	void endingOneSessionSignsOnlyThatBrowserOut() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie laptop = Accounts.signIn(this.mvc, email, PASSWORD);
		Cookie phone = Accounts.signIn(this.mvc, email, PASSWORD);
		String phoneReference = currentReference(phone);

		this.mvc.perform(delete("/api/v1/account/sessions/{reference}", phoneReference).cookie(laptop).with(csrf()))
			.andExpect(status().isNoContent());

		assertSignedOut(phone);
		assertSignedIn(laptop);
		assertThat(Accounts.auditedActions(this.jdbc, Accounts.userId(this.jdbc, email))).contains("SESSION_ENDED");
	}

	@Test
	void thePageEndsASessionWithAPostAndReloadsTheList() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie laptop = Accounts.signIn(this.mvc, email, PASSWORD);
		Cookie phone = Accounts.signIn(this.mvc, email, PASSWORD);
		String phoneReference = currentReference(phone);

		this.mvc.perform(post("/account/sessions/{reference}/end", phoneReference).cookie(laptop))
			.andExpect(status().isForbidden());
		assertSignedIn(phone);

		this.mvc.perform(post("/account/sessions/{reference}/end", phoneReference).cookie(laptop).with(csrf()))
			.andExpect(redirectedUrl("/account/sessions?ended-one"));
		assertSignedOut(phone);

		Cookie tablet = Accounts.signIn(this.mvc, email, PASSWORD);
		this.mvc.perform(post("/account/sessions/{reference}/end", currentReference(tablet)).cookie(laptop)
			.with(csrf())
			.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sessions\"")))
			.andExpect(content().string(not(containsString("<html"))));
		assertSignedOut(tablet);
	}

	@Test
	void thePageAsksBeforeEndingOneSession() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie laptop = Accounts.signIn(this.mvc, email, PASSWORD);
		Cookie phone = Accounts.signIn(this.mvc, email, PASSWORD);
		String phoneReference = currentReference(phone);
		String laptopReference = currentReference(laptop);

		String page = this.mvc.perform(get("/account/sessions").cookie(laptop))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String action = "action=\"/account/sessions/" + phoneReference + "/end\"";
		int details = page.indexOf("<details class=\"confirm-action mb-2\" id=\"end-" + phoneReference + "\"");
		assertThat(details).as("the phone's end action is a confirmation").isPositive();
		String confirmation = page.substring(details, page.indexOf("</details>", details));
		assertThat(page.indexOf(action)).as("the only form that ends it is inside the confirmation")
			.isEqualTo(page.lastIndexOf(action))
			.isGreaterThan(details);
		assertThat(confirmation).contains(action)
			.contains("That browser is signed out at once.")
			.contains("Yes, end it");
		String mine = page.substring(page.indexOf("id=\"end-" + laptopReference + "\""));
		assertThat(mine.substring(0, mine.indexOf("</details>"))).contains("This is the browser you are using");
		assertSignedIn(phone);
	}

	@Test
	void signingOutEverywhereElseKeepsOnlyThisSession() throws Exception {
		String email = Accounts.anAccount().create(this.jdbc);
		Cookie laptop = Accounts.signIn(this.mvc, email, PASSWORD);
		Cookie phone = Accounts.signIn(this.mvc, email, PASSWORD);
		Cookie tablet = Accounts.signIn(this.mvc, email, PASSWORD);

		this.mvc.perform(delete("/api/v1/account/sessions").cookie(laptop).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ended").value(2));

		assertSignedOut(phone);
		assertSignedOut(tablet);
		assertSignedIn(laptop);
		assertThat(references(laptop)).hasSize(1);
	}

	@Test
	void nobodyCanEndAnotherPersonsSession() throws Exception {
		String victim = Accounts.anAccount().create(this.jdbc);
		// Each account is in a fresh university of its own.
		String other = Accounts.anAccount().create(this.jdbc);
		Cookie victimSession = Accounts.signIn(this.mvc, victim, PASSWORD);
		Cookie otherSession = Accounts.signIn(this.mvc, other, PASSWORD);
		String victimReference = currentReference(victimSession);

		this.mvc.perform(delete("/api/v1/account/sessions/{reference}", victimReference).cookie(otherSession).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/account/sessions/{reference}/end", victimReference).cookie(otherSession).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/account/sessions/{reference}", "not-a-reference").cookie(otherSession).with(csrf()))
			.andExpect(status().isNotFound());

		assertSignedIn(victimSession);
		assertThat(references(otherSession)).doesNotContain(victimReference);
	}

	@Test
	void anonymousCallersHaveNoSessionsToSee() throws Exception {
		this.mvc.perform(get("/api/v1/account/sessions").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/account/sessions")).andExpect(redirectedUrl("/login"));
	}

}
