package org.mentorhub.identity.administration;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.identity.Invitations.Invitation;
import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.identity.UserSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** People administration: search, paging, edits, disable and enable, and who may see and do what. */
@MentorHubIntegrationTest
class UserAdministrationIntegrationTests {

	static final String PASSWORD = "lantern meadow quietly 42";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Invitations invitations;

	@Autowired
	UserSessions sessions;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String login) {
		return user(this.users.loadUserByUsername(login));
	}

	<T> T runAs(String login, Supplier<T> work) {
		UserDetails details = this.users.loadUserByUsername(login);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	long department(String institutionCode, String code) {
		return this.jdbc.sql("SELECT d.id FROM departments d JOIN institutions i ON i.id = d.institution_id "
				+ "WHERE i.code = :i AND d.code = :d")
			.param("i", institutionCode)
			.param("d", code)
			.query(Long.class)
			.single();
	}

	long userId(String email) {
		return this.jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(Long.class).single();
	}

	/** An invited Northbridge person. */
	long invite(String email, String name, RoleName role, Long departmentId) {
		return runAs("admin@northbridge.demo",
				() -> this.invitations.invite(new Invitation(email, name, List.of(role), departmentId)));
	}

	/** An active Northbridge person who can sign in with {@link #PASSWORD}. */
	long activePerson(String email, String name, RoleName role, Long departmentId) {
		long id = invite(email, name, role, departmentId);
		String body = this.jdbc.sql("SELECT body_text FROM outbox_mails WHERE recipient = :to ORDER BY id DESC LIMIT 1")
			.param("to", email)
			.query(String.class)
			.single();
		Matcher token = Pattern.compile("/account/activate\\?token=([A-Za-z0-9_-]+)").matcher(body);
		assertThat(token.find()).isTrue();
		this.invitations.accept(token.group(1), PASSWORD);
		return id;
	}

	String statusOf(long id) {
		return this.jdbc.sql("SELECT status FROM users WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void searchMatchesNameEmailOrUsernameAndFiltersByRoleDepartmentAndStatus() throws Exception {
		String tag = tag();
		long cs = department("NBU", "CS");
		long bus = department("NBU", "BUS");
		invite("ada." + tag + "@northbridge.demo", "Ada Finder " + tag, RoleName.MENTOR, cs);
		invite("bob." + tag + "@northbridge.demo", "Bob Finder " + tag, RoleName.MENTEE, bus);

		this.mvc.perform(get("/api/v1/users").param("query", "FINDER " + tag).with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content[0].fullName").value("Ada Finder " + tag))
			.andExpect(jsonPath("$.content[0].status").value("INVITED"))
			.andExpect(jsonPath("$.content[0].departmentName").value("Computer Science"))
			.andExpect(jsonPath("$.content[0].roles[0]").value("MENTOR"));
		this.mvc.perform(get("/api/v1/users").param("query", "bob." + tag).with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.totalElements").value(1));
		this.mvc
			.perform(get("/api/v1/users").param("query", tag).param("role", "mentee").with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].fullName").value("Bob Finder " + tag));
		this.mvc
			.perform(get("/api/v1/users").param("query", tag)
				.param("department", String.valueOf(cs))
				.with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].fullName").value("Ada Finder " + tag));
		this.mvc
			.perform(get("/api/v1/users").param("query", tag).param("status", "ACTIVE").with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get("/api/v1/users").param("query", "%").with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void resultsArePagedAndSortedOnTheServer() throws Exception {
		String tag = tag();
		for (String letter : new String[] { "c", "a", "e", "b", "d" }) {
			invite(letter + "-pager-" + tag + "@northbridge.demo", "Pager " + letter.toUpperCase(Locale.ROOT) + " " + tag,
					RoleName.MENTEE, null);
		}
		this.mvc
			.perform(get("/api/v1/users").param("query", "pager-" + tag)
				.param("size", "2")
				.param("page", "1")
				.param("sort", "email,desc")
				.with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(5))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.content[0].email").value("c-pager-" + tag + "@northbridge.demo"))
			.andExpect(jsonPath("$.content[1].email").value("b-pager-" + tag + "@northbridge.demo"));
		this.mvc.perform(get("/api/v1/users").with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.size").value(UserAdministration.PAGE_SIZE))
			.andExpect(jsonPath("$.content.length()").value(UserAdministration.PAGE_SIZE));
		this.mvc.perform(get("/api/v1/users").param("size", "1000").with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.size").value(UserAdministration.MAX_PAGE_SIZE));
		this.mvc
			.perform(get("/admin/users").param("query", "pager-" + tag)
				.param("sort", "name,desc")
				.with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("5 people")))
			.andExpect(content().string(containsString("aria-sort=\"descending\"")));
	}

	@Test
	void unknownRolesStatusesAndSortColumnsGetAClearMessage() throws Exception {
		this.mvc.perform(get("/api/v1/users").param("role", "WIZARD").with(as("admin@northbridge.demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Unknown role 'WIZARD'")));
		this.mvc.perform(get("/api/v1/users").param("status", "ASLEEP").with(as("admin@northbridge.demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/v1/users").param("sort", "passwordHash").with(as("admin@northbridge.demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Sort by name, email")));
	}

	@Test
	void thePageWorksWithoutJavaScriptAndAnHtmxRequestGetsOnlyTheResults() throws Exception {
		this.mvc.perform(get("/admin/users").param("query", "Maya Singh").with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<form id=\"user-search\"")))
			.andExpect(content().string(containsString("href=\"/admin/users/invite\"")))
			.andExpect(content().string(containsString("href=\"/admin/users/import\"")))
			.andExpect(content().string(containsString("Dr. Maya Singh")));
		this.mvc
			.perform(get("/admin/users").param("query", "Maya Singh")
				.header("HX-Request", "true")
				.with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-results\"")))
			.andExpect(content().string(containsString("Dr. Maya Singh")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("user-search\" class"))));
	}

	@Test
	void theFirstPageLinksToTheNextWithAndWithoutHtmxAndThePreviousIsDisabled() throws Exception {
		this.mvc.perform(get("/admin/users").with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"next-page\" href=\"/admin/users?")))
			.andExpect(content().string(containsString("hx-get=\"/admin/users?")))
			.andExpect(content().string(containsString("page=1")))
			.andExpect(content().string(containsString("hx-target=\"#user-results\"")))
			.andExpect(content().string(containsString("aria-disabled=\"true\"")));
	}

	@Test
	void administratorChangesRolesPrimaryRoleAndDepartmentAndTheChangeIsAudited() throws Exception {
		String tag = tag();
		long cs = department("NBU", "CS");
		long bus = department("NBU", "BUS");
		long id = invite("roles-" + tag + "@northbridge.demo", "Rolf Roles", RoleName.MENTEE, cs);

		this.mvc
			.perform(patch("/api/v1/users/{id}", id).with(as("admin@northbridge.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"MENTOR\",\"COORDINATOR\"],\"primaryRole\":\"COORDINATOR\",\"departmentId\":" + bus
						+ ",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.primaryRole").value("COORDINATOR"))
			.andExpect(jsonPath("$.roles", hasItem("MENTOR")))
			.andExpect(jsonPath("$.roles", not(hasItem("MENTEE"))))
			.andExpect(jsonPath("$.departmentName").value("Business School"));
		String[] audit = this.jdbc.sql("SELECT before_state, after_state FROM audit_logs WHERE action = 'USER_UPDATED' "
				+ "AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		assertThat(audit[0]).contains("MENTEE", "\"departmentId\":" + cs);
		assertThat(audit[1]).contains("COORDINATOR", "MENTOR", "\"departmentId\":" + bus);

		this.mvc
			.perform(post("/admin/users/{id}", id).with(as("admin@northbridge.demo"))
				.with(csrf())
				.param("roles", "MENTOR")
				.param("primaryRole", "MENTOR")
				.param("departmentId", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users/" + id));
		this.mvc.perform(get("/admin/users/{id}", id).with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rolf Roles")))
			.andExpect(content().string(containsString("id=\"disable-form\"")));
		assertThat(this.jdbc.sql("SELECT department_id FROM users WHERE id = :id").param("id", id).query(Long.class).optional())
			.isEmpty();
	}

	@Test
	void badChangesAreRefusedWithClearMessagesAndNothingChanges() throws Exception {
		String tag = tag();
		long cs = department("NBU", "CS");
		long acme = department("ACME", "ENGR");
		long id = invite("bad-" + tag + "@northbridge.demo", "Bea Bad", RoleName.MENTEE, cs);
		String[][] cases = { { "{\"roles\":[]}", "roles", "Choose at least one role." },
				{ "{\"roles\":[\"PLATFORM_ADMIN\"]}", "roles", "platform administrator" },
				{ "{\"roles\":[\"WIZARD\"]}", "roles", "Unknown role 'WIZARD'" },
				{ "{\"departmentId\":" + acme + "}", "departmentId", "Choose a department of your institution." },
				{ "{\"roles\":[\"MENTOR\"],\"primaryRole\":\"ADMIN\"}", "primaryRole", "must be one of the chosen roles" },
				{ "{\"roles\":[\"COORDINATOR\"],\"noDepartment\":true}", "departmentId", "coordinator needs a department" } };
		for (String[] bad : cases) {
			this.mvc
				.perform(patch("/api/v1/users/{id}", id).with(as("admin@northbridge.demo"))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(bad[0]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem(bad[1])))
				.andExpect(jsonPath("$.errors[*].message", hasItem(containsString(bad[2]))));
		}
		this.mvc
			.perform(post("/admin/users/{id}", id).with(as("admin@northbridge.demo"))
				.with(csrf())
				.param("primaryRole", "MENTEE")
				.param("departmentId", String.valueOf(acme)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose at least one role.")))
			.andExpect(content().string(containsString("Choose a department of your institution.")));
		assertThat(this.jdbc.sql("SELECT department_id FROM users WHERE id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(cs);
		assertThat(this.jdbc.sql("SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("MENTEE");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'USER_UPDATED' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void disablingEndsThePersonsSessionsAtOnceAndEnablingLetsThemBackIn() throws Exception {
		String email = "sessions-" + tag() + "@northbridge.demo";
		long id = activePerson(email, "Sid Sessions", RoleName.MENTOR, null);
		String username = this.jdbc.sql("SELECT username FROM users WHERE id = :id").param("id", id).query(String.class).single();
		Cookie session = this.mvc.perform(formLogin("/login").user(email).password(PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
		assertThat(this.sessions.activeSessions(username)).isNotEmpty();

		this.mvc.perform(post("/api/v1/users/{id}/disable", id).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISABLED"));

		assertThat(this.sessions.activeSessions(username)).isEmpty();
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
		assertThat(this.jdbc.sql("SELECT after_state FROM audit_logs WHERE action = 'USER_DISABLED' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).contains("DISABLED");

		this.mvc.perform(post("/admin/users/{id}/enable", id).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(statusOf(id)).isEqualTo("ACTIVE");
		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void statusChangesFollowTheirGuards() throws Exception {
		long invited = invite("guards-" + tag() + "@northbridge.demo", "Gus Guards", RoleName.MENTEE, null);
		this.mvc.perform(post("/api/v1/users/{id}/enable", invited).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Only a disabled account can be enabled."));
		this.mvc.perform(post("/admin/users/{id}/disable", invited).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + invited));
		this.mvc.perform(post("/api/v1/users/{id}/disable", invited).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This account is already disabled."));
		this.mvc.perform(post("/api/v1/users/{id}/enable", invited).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("INVITED"));

		long admin = userId("admin@northbridge.demo");
		this.mvc.perform(post("/api/v1/users/{id}/disable", admin).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("You cannot disable your own account."));
		this.mvc
			.perform(patch("/api/v1/users/{id}", admin).with(as("admin@northbridge.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"MENTOR\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("You cannot remove your own administrator role."));
		assertThat(statusOf(admin)).isEqualTo("ACTIVE");
	}

	@Test
	void aCoordinatorReadsOnlyTheirDepartmentAndChangesNothing() throws Exception {
		long cs = department("NBU", "CS");
		long psy = department("NBU", "PSY");
		long student = userId("student@northbridge.demo");
		long outsider = this.jdbc.sql("SELECT MIN(id) FROM users WHERE department_id = :d").param("d", psy)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("SELECT department_id FROM users WHERE id = :id").param("id", student)
			.query(Long.class)
			.single()).isEqualTo(cs);

		this.mvc.perform(get("/api/v1/users").param("size", "100").with(as("coordinator@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].departmentId", everyItem(is((int) cs))))
			.andExpect(jsonPath("$.content[*].email", hasItem("student@northbridge.demo")));
		this.mvc
			.perform(get("/api/v1/users").param("department", String.valueOf(psy)).with(as("coordinator@northbridge.demo")))
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get("/api/v1/users/{id}", student).with(as("coordinator@northbridge.demo")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/users/{id}", outsider).with(as("coordinator@northbridge.demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/{id}", student).with(as("coordinator@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"user-form\""))))
			.andExpect(content().string(not(containsString("id=\"disable-form\""))));
		this.mvc.perform(post("/api/v1/users/{id}/disable", student).with(as("coordinator@northbridge.demo")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(patch("/api/v1/users/{id}", student).with(as("coordinator@northbridge.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"ADMIN\"]}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/users/{id}", student).with(as("coordinator@northbridge.demo"))
				.with(csrf())
				.param("roles", "ADMIN"))
			.andExpect(status().isForbidden());
		assertThat(statusOf(student)).isEqualTo("ACTIVE");
	}

	@Test
	void anotherInstitutionsAdministratorFindsNothingAndChangesNothing() throws Exception {
		long student = userId("student@northbridge.demo");
		this.mvc.perform(get("/api/v1/users").param("query", "northbridge").with(as("admin@acme.demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get("/api/v1/users/{id}", student).with(as("admin@acme.demo")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("northbridge"))));
		this.mvc.perform(get("/admin/users/{id}", student).with(as("admin@acme.demo"))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/users/{id}/disable", student).with(as("admin@acme.demo")).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/users/{id}/disable", student).with(as("admin@acme.demo")).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(patch("/api/v1/users/{id}", student).with(as("admin@acme.demo"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"MENTOR\"]}"))
			.andExpect(status().isNotFound());
		assertThat(statusOf(student)).isEqualTo("ACTIVE");
	}

	@Test
	void mentorsMenteesAndThePlatformAdministratorMayNotAdministerPeople() throws Exception {
		long student = userId("student@northbridge.demo");
		for (String login : new String[] { "mentor@northbridge.demo", "student@northbridge.demo",
				"platform@mentorhub.demo" }) {
			this.mvc.perform(get("/api/v1/users").with(as(login))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/users").with(as(login))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/users/{id}", student).with(as(login))).andExpect(status().isForbidden());
			this.mvc.perform(post("/api/v1/users/{id}/disable", student).with(as(login)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/api/v1/users/{id}/disable", student).with(as("admin@northbridge.demo")))
			.andExpect(status().isForbidden());
		assertThat(statusOf(student)).isEqualTo("ACTIVE");
	}

}
