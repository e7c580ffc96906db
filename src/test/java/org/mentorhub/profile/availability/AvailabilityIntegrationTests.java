package org.mentorhub.profile.availability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Weekly availability and absences through the API and the page: bad input, and only one's own. */
@MentorHubIntegrationTest
class AvailabilityIntegrationTests {

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

	Account mentee() {
		return this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
	}

	long slotCount(Account account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM availability_slots WHERE user_id = :u")
			.param("u", account.id())
			.query(Long.class)
			.single();
	}

	long absenceCount(Account account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM availability_exceptions WHERE user_id = :u")
			.param("u", account.id())
			.query(Long.class)
			.single();
	}

	void putWeek(Account account, String json, int status) throws Exception {
		this.mvc
			.perform(put("/api/v1/availability/me").with(as(account))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().is(status));
	}

	@Test
	void aPersonReplacesAndReadsTheirWeekInTheirZone() throws Exception {
		Account mentee = mentee();
		putWeek(mentee, """
				{"zone":"America/New_York","slots":[{"day":3,"start":"14:00","end":"15:30"},{"day":1,"start":"09:00","end":"10:00"}]}""",
				200);

		this.mvc.perform(get("/api/v1/availability/me").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.zone").value("America/New_York"))
			.andExpect(jsonPath("$.slots[0].day").value(1))
			.andExpect(jsonPath("$.slots[1].start").value("14:00"))
			.andExpect(jsonPath("$.weeklyMinutes").value(150));
		assertThat(this.jdbc.sql("SELECT DISTINCT time_zone FROM availability_slots WHERE user_id = :u")
			.param("u", mentee.id())
			.query(String.class)
			.list()).containsExactly("America/New_York");
	}

	@Test
	void invertedOverlappingOrZoneLessWeeksAreRefusedAndNothingChanges() throws Exception {
		Account mentee = mentee();
		putWeek(mentee, "{\"zone\":\"UTC\",\"slots\":[{\"day\":1,\"start\":\"09:00\",\"end\":\"10:00\"}]}", 200);

		this.mvc
			.perform(put("/api/v1/availability/me").with(as(mentee))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"zone\":\"Atlantis/Capital\",\"slots\":[{\"day\":2,\"start\":\"12:00\",\"end\":\"11:00\"},"
						+ "{\"day\":4,\"start\":\"09:00\",\"end\":\"11:00\"},{\"day\":4,\"start\":\"10:00\",\"end\":\"12:00\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'zone')].message").value(hasItem(containsString("not a known time zone"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'slots[0]')].message").value(hasItem(containsString("before it starts"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'slots[2]')].message").value(hasItem(containsString("overlaps"))));
		putWeek(mentee, "{\"zone\":\"UTC\",\"slots\":[{\"day\":1,\"start\":\"09:00\",\"end\":\"09:00\"}]}", 400);

		assertThat(slotCount(mentee)).isEqualTo(1);
	}

