package org.mentorhub.identity.administration;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.Accounts;
import org.mentorhub.identity.Invitations.Invitation;
import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.UserAdministration;
import org.mentorhub.identity.UserSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
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

	/** A fresh university of this test's own, with three departments. */
	TestInstitution college;

	/** The college's administrator. */
	Account admin;

	@BeforeEach
	void aFreshCollegeAndItsAdministrator() {
		this.college = aUniversity().withDepartment("CS", "Computer Science")
			.withDepartment("BUS", "Business School")
			.withDepartment("PSY", "Psychology")
			.build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	RequestPostProcessor asAdmin() {
		return as(this.admin);
	}

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** An e-mail address at the college's domain. */
	String email(String localPart) {
		return localPart + "@" + this.college.code().toLowerCase(Locale.ROOT) + ".test";
	}

	/** A person invited to the college by its administrator. */
	long invite(String email, String name, RoleName role, Long departmentId) {
		return RunAs.as(this.users.loadUserByUsername(this.admin.email()),
				() -> this.invitations.invite(new Invitation(email, name, List.of(role), departmentId)));
	}

	/** An active person of the college who can sign in with {@link #PASSWORD}. */
	long activePerson(String email, String name, RoleName role, Long departmentId) {
		long id = invite(email, name, role, departmentId);
		this.invitations.accept(Accounts.tokenMailedTo(this.jdbc, email, "/account/activate"), PASSWORD);
		return id;
	}

	/** More mentees than fit on one page of the list, so that the college's people need two pages. */
	void moreThanOnePageOfPeople() {
		for (int i = 0; i < UserAdministration.PAGE_SIZE; i++) {
			this.college.aMentee().create(this.jdbc);
		}
	}

	String statusOf(long id) {
		return this.jdbc.sql("SELECT status FROM users WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void searchMatchesNameEmailOrUsernameAndFiltersByRoleDepartmentAndStatus() throws Exception {
		String tag = tag();
		long cs = this.college.department("CS");
		long bus = this.college.department("BUS");
		invite(email("ada." + tag), "Ada Finder " + tag, RoleName.MENTOR, cs);
		invite(email("bob." + tag), "Bob Finder " + tag, RoleName.MENTEE, bus);

		this.mvc.perform(get("/api/v1/users").param("query", "FINDER " + tag).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(2))
			.andExpect(jsonPath("$.content[0].fullName").value("Ada Finder " + tag))
			.andExpect(jsonPath("$.content[0].status").value("INVITED"))
			.andExpect(jsonPath("$.content[0].departmentName").value("Computer Science"))
			.andExpect(jsonPath("$.content[0].roles[0]").value("MENTOR"));
		this.mvc.perform(get("/api/v1/users").param("query", "bob." + tag).with(asAdmin()))
			.andExpect(jsonPath("$.totalElements").value(1));
		this.mvc.perform(get("/api/v1/users").param("query", tag).param("role", "mentee").with(asAdmin()))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].fullName").value("Bob Finder " + tag));
		this.mvc
			.perform(get("/api/v1/users").param("query", tag).param("department", String.valueOf(cs)).with(asAdmin()))
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].fullName").value("Ada Finder " + tag));
		this.mvc.perform(get("/api/v1/users").param("query", tag).param("status", "ACTIVE").with(asAdmin()))
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get("/api/v1/users").param("query", "%").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(0));
	}

	@Test
	void resultsArePagedAndSortedOnTheServer() throws Exception {
		String tag = tag();
		for (String letter : new String[] { "c", "a", "e", "b", "d" }) {
			invite(email(letter + "-pager-" + tag), "Pager " + letter.toUpperCase(Locale.ROOT) + " " + tag,
					RoleName.MENTEE, null);
		}
		moreThanOnePageOfPeople();
		this.mvc
			.perform(get("/api/v1/users").param("query", "pager-" + tag)
				.param("size", "2")
				.param("page", "1")
				.param("sort", "email,desc")
				.with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(5))
			.andExpect(jsonPath("$.totalPages").value(3))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.content[0].email").value(email("c-pager-" + tag)))
			.andExpect(jsonPath("$.content[1].email").value(email("b-pager-" + tag)));
		this.mvc.perform(get("/api/v1/users").with(asAdmin()))
			.andExpect(jsonPath("$.size").value(UserAdministration.PAGE_SIZE))
			.andExpect(jsonPath("$.content.length()").value(UserAdministration.PAGE_SIZE));
		this.mvc.perform(get("/api/v1/users").param("size", "1000").with(asAdmin()))
			.andExpect(jsonPath("$.size").value(UserAdministration.MAX_PAGE_SIZE));
		this.mvc.perform(get("/admin/users").param("query", "pager-" + tag).param("sort", "name,desc").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("5 people")))
			.andExpect(content().string(containsString("aria-sort=\"descending\"")));
	}

	@Test
	void unknownRolesStatusesAndSortColumnsGetAClearMessage() throws Exception {
		this.mvc.perform(get("/api/v1/users").param("role", "WIZARD").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Unknown role 'WIZARD'")));
		this.mvc.perform(get("/api/v1/users").param("status", "ASLEEP").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/v1/users").param("sort", "passwordHash").with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Sort by name, email")));
	}

	@Test
	void thePageWorksWithoutJavaScriptAndAnHtmxRequestGetsOnlyTheResults() throws Exception {
		String name = "Dr. Maya Quill " + tag();
		this.college.aMentor().named(name).create(this.jdbc);
		this.mvc.perform(get("/admin/users").param("query", name.substring(4)).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<form id=\"user-search\"")))
			.andExpect(content().string(containsString("href=\"/admin/users/invite\"")))
			.andExpect(content().string(containsString("href=\"/admin/users/import\"")))
			.andExpect(content().string(containsString(name)))
			// The shared status badge and labels (fragments/ui :: status), and the viewer's zone named once.
			.andExpect(content().string(containsString("<span class=\"badge rounded-pill status-active\">Active</span>")))
			.andExpect(content().string(containsString("<option value=\"INVITED\">Invited</option>")))
			.andExpect(content().string(containsString("Times are in ")));
		this.mvc
			.perform(get("/admin/users").param("query", name.substring(4)).header("HX-Request", "true").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-results\"")))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("user-search\" class"))));
	}

	@Test
	void theFirstPageLinksToTheNextWithAndWithoutHtmxAndThePreviousIsDisabled() throws Exception {
		moreThanOnePageOfPeople();
		this.mvc.perform(get("/admin/users").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"next-page\" href=\"/admin/users?")))
			.andExpect(content().string(containsString("hx-get=\"/admin/users?")))
			.andExpect(content().string(containsString("page=1")))
			.andExpect(content().string(containsString("hx-target=\"#user-results\"")))
			.andExpect(content().string(containsString("aria-disabled=\"true\"")));
	}

	@Test
	void thePagerSaysWhichPageOfHowMany() throws Exception {
		moreThanOnePageOfPeople();
		String page = this.mvc.perform(get("/admin/users").with(asAdmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// It showed a bare "1" for the first of two pages.
		assertThat(page).containsPattern(">Page 1 of [2-9][0-9]*<");
	}

	@Test
	void administratorChangesRolesPrimaryRoleAndDepartmentAndTheChangeIsAudited() throws Exception {
		long cs = this.college.department("CS");
		long bus = this.college.department("BUS");
		long id = invite(email("roles-" + tag()), "Rolf Roles", RoleName.MENTEE, cs);

		this.mvc
			.perform(patch("/api/v1/users/{id}", id).with(asAdmin())
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
			.perform(post("/admin/users/{id}", id).with(asAdmin())
				.with(csrf())
				.param("roles", "MENTOR")
				.param("primaryRole", "MENTOR")
				.param("departmentId", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users/" + id));
		this.mvc.perform(get("/admin/users/{id}", id).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rolf Roles")))
			.andExpect(content().string(containsString("id=\"disable-form\"")));
		assertThat(this.jdbc.sql("SELECT department_id FROM users WHERE id = :id").param("id", id).query(Long.class).optional())
			.isEmpty();
	}

	@Test
	void badChangesAreRefusedWithClearMessagesAndNothingChanges() throws Exception {
		long cs = this.college.department("CS");
		long elsewhere = aCompany().withDepartment("ENGR").build(this.jdbc).department("ENGR");
		long id = invite(email("bad-" + tag()), "Bea Bad", RoleName.MENTEE, cs);
		String[][] cases = { { "{\"roles\":[]}", "roles", "Choose at least one role." },
				{ "{\"roles\":[\"PLATFORM_ADMIN\"]}", "roles", "platform administrator" },
				{ "{\"roles\":[\"WIZARD\"]}", "roles", "Unknown role 'WIZARD'" },
				{ "{\"departmentId\":" + elsewhere + "}", "departmentId", "Choose a department of your institution." },
				{ "{\"roles\":[\"MENTOR\"],\"primaryRole\":\"ADMIN\"}", "primaryRole", "must be one of the chosen roles" },
				{ "{\"roles\":[\"COORDINATOR\"],\"noDepartment\":true}", "departmentId", "coordinator needs a department" } };
		for (String[] bad : cases) {
			this.mvc
				.perform(patch("/api/v1/users/{id}", id).with(asAdmin())
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(bad[0]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem(bad[1])))
				.andExpect(jsonPath("$.errors[*].message", hasItem(containsString(bad[2]))));
		}
		this.mvc
			.perform(post("/admin/users/{id}", id).with(asAdmin())
				.with(csrf())
				.param("primaryRole", "MENTEE")
				.param("departmentId", String.valueOf(elsewhere)))
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
		String email = email("sessions-" + tag());
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

		this.mvc.perform(post("/api/v1/users/{id}/disable", id).with(asAdmin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISABLED"));

		assertThat(this.sessions.activeSessions(username)).isEmpty();
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
		assertThat(this.jdbc.sql("SELECT after_state FROM audit_logs WHERE action = 'USER_DISABLED' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).contains("DISABLED");

		this.mvc.perform(post("/admin/users/{id}/enable", id).with(asAdmin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(statusOf(id)).isEqualTo("ACTIVE");
		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void statusChangesFollowTheirGuards() throws Exception {
		long invited = invite(email("guards-" + tag()), "Gus Guards", RoleName.MENTEE, null);
		this.mvc.perform(post("/api/v1/users/{id}/enable", invited).with(asAdmin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Only a disabled account can be enabled."));
		this.mvc.perform(post("/admin/users/{id}/disable", invited).with(asAdmin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + invited));
		this.mvc.perform(post("/api/v1/users/{id}/disable", invited).with(asAdmin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This account is already disabled."));
		this.mvc.perform(post("/api/v1/users/{id}/enable", invited).with(asAdmin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("INVITED"));

		long admin = this.admin.id();
		this.mvc.perform(post("/api/v1/users/{id}/disable", admin).with(asAdmin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("You cannot disable your own account."));
		this.mvc
			.perform(patch("/api/v1/users/{id}", admin).with(asAdmin())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"MENTOR\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("You cannot remove your own administrator role."));
		assertThat(statusOf(admin)).isEqualTo("ACTIVE");
	}

	@Test
	void aCoordinatorReadsOnlyTheirDepartmentAndChangesNothing() throws Exception {
		long cs = this.college.department("CS");
		long psy = this.college.department("PSY");
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account student = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		long outsider = this.college.aStudent().inDepartment("PSY").create(this.jdbc).id();

		this.mvc.perform(get("/api/v1/users").param("size", "100").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].departmentId", everyItem(is((int) cs))))
			.andExpect(jsonPath("$.content[*].email", hasItem(student.email())));
		this.mvc.perform(get("/api/v1/users").param("department", String.valueOf(psy)).with(as(coordinator)))
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get("/api/v1/users/{id}", student.id()).with(as(coordinator))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/users/{id}", outsider).with(as(coordinator))).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/{id}", student.id()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"user-form\""))))
			.andExpect(content().string(not(containsString("id=\"disable-form\""))));
		this.mvc.perform(post("/api/v1/users/{id}/disable", student.id()).with(as(coordinator)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(patch("/api/v1/users/{id}", student.id()).with(as(coordinator))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"ADMIN\"]}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/{id}", student.id()).with(as(coordinator)).with(csrf()).param("roles", "ADMIN"))
			.andExpect(status().isForbidden());
		assertThat(statusOf(student.id())).isEqualTo("ACTIVE");
	}

	@Test
	void anotherInstitutionsAdministratorFindsNothingAndChangesNothing() throws Exception {
		long student = this.college.aStudent().inDepartment("CS").create(this.jdbc).id();
		Account stranger = aCompany().build(this.jdbc).anAdmin().create(this.jdbc);
		String collegeCode = this.college.code().toLowerCase(Locale.ROOT);
		this.mvc.perform(get("/api/v1/users").param("query", collegeCode).with(as(stranger)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(0));
		this.mvc.perform(get("/api/v1/users/{id}", student).with(as(stranger)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(collegeCode))));
		this.mvc.perform(get("/admin/users/{id}", student).with(as(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/users/{id}/disable", student).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/users/{id}/disable", student).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(patch("/api/v1/users/{id}", student).with(as(stranger))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"MENTOR\"]}"))
			.andExpect(status().isNotFound());
		assertThat(statusOf(student)).isEqualTo("ACTIVE");
	}

	@Test
	void mentorsMenteesAndThePlatformAdministratorMayNotAdministerPeople() throws Exception {
		long student = this.college.aStudent().inDepartment("CS").create(this.jdbc).id();
		Account[] refused = { this.college.aMentor().create(this.jdbc), this.college.aStudent().create(this.jdbc),
				TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc) };
		for (Account caller : refused) {
			this.mvc.perform(get("/api/v1/users").with(as(caller))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/users").with(as(caller))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/users/{id}", student).with(as(caller))).andExpect(status().isForbidden());
			this.mvc.perform(post("/api/v1/users/{id}/disable", student).with(as(caller)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/api/v1/users/{id}/disable", student).with(asAdmin())).andExpect(status().isForbidden());
		assertThat(statusOf(student)).isEqualTo("ACTIVE");
	}

}
