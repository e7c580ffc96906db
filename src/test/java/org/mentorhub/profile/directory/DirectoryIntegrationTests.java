package org.mentorhub.profile.directory;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The people directory: search, filters, overlap, pagination, visibility, tenancy and bad input. */
@MentorHubIntegrationTest
class DirectoryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/** A university of this test's own, with the departments CS, BUS and ENG. */
	TestInstitution college;

	/** A company of this test's own, with the department ENGR. */
	TestInstitution company;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").withDepartment("ENG").build(this.jdbc);
		this.company = aCompany().withDepartment("ENGR").build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	Account mentor(TestInstitution institution, String department, String name, boolean accepting, boolean newMothers,
			String visibility) {
		Account mentor = institution.aMentor().inDepartment(department).named(name).create(this.jdbc);
		this.jdbc.sql("INSERT INTO mentor_profiles (user_id, designation, max_mentees, current_mentee_count, "
				+ "accepting_new_mentees, supports_new_mothers) VALUES (:id, 'Professor', 3, 0, :a, :m)")
			.param("id", mentor.id())
			.param("a", accepting)
			.param("m", newMothers)
			.update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, first_name, visibility) VALUES (:id, 'X', :v)")
			.param("id", mentor.id())
			.param("v", visibility)
			.update();
		return mentor;
	}

	void tagged(Account account, String kind, String name) {
		String slug = Directory.slug(name);
		List<Long> found = this.jdbc.sql("SELECT id FROM tags WHERE institution_id = :i AND slug = :s")
			.param("i", account.institutionId())
			.param("s", slug)
			.query(Long.class)
			.list();
		if (found.isEmpty()) {
			this.jdbc.sql("INSERT INTO tags (institution_id, name, slug) VALUES (:i, :n, :s)")
				.param("i", account.institutionId())
				.param("n", name)
				.param("s", slug)
				.update();
		}
		this.jdbc.sql("INSERT INTO user_tags (user_id, tag_id, kind) SELECT :u, id, :k FROM tags "
				+ "WHERE institution_id = :i AND slug = :s")
			.param("u", account.id())
			.param("k", kind)
			.param("i", account.institutionId())
			.param("s", slug)
			.update();
	}

	void slot(Account account, int day, int startHour, int startMinute, int endHour, String zone) {
		this.jdbc.sql("INSERT INTO availability_slots (user_id, day_of_week, start_time, end_time, time_zone) "
				+ "VALUES (:u, :d, :s, :e, :z)")
			.param("u", account.id())
			.param("d", day)
			.param("s", LocalTime.of(startHour, startMinute))
			.param("e", LocalTime.of(endHour, 0))
			.param("z", zone)
			.update();
	}

	long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void aMenteeFindsMentorsByTextSkillInterestDepartmentAndFlags() throws Exception {
		String t = tag();
		Account open = mentor(this.college, "CS", "Dir Open " + t, true, true, "INSTITUTION");
		Account closed = mentor(this.college, "BUS", "Dir Closed " + t, false, false, "INSTITUTION");
		tagged(open, "SKILL", "Java " + t);
		tagged(open, "INTEREST", "Chess " + t);
		tagged(closed, "SKILL", "Java " + t);
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		long cs = open.departmentId();

		this.mvc.perform(get("/api/v1/directory/mentors").param("q", "dir open " + t).with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.mentors[0].userId").value(open.id()))
			.andExpect(jsonPath("$.mentors[0].skills[0]").value("Java " + t))
			.andExpect(jsonPath("$.mentors[0].interests[0]").value("Chess " + t))
			.andExpect(jsonPath("$.mentors[0].supportsNewMothers").value(true))
			.andExpect(jsonPath("$.mentors[0].currentMenteeCount").value(0));
		this.mvc.perform(get("/api/v1/directory/mentors").param("skill", "JAVA " + t).with(as(mentee)))
			.andExpect(jsonPath("$.total").value(2));
		this.mvc.perform(get("/api/v1/directory/mentors").param("interest", "chess " + t).with(as(mentee)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.mentors[0].userId").value(open.id()));
		this.mvc.perform(get("/api/v1/directory/mentors").param("skill", "java " + t)
			.param("department", String.valueOf(cs))
			.with(as(mentee))).andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/v1/directory/mentors").param("skill", "java " + t)
			.param("accepting", "true")
			.with(as(mentee))).andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/v1/directory/mentors").param("skill", "java " + t)
			.param("newMothers", "true")
			.with(as(mentee))).andExpect(jsonPath("$.mentors[0].userId").value(open.id()))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void overlapIsComputedInUtcAcrossTimeZonesAndFiltersAndSorts() throws Exception {
		String t = tag();
		Account utc = mentor(this.college, "CS", "Dir Utc " + t, true, false, "INSTITUTION");
		Account kolkata = mentor(this.college, "CS", "Dir Kolkata " + t, true, false, "INSTITUTION");
		Account none = mentor(this.college, "CS", "Dir None " + t, true, false, "INSTITUTION");
		for (Account a : List.of(utc, kolkata, none)) {
			tagged(a, "SKILL", "Overlap " + t);
		}
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		slot(mentee, 1, 9, 0, 11, "UTC");
		slot(utc, 1, 10, 0, 12, "UTC"); // 10:00-11:00 UTC: 60 minutes
		slot(kolkata, 1, 14, 0, 16, "Asia/Kolkata"); // 08:30-10:30 UTC: 90 minutes
		slot(none, 2, 9, 0, 11, "UTC"); // Tuesday: nothing in common

		String json = this.mvc
			.perform(get("/api/v1/directory/mentors").param("skill", "overlap " + t)
				.param("overlap", "true")
				.param("sort", "overlap")
				.with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(json, "$.mentors[*].overlapMinutes")).containsExactly(90, 60);
		assertThat(JsonPath.<List<Number>>read(json, "$.mentors[*].userId")).extracting(Number::longValue)
			.containsExactly(kolkata.id(), utc.id());
		this.mvc.perform(get("/api/v1/directory/mentors").param("skill", "overlap " + t).with(as(mentee)))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.mentors[1].fullName").value("Dir None " + t))
			.andExpect(jsonPath("$.mentors[1].overlapMinutes").value(0));
	}

	@Test
	void resultsArePagedTwentyAtATime() throws Exception {
		String t = tag();
		for (int i = 0; i < 21; i++) {
			tagged(mentor(this.college, "ENG", String.format("Dir Page %s %02d", t, i), true, false, "INSTITUTION"), "SKILL",
					"Paging " + t);
		}
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/directory/mentors").param("skill", "paging " + t).with(as(mentee)))
			.andExpect(jsonPath("$.total").value(21))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(jsonPath("$.mentors.length()").value(20))
			.andExpect(jsonPath("$.mentors[0].fullName").value("Dir Page " + t + " 00"));
		this.mvc
			.perform(get("/api/v1/directory/mentors").param("skill", "paging " + t)
				.param("page", "2")
				.with(as(mentee)))
			.andExpect(jsonPath("$.mentors.length()").value(1))
			.andExpect(jsonPath("$.mentors[0].fullName").value("Dir Page " + t + " 20"));
		this.mvc
			.perform(get("/directory").param("skill", "paging " + t).param("page", "2").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dir Page " + t + " 20")))
			.andExpect(content().string(not(containsString("Dir Page " + t + " 00"))))
			.andExpect(content().string(containsString("id=\"directory-search\"")));
		this.mvc
			.perform(get("/directory").param("skill", "paging " + t)
				.header("HX-Request", "true")
				.with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"directory-results\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("page=2")));
	}

	@Test
	void sortByCapacityPutsTheMostFreePlacesFirstThenTheNameAcrossPages() throws Exception {
		String t = tag();
		// 21 mentors with 3 free places each, then the first with 2 of them taken and the last with 5
		// places: most free places first, ties by name.
		List<Account> mentors = new java.util.ArrayList<>();
		for (int i = 0; i < 21; i++) {
			Account mentor = mentor(this.college, "ENG", String.format("Dir Cap %s %02d", t, i), true, false,
					"INSTITUTION");
			tagged(mentor, "SKILL", "Capacity " + t);
			mentors.add(mentor);
		}
		this.jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = 2 WHERE user_id = :id")
			.param("id", mentors.get(0).id())
			.update();
		this.jdbc.sql("UPDATE mentor_profiles SET max_mentees = 5 WHERE user_id = :id")
			.param("id", mentors.get(20).id())
			.update();
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc
			.perform(get("/api/v1/directory/mentors").param("skill", "capacity " + t)
				.param("sort", "CAPACITY")
				.with(as(mentee)))
			.andExpect(jsonPath("$.total").value(21))
			.andExpect(jsonPath("$.mentors.length()").value(20))
			.andExpect(jsonPath("$.mentors[0].fullName").value("Dir Cap " + t + " 20"))
			.andExpect(jsonPath("$.mentors[1].fullName").value("Dir Cap " + t + " 01"))
			.andExpect(jsonPath("$.mentors[19].fullName").value("Dir Cap " + t + " 19"));
		this.mvc
			.perform(get("/api/v1/directory/mentors").param("skill", "capacity " + t)
				.param("sort", "CAPACITY")
				.param("page", "2")
				.with(as(mentee)))
			.andExpect(jsonPath("$.total").value(21))
			.andExpect(jsonPath("$.mentors.length()").value(1))
			.andExpect(jsonPath("$.mentors[0].fullName").value("Dir Cap " + t + " 00"));
	}

	@Test
	void profilesSharedWithMentorshipsOnlyAreNotListedButMentorsWithoutAProfileAre() throws Exception {
		String t = tag();
		mentor(this.college, "CS", "Dir Shared " + t, true, false, "MENTORSHIPS");
		Account bare = this.college.aMentor().inDepartment("CS").named("Dir Bare " + t).create(this.jdbc);
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/directory/mentors").param("q", "Dir Shared " + t).with(as(mentee)))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/directory/mentors").param("q", "Dir Bare " + t).with(as(mentee)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.mentors[0].userId").value(bare.id()));
	}

	@Test
	void privateProfilesAreListedOnlyToAdministrators() throws Exception {
		String t = tag();
		Account admin = this.college.anAdmin().create(this.jdbc);
		Account hidden = mentor(this.college, "CS", "Dir Private " + t, true, false, "PRIVATE");
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/directory/mentors").param("q", "Dir Private " + t).with(as(mentee)))
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(content().string(not(containsString(t))));
		this.mvc.perform(get("/directory").param("q", "Dir Private " + t).with(as(mentee)))
			.andExpect(content().string(not(containsString("Dir Private " + t + "<"))));
		this.mvc
			.perform(get("/api/v1/directory/mentors").param("q", "Dir Private " + t).with(as(admin)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.mentors[0].userId").value(hidden.id()));
	}

	@Test
	void anotherInstitutionsMentorsAreNeverListed() throws Exception {
		String t = tag();
		Account admin = this.college.anAdmin().create(this.jdbc);
		Account student = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		Account companyMentee = this.company.aMentee().create(this.jdbc);
		Account companyMentor = mentor(this.company, "ENGR", "Dir Company " + t, true, true, "INSTITUTION");
		tagged(companyMentor, "SKILL", "Company " + t);
		this.mvc.perform(get("/api/v1/directory/mentors").param("q", "Dir Company " + t).with(as(admin)))
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(content().string(not(containsString(t))));
		this.mvc
			.perform(get("/api/v1/directory/mentors").param("skill", "company " + t).with(as(student)))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/directory/mentors").param("q", "Dir Company " + t).with(as(companyMentee)))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void aMentorLookingForAMentorDoesNotFindHerself() throws Exception {
		String t = tag();
		Account maya = mentor(this.college, "CS", "Dr. Self Maya " + t, true, false, "INSTITUTION");
		Account other = mentor(this.college, "CS", "Self Other " + t, true, false, "INSTITUTION");

		this.mvc.perform(get("/api/v1/directory/mentors").param("q", t).with(as(maya)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.mentors[0].userId").value(other.id()));
		String page = this.mvc.perform(get("/directory").param("q", t).with(as(maya)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"mentor-" + other.id() + "\"").doesNotContain("id=\"mentor-" + maya.id() + "\"");
	}

	@Test
	void cardsSortByNameNotTitleShowInitialsOfTheNameAndLeadToProfileAndRequest() throws Exception {
		String t = tag();
		Account becker = mentor(this.college, "CS", "Prof. Tom " + t + " Becker", true, false, "INSTITUTION");
		Account adams = mentor(this.college, "CS", "Zed " + t + " Adams", true, false, "INSTITUTION");
		Account singh = mentor(this.college, "CS", "Dr. Maya " + t + " Singh", true, false, "INSTITUTION");
		this.jdbc.sql("UPDATE user_profiles SET title = 'Professor' WHERE user_id = :id").param("id", becker.id()).update();
		this.jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = 2 WHERE user_id = :id")
			.param("id", singh.id())
			.update();
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);

		String page = this.mvc.perform(get("/directory").param("q", t).with(as(mentee)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// By the name without its title: Maya (Dr.), Tom (Prof.), Zed.
		assertThat(page.indexOf("id=\"mentor-" + singh.id() + "\"")).isPositive()
			.isLessThan(page.indexOf("id=\"mentor-" + becker.id() + "\""));
		assertThat(page.indexOf("id=\"mentor-" + becker.id() + "\"")).isLessThan(page.indexOf("id=\"mentor-" + adams.id() + "\""));
		String singhCard = card(page, singh.id());
		assertThat(singhCard).contains(">MS</span>").doesNotContain(">D</span>")
			.contains("1 free place<")
			.contains("href=\"/people/" + singh.id() + "\"")
			.contains("href=\"/mentorships/request?mentor=" + singh.id() + "\"");
		assertThat(card(page, becker.id())).contains(">TB</span>").contains("3 free places<");
		// The title shows once: "Professor" is both the profile's title and the designation.
		assertThat(card(page, becker.id()).split(">Professor<", -1)).hasSize(2);

		// A mentor (who cannot ask for mentoring) gets the profile link, not the request button.
		String asMentor = this.mvc.perform(get("/directory").param("q", t).with(as(adams)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card(asMentor, singh.id())).contains("href=\"/people/" + singh.id() + "\"")
			.doesNotContain("/mentorships/request");
	}

	static String card(String page, long mentorId) {
		int from = page.indexOf("id=\"mentor-" + mentorId + "\"");
		assertThat(from).as("the card of mentor %d", mentorId).isPositive();
		return page.substring(from, page.indexOf("</li>", from));
	}

	@Test
	void badInputIsRefusedWithAClearMessage() throws Exception {
		Account mentee = this.company.aMentee().create(this.jdbc);
		this.mvc.perform(get("/api/v1/directory/mentors").param("page", "0").with(as(mentee)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		this.mvc.perform(get("/api/v1/directory/mentors").param("sort", "salary").with(as(mentee)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Sort by NAME, CAPACITY or OVERLAP")));
		this.mvc.perform(get("/api/v1/directory/mentors").param("q", "x".repeat(101)).with(as(mentee)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		this.mvc.perform(get("/directory").param("page", "0").with(as(mentee)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The page must be a number from 1.")));
	}

	@Test
	void thePlatformAdministratorAndAnonymousCallersAreRefused() throws Exception {
		Account platformAdmin = TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc);
		this.mvc.perform(get("/api/v1/directory/mentors").with(as(platformAdmin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/directory/mentors")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/directory")).andExpect(status().is3xxRedirection());
	}

}
