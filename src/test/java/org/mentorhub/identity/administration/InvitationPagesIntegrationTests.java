package org.mentorhub.identity.administration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The invitation form of administrators and its API twin, and the public activation page and API
 * behind the invitation link.
 */
@MentorHubIntegrationTest
class InvitationPagesIntegrationTests {

	static final String PASSWORD = "quiet harbour lantern 42";

	static final String CHOSEN = "silver birch over the lake";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A fresh university and a fresh company of this test's own. */
	TestInstitution college;

	TestInstitution company;

	@BeforeEach
	void freshInstitutions() {
		this.college = aUniversity().withDepartment("CS", "Computer Science").build(this.jdbc);
		this.company = aCompany().withDepartment("SALES", "Sales").build(this.jdbc);
	}

	Cookie admin(String institution) throws Exception {
		String email = Accounts.anAccount().in(institution).withRole("ADMIN")
			.withEmail("admin-" + Accounts.unique() + "@" + institution.toLowerCase() + ".example")
			.create(this.jdbc);
		return Accounts.signIn(this.mvc, email, PASSWORD);
	}

	@Test
	void theFormOffersTheRolesAndDepartmentsOfTheAdministratorsInstitutionOnly() throws Exception {
		this.mvc.perform(get("/admin/users/invite").cookie(admin(this.college.code())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Computer Science")))
			.andExpect(content().string(not(containsString("Sales"))))
			.andExpect(content().string(containsString("value=\"NEW_MOTHER\"")))
			.andExpect(content().string(not(containsString("value=\"PLATFORM_ADMIN\""))));
	}

	@Test
	void anInvitedPersonActivatesTheAccountThroughTheLinkOnce() throws Exception {
		String email = "ines-" + Accounts.unique() + "@mentorhub.test";
		this.mvc.perform(post("/admin/users/invite").cookie(admin(this.college.code())).with(csrf())
			.param("email", email)
			.param("fullName", "Ines Invited")
			.param("roles", "MENTOR", "MENTEE")
			.param("departmentId", String.valueOf(this.college.department("CS"))))
			.andExpect(redirectedUrl("/admin/users/invite"))
			.andExpect(flash().attribute("invited", email));
		assertThat(Accounts.column(this.jdbc, "status", email)).isEqualTo("INVITED");
		String token = Accounts.tokenMailedTo(this.jdbc, email, "/account/activate");

		this.mvc.perform(get("/account/activate").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose your password")));
		this.mvc.perform(post("/account/activate").with(csrf())
			.param("token", token)
			.param("password", CHOSEN)
			.param("passwordConfirmation", CHOSEN + " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The two passwords are not the same.")));
		this.mvc.perform(post("/account/activate").with(csrf())
			.param("token", token)
			.param("password", "password1")
			.param("passwordConfirmation", "password1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too common")));
		assertThat(Accounts.column(this.jdbc, "status", email)).isEqualTo("INVITED");

		this.mvc.perform(post("/account/activate").with(csrf())
			.param("token", token)
			.param("password", CHOSEN)
			.param("passwordConfirmation", CHOSEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your account is active")))
			.andExpect(content().string(containsString("href=\"/login\"")));

		assertThat(Accounts.column(this.jdbc, "status", email)).isEqualTo("ACTIVE");
		Accounts.signIn(this.mvc, email, CHOSEN);
		this.mvc.perform(get("/account/activate").param("token", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This invitation link cannot be used")));
		this.mvc.perform(post("/account/activate").with(csrf())
			.param("token", token)
			.param("password", "another good passphrase")
			.param("passwordConfirmation", "another good passphrase"))
			.andExpect(status().isGone());
	}

	@Test
	void theActivationApiIsPublicAndRefusesAnUnknownToken() throws Exception {
		this.mvc.perform(post("/api/v1/account/activation").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"made-up\",\"password\":\"" + CHOSEN + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("token"))
			.andExpect(jsonPath("$.errors[0].message", containsString("expired or has already been used")));
		this.mvc.perform(get("/account/activate")).andExpect(status().isGone());
	}

	@Test
	void theApiInvitesAndTheActivationApiActivates() throws Exception {
		String email = "api-" + Accounts.unique() + "@mentorhub.test";
		this.mvc.perform(post("/api/v1/users/invitations").cookie(admin(this.college.code())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"fullName\":\"Api Invitee\",\"roles\":[\"MENTEE\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.status").value("INVITED"));
		String token = Accounts.tokenMailedTo(this.jdbc, email, "/account/activate");

		this.mvc.perform(post("/api/v1/account/activation").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\",\"password\":\"" + CHOSEN + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email));
		assertThat(Accounts.column(this.jdbc, "status", email)).isEqualTo("ACTIVE");
	}

	@Test
	void badInvitationsAreRefusedBesideTheirFieldsAndNothingIsWritten() throws Exception {
		Cookie admin = admin(this.college.code());
		String existing = this.college.aStudent().create(this.jdbc).email();
		long users = Accounts.count(this.jdbc, "SELECT COUNT(*) FROM users");

		this.mvc.perform(post("/admin/users/invite").cookie(admin).with(csrf())
			.param("email", "not-an-address")
			.param("fullName", "")
			.param("departmentId", String.valueOf(this.company.department("SALES"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a valid e-mail address.")))
			.andExpect(content().string(containsString("Choose at least one role.")))
			.andExpect(content().string(containsString("Choose a department of your institution.")));
		this.mvc.perform(post("/admin/users/invite").cookie(admin).with(csrf())
			.param("email", existing)
			.param("fullName", "Duplicate")
			.param("roles", "MENTEE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("already exists")));
		this.mvc.perform(post("/admin/users/invite").cookie(admin).with(csrf())
			.param("email", "pa-" + Accounts.unique() + "@mentorhub.test")
			.param("fullName", "Pat Platform")
			.param("roles", "PLATFORM_ADMIN"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose roles from the list.")));
		this.mvc.perform(post("/admin/users/invite").cookie(admin).with(csrf())
			.param("email", "dep-" + Accounts.unique() + "@mentorhub.test")
			.param("fullName", "Dee Department")
			.param("roles", "MENTEE")
			.param("departmentId", "abc"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/users/invitations").cookie(admin).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + "x".repeat(330) + "@mentorhub.test\",\"fullName\":\"" + "N".repeat(201)
					+ "\",\"roles\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3));
		this.mvc.perform(post("/admin/users/invite").cookie(admin)
			.param("email", "nocsrf-" + Accounts.unique() + "@mentorhub.test")
			.param("fullName", "No Csrf")
			.param("roles", "MENTEE"))
			.andExpect(status().isForbidden());

		assertThat(Accounts.count(this.jdbc, "SELECT COUNT(*) FROM users")).isEqualTo(users);
	}

	@Test
	void peopleWithoutUserManagementCannotInvite() throws Exception {
		String mentor = Accounts.anAccount().withRole("MENTOR").create(this.jdbc);
		Cookie session = Accounts.signIn(this.mvc, mentor, PASSWORD);
		String email = "mentor-invites-" + Accounts.unique() + "@mentorhub.test";

		this.mvc.perform(get("/admin/users/invite").cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/invite").cookie(session).with(csrf())
			.param("email", email)
			.param("fullName", "Nope")
			.param("roles", "MENTEE"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/users/invitations").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"fullName\":\"Nope\",\"roles\":[\"MENTEE\"]}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/users/invitations").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"fullName\":\"Nope\",\"roles\":[\"MENTEE\"]}"))
			.andExpect(status().isUnauthorized());

		assertThat(Accounts.count(this.jdbc, "SELECT COUNT(*) FROM users WHERE email = ?", email)).isZero();
	}

	@Test
	void anAdministratorInvitesOnlyIntoTheirOwnInstitution() throws Exception {
		String email = "acme-" + Accounts.unique() + "@mentorhub.test";
		this.mvc.perform(post("/api/v1/users/invitations").cookie(admin(this.company.code())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"fullName\":\"Acme Person\",\"roles\":[\"MENTEE\"],"
					+ "\"departmentId\":" + this.college.department("CS") + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("departmentId"));
		this.mvc.perform(post("/api/v1/users/invitations").cookie(admin(this.company.code())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"fullName\":\"Acme Person\",\"roles\":[\"MENTEE\"]}"))
			.andExpect(status().isCreated());

		assertThat(this.jdbc.sql("SELECT i.code FROM users u JOIN institutions i ON i.id = u.institution_id WHERE u.email = :e")
			.param("e", email)
			.query(String.class)
			.single()).isEqualTo(this.company.code());
	}

}
