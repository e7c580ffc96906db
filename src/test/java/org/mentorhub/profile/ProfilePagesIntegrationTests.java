package org.mentorhub.profile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The profile pages work without JavaScript: view, edit with problems beside fields, academic form, suggestions. */
@MentorHubIntegrationTest
class ProfilePagesIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	@Test
	void aMentorEditsTheirProfileOnThePageAndSeesProblemsBesideTheFields() throws Exception {
		Account mentor = ProfilesIntegrationTests.mentorWithMentees(this.jdbc, this.college, 4, 2);
		this.mvc.perform(get("/profile/edit").with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"mentor-fields\"")));
		this.mvc.perform(post("/profile/edit").with(as(mentor)).with(csrf())
				.param("bio", "Kept out")
				.param("maxMentees", "1")
				.param("yearsOfExperience", "ten"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a whole number.")));
		this.mvc.perform(post("/profile/edit").with(as(mentor)).with(csrf())
				.param("bio", "Kept out")
				.param("maxMentees", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("cannot be below 2")));
		this.mvc.perform(post("/profile/edit").with(as(mentor)).with(csrf())
				.param("bio", "Helps with <b>compilers</b>")
				.param("skills", "Compilers, Parsing")
				.param("maxMentees", "6")
				.param("acceptingNewMentees", "true")
				.param("visibility", "INSTITUTION"))
			.andExpect(redirectedUrl("/profile"));
		this.mvc.perform(get("/profile").with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Helps with &lt;b&gt;compilers&lt;/b&gt;")))
			.andExpect(content().string(containsString("2 of 6 mentees")));
		this.mvc.perform(get("/profile/tags/suggest").param("skills", "Java, compi").with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Compilers")));
	}

	@Test
	void theCoordinatorSetsAcademicDataOnTheStudentsPageAndAMenteeCannot() throws Exception {
		Account student = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, gpa) VALUES (:u, :r, 2.00)")
			.param("u", student.id())
			.param("r", "P" + student.id() + "X")
			.update();
		RequestPostProcessor coordinator = as(this.college.aCoordinator().inDepartment("CS").create(this.jdbc));
		this.mvc.perform(get("/people/" + student.id()).with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"academic-form\"")));
		this.mvc.perform(post("/people/" + student.id() + "/academic").with(coordinator).with(csrf())
				.param("gpa", "9").param("attendancePct", "50").param("riskLevel", "LOW"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("between 0 and 4")));
		this.mvc.perform(post("/people/" + student.id() + "/academic").with(coordinator).with(csrf())
				.param("gpa", "3.5").param("attendancePct", "95").param("riskLevel", "LOW"))
			.andExpect(redirectedUrl("/people/" + student.id()));
		Account mentee = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/people/" + student.id()).with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"academic-gpa\""))))
			.andExpect(content().string(not(containsString("id=\"academic-form\""))));
		this.mvc.perform(post("/people/" + student.id() + "/academic").with(as(mentee)).with(csrf())
				.param("gpa", "4").param("attendancePct", "100").param("riskLevel", "LOW"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT gpa FROM student_profiles WHERE user_id = :u")
			.param("u", student.id())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("3.5");
	}

	@Test
	void anAdministratorEditsAnotherPersonsProfileOnItsPageAndOthersCannot() throws Exception {
		Account mentor = ProfilesIntegrationTests.mentorWithMentees(this.jdbc, this.college, 4, 2);
		RequestPostProcessor admin = as(this.college.anAdmin().create(this.jdbc));
		this.mvc.perform(get("/people/" + mentor.id()).with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/people/" + mentor.id() + "/edit")));
		this.mvc.perform(get("/people/" + mentor.id() + "/edit").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/people/" + mentor.id() + "/edit\"")))
			.andExpect(content().string(containsString("id=\"mentor-fields\"")));
		this.mvc.perform(post("/people/" + mentor.id() + "/edit").with(admin).with(csrf())
				.param("bio", "Kept out")
				.param("maxMentees", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("cannot be below 2")));
		this.mvc.perform(post("/people/" + mentor.id() + "/edit").with(admin).with(csrf())
				.param("bio", "Set by the administrator")
				.param("maxMentees", "5")
				.param("visibility", "INSTITUTION"))
			.andExpect(redirectedUrl("/people/" + mentor.id()));
		assertThat(this.jdbc.sql("SELECT bio FROM user_profiles WHERE user_id = :u")
			.param("u", mentor.id())
			.query(String.class)
			.single()).isEqualTo("Set by the administrator");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'PROFILE_UPDATED' AND entity_id = :u")
			.param("u", String.valueOf(mentor.id()))
			.query(Long.class)
			.single()).isPositive();

		// A colleague sees the profile but may not change it; the administrator of another institution does not see it.
		Account colleague = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/people/" + mentor.id()).with(as(colleague)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/people/" + mentor.id() + "/edit"))));
		this.mvc.perform(get("/people/" + mentor.id() + "/edit").with(as(colleague))).andExpect(status().isForbidden());
		this.mvc.perform(post("/people/" + mentor.id() + "/edit").with(as(colleague)).with(csrf()).param("bio", "Hijack"))
			.andExpect(status().isForbidden());
		RequestPostProcessor acme = as(aCompany().build(this.jdbc).anAdmin().create(this.jdbc));
		this.mvc.perform(get("/people/" + mentor.id() + "/edit").with(acme)).andExpect(status().isNotFound());
		this.mvc.perform(post("/people/" + mentor.id() + "/edit").with(acme).with(csrf()).param("bio", "Hijack"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT bio FROM user_profiles WHERE user_id = :u")
			.param("u", mentor.id())
			.query(String.class)
			.single()).isEqualTo("Set by the administrator");
	}

}
