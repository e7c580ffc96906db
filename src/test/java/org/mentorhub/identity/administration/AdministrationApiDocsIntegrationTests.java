package org.mentorhub.identity.administration;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every administration endpoint is in the OpenAPI document, with its feature in its module's tag. */
@MentorHubIntegrationTest
class AdministrationApiDocsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theOpenApiDocumentDescribesTheAdministrationApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"/api/v1/institutions/{id}\"")))
			.andExpect(content().string(containsString("\"/api/v1/departments/{id}\"")))
			.andExpect(content().string(containsString("\"/api/v1/users/{id}/disable\"")))
			.andExpect(content().string(containsString("\"/api/v1/users/{id}/enable\"")))
			.andExpect(content().string(containsString("\"/api/v1/user-imports/{id}/commit\"")))
			.andExpect(content().string(containsString("\"/api/v1/user-imports/{id}/discard\"")))
			.andExpect(content().string(containsString("Search people")))
			.andExpect(content().string(containsString("**User imports**")));
	}

}
