package org.mentorhub.mentorship;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.LocalCaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mentor suggestions and the matching weights through the pages and the API. Each test uses a fresh
 * institution, so other tests' mentors and weights do not interfere.
 */
@MentorHubIntegrationTest
class MentorSuggestionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	LocalCaches caches;

	MatchingFixtures f;

	@BeforeEach
	void setUp() {
		this.f = new MatchingFixtures(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	/** A fresh institution with departments A and B; returns its code. */
	String institution() {
		String code = "SUG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.jdbc.sql("INSERT INTO institutions (name, code, kind, time_zone) VALUES (:n, :c, 'UNIVERSITY', 'UTC')")
			.param("n", "Suggestions " + code)
			.param("c", code)
			.update();
		for (String d : List.of("A", "B")) {
			this.jdbc.sql("INSERT INTO departments (institution_id, name, code) SELECT id, :n, :d FROM institutions WHERE code = :c")
				.param("n", "Department " + d)
				.param("d", d)
				.param("c", code)
				.update();
		}
		return code;
	}

	Account mentor(String institution, String department, int capacity, String specialization, String... skills) {
		Account mentor = this.f.mentor(institution, department, capacity, specialization);
		for (String skill : skills) {
			this.f.tag(mentor, skill, "SKILL");
		}
		return mentor;
	}

	@Test
	void menteeSeesMentorsByScoreWithExplanationsAndHardLimitsExclude() throws Exception {
		String inst = institution();
		Account mentee = this.f.mentee(inst, "A", RoleName.MENTEE, "Become a team lead");
		for (String skill : List.of("Java", "Leadership", "Public speaking")) {
			this.f.tag(mentee, skill, "SKILL");
		}
		this.f.available(mentee, 1, 9, 15, "UTC");
		Account best = mentor(inst, "A", 4, "Team lead coaching", "Java", "Leadership", "Public speaking");
		this.f.available(best, 1, 8, 16, "UTC");
		Account second = mentor(inst, "B", 2, "Databases", "Java");
		this.f.available(second, 1, 9, 11, "UTC");
		Account full = mentor(inst, "A", 1, "Team lead", "Java", "Leadership", "Public speaking");
		this.f.available(full, 1, 9, 15, "UTC");
		this.jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = 1 WHERE user_id = :u").param("u", full.id()).update();
		Account notAccepting = mentor(inst, "A", 3, "Team lead", "Java", "Leadership", "Public speaking");
		this.f.available(notAccepting, 1, 9, 15, "UTC");
		this.jdbc.sql("UPDATE mentor_profiles SET accepting_new_mentees = FALSE WHERE user_id = :u")
			.param("u", notAccepting.id()).update();
		Account noOverlap = mentor(inst, "A", 3, "Team lead", "Java", "Leadership", "Public speaking");
		this.f.available(noOverlap, 2, 9, 15, "UTC");
		Account otherInstitution = mentor(this.f.university(), "CS", 3, "Team lead", "Java", "Leadership", "Public speaking");
		this.f.available(otherInstitution, 1, 9, 15, "UTC");

		String json = this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.menteeId").value(mentee.id()))
			.andExpect(jsonPath("$.hasAvailability").value(true))
			.andExpect(jsonPath("$.suggestions", hasSize(2)))
			.andExpect(jsonPath("$.suggestions[0].mentorId").value(best.id()))
			.andExpect(jsonPath("$.suggestions[0].rank").value(1))
			.andExpect(jsonPath("$.suggestions[0].sharedSkills[0]").value("Java"))
			.andExpect(jsonPath("$.suggestions[0].factors", hasSize(6)))
			.andExpect(jsonPath("$.suggestions[0].explanation").value(containsString(
					"3 shared skills: Java, Leadership, Public speaking; 6 h of overlapping availability; same department")))
			.andExpect(jsonPath("$.suggestions[0].explanation").value(containsString("goals match expertise: team, lead")))
			.andExpect(jsonPath("$.suggestions[0].explanation").value(containsString("4 of 4 places free")))
			.andExpect(jsonPath("$.suggestions[1].mentorId").value(second.id()))
			.andExpect(jsonPath("$.suggestions[1].explanation").value(containsString("1 shared skill: Java; 2 h of overlapping availability")))
			.andReturn().getResponse().getContentAsString();
		int first = JsonPath.read(json, "$.suggestions[0].score");
		int next = JsonPath.read(json, "$.suggestions[1].score");
		assertThat(first).isGreaterThan(next);
		for (Account excluded : List.of(full, notAccepting, noOverlap, otherInstitution)) {
			assertThat(json).doesNotContain("\"mentorId\":" + excluded.id() + ",");
		}

		// The page: cards with the explanation and "Request this mentor" pre-filling the ranked request form.
		this.mvc.perform(get("/mentorships/suggestions").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 shared skills: Java, Leadership, Public speaking")))
			.andExpect(content().string(containsString("/mentorships/request?mentor=" + best.id())))
			.andExpect(content().string(not(containsString("suggestion-" + full.id()))));
		this.mvc.perform(get("/mentorships/request").param("mentor", String.valueOf(best.id())).with(as(mentee)))
			.andExpect(status().isOk());

		// An administrator of the institution and the coordinator of the mentee's department: same order, "Propose".
		Account admin = this.f.account(inst, null, RoleName.ADMIN);
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", String.valueOf(mentee.id())).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.suggestions[0].mentorId").value(best.id()));
		this.mvc.perform(get("/mentorships/suggestions").param("mentee", String.valueOf(mentee.id())).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/mentorships/propose?mentee=" + mentee.id() + "&amp;mentor=" + best.id())));
		this.mvc.perform(get("/mentorships/propose").param("mentee", String.valueOf(mentee.id()))
				.param("mentor", String.valueOf(best.id())).with(as(admin)))
			.andExpect(status().isOk());
		Account coordinatorA = this.f.account(inst, "A", RoleName.COORDINATOR);
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", String.valueOf(mentee.id())).with(as(coordinatorA)))
			.andExpect(status().isOk());

		// Wrong users: another department's coordinator and another institution's administrator 404; a mentor 403.
		Account coordinatorB = this.f.account(inst, "B", RoleName.COORDINATOR);
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", String.valueOf(mentee.id())).with(as(coordinatorB)))
			.andExpect(status().isNotFound());
		Account nbuAdmin = this.f.account(this.f.university(), null, RoleName.ADMIN);
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", String.valueOf(mentee.id())).with(as(nbuAdmin)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(best))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", String.valueOf(mentee.id())).with(as(best)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/mentorships/suggestions").with(as(best))).andExpect(status().isForbidden());
		Account otherMentee = this.f.mentee(inst, "A", RoleName.MENTEE, "x");
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", String.valueOf(mentee.id())).with(as(otherMentee)))
			.andExpect(status().isForbidden());
		// Not a mentee (an administrator's id): not found.
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", String.valueOf(coordinatorB.id())).with(as(admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/mentorships/suggestions").param("menteeId", "abc").with(as(admin)))
			.andExpect(status().isBadRequest());

		// A mentor with an open mentorship with the mentee is left out.
		this.jdbc.sql("INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, goal, requested_by_id, "
				+ "preference_rank) VALUES (:i, :d, :m, :e, 'REQUESTED', 'g', :e, 1)")
			.param("i", mentee.institutionId()).param("d", mentee.departmentId()).param("m", best.id()).param("e", mentee.id())
			.update();
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions", hasSize(1)))
			.andExpect(jsonPath("$.suggestions[0].mentorId").value(second.id()));
	}

	@Test
	void changingTheWeightsChangesTheOrder() throws Exception {
		String inst = institution();
		Account admin = this.f.account(inst, null, RoleName.ADMIN);
		Account mentee = this.f.mentee(inst, "A", RoleName.MENTEE, "");
		this.f.tag(mentee, "Java", "SKILL");
		this.f.available(mentee, 1, 9, 17, "UTC");
		Account skilled = mentor(inst, "A", 2, null, "Java");
		this.f.available(skilled, 1, 9, 10, "UTC");
		Account available = mentor(inst, "A", 2, null);
		this.f.available(available, 1, 9, 17, "UTC");
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions[0].mentorId").value(skilled.id()))
			.andExpect(jsonPath("$.suggestions[1].mentorId").value(available.id()));
		this.mvc.perform(get("/api/v1/matching/weights").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sharedSkillsAndInterests").value(40))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.defaults").value(true));
		this.mvc.perform(put("/api/v1/matching/weights").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"sharedSkillsAndInterests\":0,\"availabilityOverlap\":100,\"sameDepartment\":10,"
						+ "\"goalsAndExpertise\":15,\"supportsNewMothers\":20,\"remainingCapacity\":10,\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.availabilityOverlap").value(100))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.maxScore").value(15500))
			.andExpect(jsonPath("$.suggestions[0].mentorId").value(available.id()))
			.andExpect(jsonPath("$.suggestions[1].mentorId").value(skilled.id()));

		// Stale version: 409 (API and page); nothing changes.
		this.mvc.perform(put("/api/v1/matching/weights").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"sharedSkillsAndInterests\":1,\"availabilityOverlap\":1,\"sameDepartment\":1,"
						+ "\"goalsAndExpertise\":1,\"supportsNewMothers\":1,\"remainingCapacity\":1,\"version\":0}"))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/admin/matching").with(as(admin)).with(csrf()).param("version", "0")
				.param("sharedSkillsAndInterests", "1").param("availabilityOverlap", "1").param("sameDepartment", "1")
				.param("goalsAndExpertise", "1").param("supportsNewMothers", "1").param("remainingCapacity", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed the weights")));
		// The page saves with the right version, and shows the weights.
		this.mvc.perform(post("/admin/matching").with(as(admin)).with(csrf()).param("version", "1")
				.param("sharedSkillsAndInterests", "50").param("availabilityOverlap", "100").param("sameDepartment", "10")
				.param("goalsAndExpertise", "15").param("supportsNewMothers", "20").param("remainingCapacity", "10"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/matching").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"50\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"2\"")));

		// Bad input: -1, 101, not a number: 400 with the message beside each field, nothing saved.
		this.mvc.perform(post("/admin/matching").with(as(admin)).with(csrf()).param("version", "2")
				.param("sharedSkillsAndInterests", "-1").param("availabilityOverlap", "101").param("sameDepartment", "ten")
				.param("goalsAndExpertise", "15").param("supportsNewMothers", "20").param("remainingCapacity", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"sharedSkillsAndInterests-error\"")))
			.andExpect(content().string(containsString("id=\"availabilityOverlap-error\"")))
			.andExpect(content().string(containsString("id=\"sameDepartment-error\"")))
			.andExpect(content().string(containsString("id=\"remainingCapacity-error\"")))
			.andExpect(content().string(not(containsString("id=\"goalsAndExpertise-error\""))))
			.andExpect(content().string(containsString("Enter a whole number from 0 to 100.")))
			.andExpect(content().string(containsString("value=\"ten\"")));
		this.mvc.perform(put("/api/v1/matching/weights").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"sharedSkillsAndInterests\":-1,\"availabilityOverlap\":101,\"sameDepartment\":10,"
						+ "\"goalsAndExpertise\":15,\"supportsNewMothers\":20}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sharedSkillsAndInterests"))
			.andExpect(jsonPath("$.errors[1].field").value("availabilityOverlap"))
			.andExpect(jsonPath("$.errors[2].field").value("remainingCapacity"));
		this.mvc.perform(put("/api/v1/matching/weights").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"sharedSkillsAndInterests\":\"abc\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/matching/weights").with(as(admin)))
			.andExpect(jsonPath("$.sharedSkillsAndInterests").value(50))
			.andExpect(jsonPath("$.version").value(2));

		// Wrong users: a coordinator, a mentee, another institution's administrator only sees their own.
		Account coordinator = this.f.account(inst, "A", RoleName.COORDINATOR);
		this.mvc.perform(get("/api/v1/matching/weights").with(as(coordinator))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/matching").with(as(mentee))).andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/matching/weights").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(MentorSuggestionMatrixRows.DEFAULTS_JSON))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMentorsProfileAndAvailabilityChangedThroughTheApplicationShowAtOnce() throws Exception {
		String inst = institution();
		Account mentee = this.f.mentee(inst, "A", RoleName.MENTEE, "");
		this.f.tag(mentee, "Rust", "SKILL");
		this.f.available(mentee, 2, 9, 12, "UTC");
		Account skilled = mentor(inst, "A", 2, null);
		this.f.available(skilled, 2, 9, 11, "UTC");
		Account later = mentor(inst, "B", 2, null);
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions", hasSize(1)))
			.andExpect(jsonPath("$.suggestions[0].sharedSkills", hasSize(0)));

		// The mentor's profile: the shared skill shows on the next call.
		this.mvc.perform(put("/api/v1/profiles/me").with(as(skilled)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"skills\":[\"Rust\"]}")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions", hasSize(1)))
			.andExpect(jsonPath("$.suggestions[0].sharedSkills[0]").value("Rust"));

		// Another mentor's weekly availability: now they overlap, and are suggested at once.
		this.mvc.perform(put("/api/v1/availability/me").with(as(later)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"zone\":\"UTC\",\"slots\":[{\"day\":2,\"start\":\"10:00\",\"end\":\"12:00\"}]}"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions[*].mentorId").value(org.hamcrest.Matchers.containsInAnyOrder(
					(int) skilled.id(), (int) later.id())));

		// A change behind the application's back is not heard of: it shows once the pool expires.
		this.jdbc.sql("UPDATE mentor_profiles SET accepting_new_mentees = FALSE WHERE user_id = :u")
			.param("u", later.id())
			.update();
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions", hasSize(2)));
		this.caches.clearAll();
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions", hasSize(1)))
			.andExpect(jsonPath("$.suggestions[0].mentorId").value((int) skilled.id()));
	}

	@Test
	void emptyStates() throws Exception {
		String inst = institution();
		Account mentee = this.f.mentee(inst, "A", RoleName.NEW_MOTHER, "");
		this.mvc.perform(get("/mentorships/suggestions").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-availability\"")))
			.andExpect(content().string(containsString("href=\"/profile/availability\"")));
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.hasAvailability").value(false))
			.andExpect(jsonPath("$.suggestions", hasSize(0)));
		this.f.available(mentee, 3, 10, 12, "UTC");
		this.mvc.perform(get("/mentorships/suggestions").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-mentors\"")));
		// A new mother and a mentor who supports new mothers: the factor shows in the explanation.
		Account mentor = mentor(inst, "B", 1, null);
		this.f.available(mentor, 3, 11, 12, "UTC");
		this.jdbc.sql("UPDATE mentor_profiles SET supports_new_mothers = TRUE WHERE user_id = :u").param("u", mentor.id()).update();
		// Written behind the application's back: the kept pool of mentors does not hear of it.
		this.caches.clearAll();
		this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(jsonPath("$.suggestions[0].explanation").value("1 h of overlapping availability; supports new mothers; 1 of 1 places free"));
		// An administrator without a mentee gets the picker.
		Account admin = this.f.account(inst, null, RoleName.ADMIN);
		this.mvc.perform(get("/mentorships/suggestions").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"mentee-picker\"")));
	}

	/** Not a timed test: a few hundred mentors with tags and availability give a correct top 10. */
	@Test
	void suggestionsOverAFewHundredMentors() throws Exception {
		String inst = institution();
		Random random = new Random(7);
		List<String> skills = List.of("Java", "Kotlin", "SQL", "Design", "Leadership", "Writing", "Statistics", "Cloud");
		Account mentee = this.f.mentee(inst, "A", RoleName.MENTEE, "Cloud architecture and leadership");
		this.f.tag(mentee, "Java", "SKILL");
		this.f.tag(mentee, "Cloud", "SKILL");
		this.f.tag(mentee, "Leadership", "INTEREST");
		this.f.available(mentee, 2, 8, 18, "UTC");
		List<Account> mentors = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Account m = this.f.mentor(inst, random.nextBoolean() ? "A" : "B", 1 + random.nextInt(5),
					random.nextBoolean() ? "cloud architecture" : "testing");
			for (String s : skills) {
				if (random.nextInt(3) == 0) {
					this.f.tag(m, s, random.nextBoolean() ? "SKILL" : "INTEREST");
				}
			}
			this.f.available(m, 1 + random.nextInt(5), 8 + random.nextInt(6), 15 + random.nextInt(4), "UTC");
			mentors.add(m);
		}
		long started = System.nanoTime();
		String json = this.mvc.perform(get("/api/v1/mentorships/suggestions").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mentorsConsidered").value(300))
			.andExpect(jsonPath("$.suggestions", hasSize(10)))
			.andReturn().getResponse().getContentAsString();
		long millis = (System.nanoTime() - started) / 1_000_000;
		List<Integer> scores = JsonPath.read(json, "$.suggestions[*].score");
		for (int i = 1; i < scores.size(); i++) {
			assertThat(scores.get(i)).isLessThanOrEqualTo(scores.get(i - 1));
		}
		System.out.println("Suggestions over 300 mentors: " + millis + " ms (first call, includes loading)");
	}

}
