package org.mentorhub.organization;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Institutions: the platform administrator's pages and API, their rules, audit and who may use them. */
@MentorHubIntegrationTest
class InstitutionAdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String login) {
		return user(this.users.loadUserByUsername(login));
	}

	static String uniqueCode() {
		return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	long institutionCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM institutions").query(Long.class).single();
	}

	static String json(String name, String code, String extra) {
		return "{\"name\":\"" + name + "\",\"code\":\"" + code + "\",\"kind\":\"COMPANY\",\"timeZone\":\"Europe/Berlin\""
				+ (extra.isEmpty() ? "" : "," + extra) + "}";
	}

	@Test
	void platformAdministratorCreatesAnInstitutionThroughTheApiAndItIsAudited() throws Exception {
		String code = uniqueCode();
		String body = this.mvc
			.perform(post("/api/v1/institutions").with(as("platform@mentorhub.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("Globex " + code, code.toLowerCase(Locale.ROOT),
						"\"selfRegistrationEnabled\":true,\"selfRegistrationDomains\":[\"Globex.example\",\"@staff.globex.example\"],"
								+ "\"requestResponseDays\":7,\"gpaScale\":5.0,\"mentorshipApprovalRequired\":true")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/institutions/")))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.kind").value("COMPANY"))
			.andExpect(jsonPath("$.selfRegistrationDomains[0]").value("globex.example"))
			.andExpect(jsonPath("$.selfRegistrationDomains[1]").value("staff.globex.example"))
			.andExpect(jsonPath("$.requestResponseDays").value(7))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));

		assertThat(this.jdbc.sql("SELECT after_state FROM audit_logs WHERE action = 'INSTITUTION_CREATED' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).contains(code, "globex.example");
		this.mvc.perform(get("/api/v1/institutions/{id}", id).with(as("platform@mentorhub.demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
			.andExpect(jsonPath("$.gpaScale").value(5.0));
		this.mvc.perform(get("/api/v1/institutions").with(as("platform@mentorhub.demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem(code)));
	}

	@Test
	void editingRecordsTheStateBeforeAndAfterAndAStaleVersionGets409() throws Exception {
		String code = uniqueCode();
		String created = this.mvc
			.perform(post("/api/v1/institutions").with(as("platform@mentorhub.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("Initech " + code, code, "")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

		this.mvc
			.perform(put("/api/v1/institutions/{id}", id).with(as("platform@mentorhub.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("Initech Renamed " + code, code, "\"securityQuestionEnabled\":true,\"version\":0")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Initech Renamed " + code))
			.andExpect(jsonPath("$.securityQuestionEnabled").value(true))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc
			.perform(put("/api/v1/institutions/{id}", id).with(as("platform@mentorhub.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("Lost update " + code, code, "\"version\":0")))
			.andExpect(status().isConflict());

		String before = this.jdbc.sql("SELECT before_state FROM audit_logs WHERE action = 'INSTITUTION_UPDATED' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single();
		assertThat(before).contains("\"name\":\"Initech " + code + "\"", "\"securityQuestionEnabled\":false");
		assertThat(this.jdbc.sql("SELECT name FROM institutions WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("Initech Renamed " + code);
	}

	@Test
	void badValuesAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
		long before = institutionCount();
		String tooLong = "x".repeat(201);
		this.mvc
			.perform(post("/api/v1/institutions").with(as("platform@mentorhub.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + tooLong + "\",\"code\":\"no spaces!\",\"timeZone\":\"Mars/Olympus\","
						+ "\"contactEmail\":\"not-an-email\",\"selfRegistrationEnabled\":true,"
						+ "\"selfRegistrationDomains\":[\"not a domain\",\"example..com\"],"
						+ "\"requestResponseDays\":61,\"gpaScale\":25}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("code")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("timeZone")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("contactEmail")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("selfRegistrationDomains")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("requestResponseDays")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("gpaScale")))
			.andExpect(jsonPath("$.errors[?(@.field == 'selfRegistrationDomains')].message",
					hasItem(containsString("example..com"))));
		this.mvc
			.perform(post("/api/v1/institutions").with(as("platform@mentorhub.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("", uniqueCode(), "\"selfRegistrationEnabled\":true")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[?(@.field == 'selfRegistrationDomains')].message",
					hasItem(containsString("at least one e-mail domain"))));

		assertThat(institutionCount()).isEqualTo(before);
	}

	@Test
	void aTakenCodeGetsAClearMessageWhateverItsCase() throws Exception {
		long before = institutionCount();
		this.mvc
			.perform(post("/api/v1/institutions").with(as("platform@mentorhub.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("Another Northbridge", "nbu", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].message").value(InstitutionAdministration.CODE_TAKEN));
		assertThat(institutionCount()).isEqualTo(before);
	}

	@Test
	void theFormPageCreatesAnInstitutionAndShowsProblemsBesideTheFields() throws Exception {
		String code = uniqueCode();
		this.mvc.perform(get("/platform/institutions").with(as("platform@mentorhub.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Northbridge University")))
			.andExpect(content().string(containsString("Acme Digital")));
		this.mvc.perform(get("/platform/institutions/new").with(as("platform@mentorhub.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")));

		this.mvc
			.perform(post("/platform/institutions").with(as("platform@mentorhub.demo"))
				.with(csrf())
				.param("name", "Umbrella " + code)
				.param("code", code)
				.param("kind", "UNIVERSITY")
				.param("timeZone", "Nowhere/Land")
				.param("requestResponseDays", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a time zone such as Europe/London")))
			.andExpect(content().string(containsString("Enter a number of days from 1 to 60.")))
			.andExpect(content().string(containsString("value=\"Umbrella " + code + "\"")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM institutions WHERE code = :c").param("c", code).query(Long.class).single())
			.isZero();

		this.mvc
			.perform(post("/platform/institutions").with(as("platform@mentorhub.demo"))
				.with(csrf())
				.param("name", "Umbrella " + code)
				.param("code", code)
				.param("kind", "UNIVERSITY")
				.param("timeZone", "America/New_York")
				.param("selfRegistrationEnabled", "true")
				.param("selfRegistrationDomains", "umbrella.example, students.umbrella.example")
				.param("requestResponseDays", "5")
				.param("gpaScale", "4.0"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/platform/institutions"));
		assertThat(this.jdbc.sql("SELECT self_registration_domains FROM institutions WHERE code = :c")
			.param("c", code)
			.query(String.class)
			.single()).isEqualTo("umbrella.example,students.umbrella.example");
	}

	@Test
	void onlyThePlatformAdministratorManagesInstitutions() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		List<String> logins = List.of(college.anAdmin().create(this.jdbc).email(),
				college.aMentor().inDepartment("CS").create(this.jdbc).email(),
				college.aCoordinator().inDepartment("CS").create(this.jdbc).email());
		long before = institutionCount();
		for (String login : logins) {
			this.mvc.perform(get("/api/v1/institutions").with(as(login))).andExpect(status().isForbidden());
			this.mvc.perform(get("/platform/institutions").with(as(login))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/api/v1/institutions").with(as(login))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(json("Sneaky", uniqueCode(), "")))
				.andExpect(status().isForbidden())
				.andExpect(content().string(not(containsString("Sneaky"))));
		}
		this.mvc.perform(get("/api/v1/institutions")).andExpect(status().isUnauthorized());
		assertThat(institutionCount()).isEqualTo(before);
	}

	@Test
	void anUnknownInstitutionIsNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/institutions/{id}", 987654321).with(as("platform@mentorhub.demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/platform/institutions/{id}", 987654321).with(as("platform@mentorhub.demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void changingWithoutACsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/platform/institutions").with(as("platform@mentorhub.demo"))
				.param("name", "No token")
				.param("code", uniqueCode())
				.param("kind", "COMPANY"))
			.andExpect(status().isForbidden());
	}

}