	@Test
	void absencesAreAddedListedAndRemovedAndAnEndBeforeTheStartIsRefused() throws Exception {
		Account mentee = mentee();
		String created = this.mvc
			.perform(post("/api/v1/availability/me/exceptions").with(as(mentee))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsOn\":\"2026-12-24\",\"endsOn\":\"2027-01-02\",\"reason\":\"Winter holidays\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

		this.mvc
			.perform(post("/api/v1/availability/me/exceptions").with(as(mentee))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsOn\":\"2026-12-24\",\"endsOn\":\"2026-12-20\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("endsOn"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("before it starts")));
		this.mvc.perform(get("/api/v1/availability/me/exceptions").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].reason").value("Winter holidays"));

		this.mvc.perform(delete("/api/v1/availability/me/exceptions/" + id).with(as(mentee)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(absenceCount(mentee)).isZero();
	}

	@Test
	void aMenteeCannotRemoveOrSeeAnotherPersonsAbsence() throws Exception {
		Account owner = mentee();
		Account other = mentee();
		this.jdbc.sql("INSERT INTO availability_exceptions (user_id, starts_on, ends_on, reason) "
				+ "VALUES (:u, DATE '2026-08-01', DATE '2026-08-14', 'Secret trip')")
			.param("u", owner.id())
			.update();
		long id = this.jdbc.sql("SELECT id FROM availability_exceptions WHERE user_id = :u")
			.param("u", owner.id())
			.query(Long.class)
			.single();

		this.mvc.perform(delete("/api/v1/availability/me/exceptions/" + id).with(as(other)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/profile/availability/exceptions/" + id + "/delete").with(as(other)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/availability/me/exceptions").with(as(other)))
			.andExpect(content().string(not(containsString("Secret trip"))));
		assertThat(absenceCount(owner)).isEqualTo(1);
	}

	@Test
	void thePageSavesTickedCellsAsMergedSlots() throws Exception {
		Account mentee = mentee();
		this.mvc
			.perform(post("/profile/availability").with(as(mentee))
				.with(csrf())
				.param("zone", "Europe/London")
				.param("cells", "2-09:00", "2-09:30", "2-10:00", "5-18:30"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/profile/availability"));

		this.mvc.perform(get("/api/v1/availability/me").with(as(mentee)))
			.andExpect(jsonPath("$.slots.length()").value(2))
			.andExpect(jsonPath("$.slots[0].end").value("10:30"))
			.andExpect(jsonPath("$.slots[1].start").value("18:30"));
		this.mvc.perform(get("/profile/availability").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"2-09:30\" id=\"cell-2-09:30\" checked=\"checked\"")))
			// Linked by its content hash (platform.web.StaticResourcesConfiguration).
			.andExpect(content().string(matchesPattern("(?s).*/js/availability-[0-9a-f]{32}\\.js.*")));
	}

	@Test
	void thePageShowsProblemsBesideTheFieldsAndSavesNothing() throws Exception {
		Account mentee = mentee();
		this.mvc
			.perform(post("/profile/availability").with(as(mentee))
				.with(csrf())
				.param("zone", "Nowhere/Special")
				.param("cells", "2-09:00"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a known time zone")));
		this.mvc
			.perform(post("/profile/availability/exceptions").with(as(mentee))
				.with(csrf())
				.param("startsOn", "2026-05-10")
				.param("endsOn", "2026-05-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("before it starts")));
		this.mvc
			.perform(post("/profile/availability/exceptions").with(as(mentee))
				.with(csrf())
				.param("startsOn", "tomorrow")
				.param("endsOn", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("YYYY-MM-DD")));

		assertThat(slotCount(mentee)).isZero();
		assertThat(absenceCount(mentee)).isZero();
	}

	@Test
	void anonymousCallersAreAskedToSignIn() throws Exception {
		this.mvc.perform(get("/api/v1/availability/me")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/profile/availability")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aWeekSavedElsewhereInBetweenIsNotOverwritten() throws Exception {
		Account mentee = mentee();
		putWeek(mentee, """
				{"zone":"Europe/London","slots":[{"day":1,"start":"09:00","end":"10:00"}]}""", 200);
		String read = com.jayway.jsonpath.JsonPath.read(this.mvc.perform(get("/api/v1/availability/me").with(as(mentee)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
		assertThat(read).matches("[0-9a-f]{16}");

		// Another tab saves first: the version read before no longer matches.
		putWeek(mentee, """
				{"zone":"Europe/London","slots":[{"day":2,"start":"09:00","end":"11:00"}],"version":"%s"}"""
			.formatted(read), 200);
		this.mvc
			.perform(put("/api/v1/availability/me").with(as(mentee))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"zone":"Europe/London","slots":[{"day":5,"start":"16:00","end":"17:00"}],"version":"%s"}"""
					.formatted(read)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Edit conflict"));
		assertThat(this.jdbc.sql("SELECT day_of_week FROM availability_slots WHERE user_id = :u")
			.param("u", mentee.id())
			.query(Integer.class)
			.list()).containsExactly(2);

		// The page carries the version too, and says what happened instead of overwriting.
		this.mvc
			.perform(post("/profile/availability").with(as(mentee))
				.with(csrf())
				.param("zone", "Europe/London")
				.param("cells", "4-10:00")
				.param("version", read))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"stale-message\"")));
		assertThat(slotCount(mentee)).isEqualTo(1);
		String current = com.jayway.jsonpath.JsonPath.read(this.mvc.perform(get("/api/v1/availability/me").with(as(mentee)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
		this.mvc
			.perform(post("/profile/availability").with(as(mentee))
				.with(csrf())
				.param("zone", "Europe/London")
				.param("cells", "4-10:00")
				.param("version", current))
			.andExpect(redirectedUrl("/profile/availability"));
		assertThat(this.jdbc.sql("SELECT day_of_week FROM availability_slots WHERE user_id = :u")
			.param("u", mentee.id())
			.query(Integer.class)
			.list()).containsExactly(4);
	}

}
