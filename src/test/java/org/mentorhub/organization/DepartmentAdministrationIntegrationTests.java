package org.mentorhub.organization;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Departments: the administrator's pages and API, unique codes, tenancy and audit. */
@MentorHubIntegrationTest
class DepartmentAdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/** A fresh university and a fresh company of this test's own, and their administrators' logins. */
	TestInstitution college;

	TestInstitution company;

	String admin;

	String companyAdmin;

	@BeforeEach
	void freshInstitutions() {
		this.college = aUniversity().withDepartment("CS", "Computer Science").withDepartment("BUS", "Business School")
			.build(this.jdbc);
		this.company = aCompany().withDepartment("ENGR", "Engineering").withDepartment("PEOPLE", "People & Culture")
			.build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc).email();
		this.companyAdmin = this.company.anAdmin().create(this.jdbc).email();
	}

	RequestPostProcessor as(String login) {
		return user(this.users.loadUserByUsername(login));
	}

	static String uniqueCode() {
		return "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
	}

	long departmentCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM departments").query(Long.class).single();
	}

	long create(String login, String name, String code) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/departments").with(as(login))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"code\":\"" + code + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
	}

	@Test
	void theListShowsTheOwnInstitutionsDepartmentsWithMemberCounts() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.college.aStudent().inDepartment("CS").create(this.jdbc);
		}
		this.mvc.perform(get("/api/v1/departments").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("CS")))
			.andExpect(jsonPath("$[*].code", not(hasItem("ENGR"))))
			.andExpect(jsonPath("$[?(@.code == 'CS')].members", hasItem(greaterThanOrEqualTo(3))));
		this.mvc.perform(get("/admin/departments").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Computer Science")))
			.andExpect(content().string(not(containsString("People &amp; Culture"))));
	}

	@Test
	void administratorCreatesRenamesAndRecodesADepartmentAndEachChangeIsAudited() throws Exception {
		String code = uniqueCode();
		long id = create(this.admin, "Philosophy", code.toLowerCase(Locale.ROOT));
		this.mvc.perform(get("/api/v1/departments/{id}", id).with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.members").value(0));

		String newCode = uniqueCode();
		this.mvc
			.perform(patch("/api/v1/departments/{id}", id).with(as(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Philosophy and Ethics\",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Philosophy and Ethics"))
			.andExpect(jsonPath("$.code").value(code));
		this.mvc
			.perform(post("/admin/departments/{id}", id).with(as(this.admin))
				.with(csrf())
				.param("name", "Philosophy and Ethics")
				.param("code", newCode)
				.param("version", "1"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/departments"));

		assertThat(this.jdbc.sql("SELECT code FROM departments WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo(newCode);
		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'departments' AND entity_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("DEPARTMENT_CREATED", "DEPARTMENT_UPDATED", "DEPARTMENT_UPDATED");
		assertThat(this.jdbc.sql("SELECT before_state FROM audit_logs WHERE entity = 'departments' AND entity_id = :id "
				+ "AND action = 'DEPARTMENT_UPDATED' ORDER BY id DESC LIMIT 1")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).contains(code);
	}

	@Test
	void aCodeIsUniqueInTheInstitutionButFreeInAnother() throws Exception {
		long before = departmentCount();
		this.mvc
			.perform(post("/api/v1/departments").with(as(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Computing again\",\"code\":\"cs\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].message").value(DepartmentAdministration.CODE_TAKEN));
		this.mvc
			.perform(post("/admin/departments").with(as(this.admin))
				.with(csrf())
				.param("name", "Computing again")
				.param("code", "CS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(DepartmentAdministration.CODE_TAKEN)));
		long cs = this.college.department("CS");
		this.mvc
			.perform(patch("/api/v1/departments/{id}", this.college.department("BUS")).with(as(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"CS\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(DepartmentAdministration.CODE_TAKEN));
		assertThat(departmentCount()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT code FROM departments WHERE id = :id").param("id", cs).query(String.class).single())
			.isEqualTo("CS");

		String sharedCode = uniqueCode();
		create(this.admin, "Shared code at the university", sharedCode);
		create(this.companyAdmin, "Shared code at the company", sharedCode);
	}

	@Test
	void blankOversizedAndMalformedValuesAreRefusedAndNothingIsWritten() throws Exception {
		long before = departmentCount();
		this.mvc
			.perform(post("/api/v1/departments").with(as(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + "n".repeat(201) + "\",\"code\":\"a b\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("code")));
		this.mvc
			.perform(post("/admin/departments").with(as(this.admin))
				.with(csrf())
				.param("name", "   ")
				.param("code", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter the department&#39;s name")));
		long cs = this.college.department("CS");
		this.mvc
			.perform(post("/admin/departments/{id}", cs).with(as(this.admin))
				.with(csrf())
				.param("name", "")
				.param("code", "CS"))
			.andExpect(status().isBadRequest());
		assertThat(departmentCount()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT name FROM departments WHERE id = :id").param("id", cs).query(String.class).single())
			.isEqualTo("Computer Science");
	}

	@Test
	void anotherInstitutionsDepartmentIsNotFoundAndStaysUnchanged() throws Exception {
		long acme = this.company.department("ENGR");
		this.mvc.perform(get("/api/v1/departments/{id}", acme).with(as(this.admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Engineering"))));
		this.mvc.perform(get("/admin/departments/{id}", acme).with(as(this.admin)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(patch("/api/v1/departments/{id}", acme).with(as(this.admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Hijacked\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/departments/{id}", acme).with(as(this.admin))
				.with(csrf())
				.param("name", "Hijacked")
				.param("code", "ENGR"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT name FROM departments WHERE id = :id").param("id", acme).query(String.class).single())
			.isNotEqualTo("Hijacked");
	}

	@Test
	void mentorsCoordinatorsAndThePlatformAdministratorCannotManageDepartments() throws Exception {
		long before = departmentCount();
		long cs = this.college.department("CS");
		for (String login : new String[] { this.college.aMentor().inDepartment("CS").create(this.jdbc).email(),
				this.college.aCoordinator().inDepartment("CS").create(this.jdbc).email(),
				this.college.aStudent().inDepartment("CS").create(this.jdbc).email(),
				TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc).email() }) {
			this.mvc.perform(get("/api/v1/departments").with(as(login))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/departments").with(as(login))).andExpect(status().isForbidden());
			this.mvc
				.perform(patch("/api/v1/departments/{id}", cs).with(as(login))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Renamed by " + login + "\"}"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/departments").with(as(login)).with(csrf()).param("name", "X").param("code", uniqueCode()))
				.andExpect(status().isForbidden());
		}
		assertThat(departmentCount()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT name FROM departments WHERE id = :id").param("id", cs).query(String.class).single())
			.isEqualTo("Computer Science");
	}

}
