package org.mentorhub.wellbeing;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Milestones: a new mother keeps her private timeline; her active mentor sees only what she shares;
 * administrators, other mothers and past mentors get 404; bad input is 400 with nothing written; stored
 * XSS is inert in the pages.
 */
@MentorHubIntegrationTest
class MilestoneApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	TestInstitution company;

	Account mother;

	Account mentor;

	Account admin;

	Account otherMother;

	@BeforeEach
	void setUp() {
		this.company = aCompany().withDepartment("ENGR").build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		this.otherMother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		this.mentor = this.company.aMentor().inDepartment("ENGR").create(this.jdbc);
		this.admin = this.company.anAdmin().create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.mother, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions create(Account caller, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/milestones").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	long count(Account owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM milestone_logs WHERE user_id = :u").param("u", owner.id())
			.query(Long.class).single();
	}

	static String json(String type, String title, LocalDate date, boolean shared) {
		return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"notes\":\"Some notes\",\"date\":\"" + date
				+ "\",\"sharedWithMentor\":" + shared + "}";
	}

	@Test
	void aMotherKeepsHerTimelineAndSeesWhatIsNext() throws Exception {
		LocalDate today = LocalDate.now();
		create(this.mother, json("LEAVE_START", "Leave starts", today.plusDays(10), false)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("LEAVE_START"))
			.andExpect(jsonPath("$.sharedWithMentor").value(false));
		create(this.mother, json("RETURN_TO_WORK", "Back at work", today.plusDays(200), false)).andExpect(status().isCreated());
		create(this.mother, json("BIRTH", "Baby arrives", today.plusDays(40), false)).andExpect(status().isCreated());
		create(this.mother, json("PREGNANCY", "Told my manager", today.minusDays(100), false)).andExpect(status().isCreated());

		this.mvc.perform(get("/api/v1/milestones").with(as(this.mother)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.next[0].kind").value("NEXT"))
			.andExpect(jsonPath("$.next[0].days").value(10))
			.andExpect(jsonPath("$.next[1].kind").value("RETURN_TO_WORK"))
			.andExpect(jsonPath("$.next[1].days").value(200))
			.andExpect(jsonPath("$.upcoming.length()").value(3))
			.andExpect(jsonPath("$.past[0].title").value("Told my manager"));
		this.mvc.perform(get("/milestones").with(as(this.mother)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("countdown-next")))
			.andExpect(content().string(containsString("countdown-return_to_work")))
			.andExpect(content().string(containsString("Back at work")));
	}

	@Test
	void herMentorSeesOnlyWhatSheSharesAndNobodyElseSeesAnything() throws Exception {
		try (CapturedEvents<MilestoneShared> shared = CapturedEvents.of(this.context, MilestoneShared.class)) {
			long open = id(create(this.mother, json("BIRTH", "Shared birth", LocalDate.now().minusDays(3), true))
				.andExpect(status().isCreated()));
			long hidden = id(create(this.mother, json("HEALTH", "Private health", LocalDate.now().minusDays(2), false))
				.andExpect(status().isCreated()));
			assertThat(shared.matching(e -> e.milestoneId() == open)).singleElement()
				.satisfies(e -> assertThat(e.mentorIds()).containsExactly(this.mentor.id()));
			assertThat(shared.matching(e -> e.milestoneId() == hidden)).isEmpty();

			this.mvc.perform(get("/api/v1/milestones/" + open).with(as(this.mentor)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isOk()).andExpect(jsonPath("$.mine").value(false));
			this.mvc.perform(get("/api/v1/milestones/" + hidden).with(as(this.mentor)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/api/v1/milestones/shared").with(as(this.mentor)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Shared birth")))
				.andExpect(content().string(not(containsString("Private health"))));
			// The mentor may see but not change or delete it.
			this.mvc.perform(put("/api/v1/milestones/" + open).with(as(this.mentor)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
				.content(json("BIRTH", "Changed", LocalDate.now(), true))).andExpect(status().isNotFound());
			this.mvc.perform(delete("/api/v1/milestones/" + open).with(as(this.mentor)).with(csrf())
				.accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
			// Administrators and other mothers: 404, shared or not.
			for (Account other : new Account[] { this.admin, this.otherMother }) {
				for (long id : new long[] { open, hidden }) {
					this.mvc.perform(get("/api/v1/milestones/" + id).with(as(other)).accept(MediaType.APPLICATION_JSON))
						.andExpect(status().isNotFound());
					this.mvc.perform(get("/milestones/" + id).with(as(other))).andExpect(status().isNotFound());
				}
				this.mvc.perform(delete("/api/v1/milestones/" + open).with(as(other)).with(csrf())
					.accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
			}
			// Once the mentorship ends, the mentor sees nothing.
			this.jdbc.sql("UPDATE mentorships SET status = 'ENDED' WHERE mentor_id = :m").param("m", this.mentor.id()).update();
			this.mvc.perform(get("/api/v1/milestones/" + open).with(as(this.mentor)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isNotFound());
			assertThat(count(this.mother)).isEqualTo(2);
		}
	}

	@Test
	void sheEditsAndDeletesHerOwnMilestone() throws Exception {
		long id = id(create(this.mother, json("OTHER", "First", LocalDate.now(), false)));
		this.mvc.perform(put("/api/v1/milestones/" + id).with(as(this.mother)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.content(json("CAREER", "Promotion", LocalDate.now().plusDays(5), true)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Promotion"))
			.andExpect(jsonPath("$.sharedWithMentor").value(true));
		this.mvc.perform(post("/milestones/" + id + "/delete").with(as(this.mother)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(count(this.mother)).isZero();
	}

	@Test
	void badInputIsRefusedWithItsFieldAndNothingWritten() throws Exception {
		LocalDate today = LocalDate.now();
		create(this.mother, json("BIRTH", "Far away", today.plusYears(3).plusDays(2), false))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("within 3 years")));
		create(this.mother, json("BIRTH", "Long ago", today.minusYears(3).minusDays(2), false))
			.andExpect(status().isBadRequest());
		create(this.mother, json("HOLIDAY", "Unknown type", today, false))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Unknown kind of milestone")));
		create(this.mother, json("BIRTH", "  ", today, false)).andExpect(status().isBadRequest());
		create(this.mother, json("BIRTH", "x".repeat(201), today, false)).andExpect(status().isBadRequest());
		create(this.mother, "{\"type\":\"BIRTH\",\"title\":\"No date\"}").andExpect(status().isBadRequest());
		this.mvc.perform(post("/milestones").with(as(this.mother)).with(csrf())
			.param("type", "BIRTH").param("title", "Far").param("date", today.plusYears(5).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("within 3 years")));
		this.mvc.perform(post("/milestones").with(as(this.mother)).with(csrf())
			.param("type", "BIRTH").param("title", "Bad date").param("date", "soon"))
			.andExpect(status().isBadRequest());
		assertThat(count(this.mother)).isZero();
		// Only new mothers keep milestones.
		create(this.mentor, json("BIRTH", "Not mine", today, false)).andExpect(status().isForbidden());
		assertThat(count(this.mentor)).isZero();
	}

	@Test
	void storedScriptInTitlesAndNotesIsInert() throws Exception {
		String payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
		this.mvc.perform(post("/milestones").with(as(this.mother)).with(csrf()).param("type", "BIRTH")
			.param("title", payload).param("notes", payload).param("date", LocalDate.now().toString())
			.param("sharedWithMentor", "true")).andExpect(status().is3xxRedirection());
		for (Account reader : new Account[] { this.mother, this.mentor }) {
			this.mvc.perform(get("/milestones").with(as(reader)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(payload))))
				.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
		}
	}

}
