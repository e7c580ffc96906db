package org.mentorhub.wellbeing.coverage;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.mentorhub.notification.DeliveredNotifications;
import org.mentorhub.wellbeing.LeaveCoverageChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leave-coverage requests refused with clear messages and nothing written (a proxy covering someone for
 * overlapping dates, herself as proxy, a colleague of another institution, an end date before the start),
 * the wrong user (another institution's administrator, a stranger, the mother answering for the proxy),
 * the page form, and a fixed number of queries for the list page and API.
 */
@MentorHubIntegrationTest
class LeaveCoverageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	TestInstitution company;

	Account mother;

	Account proxy;

	Account admin;

	LocalDate start = LocalDate.now().plusDays(20);

	LocalDate end = LocalDate.now().plusDays(100);

	@BeforeEach
	void setUp() {
		this.company = aCompany().withDepartment("ENGR").build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		this.proxy = this.company.aMentor().inDepartment("ENGR").named("Pia Proxy").create(this.jdbc);
		this.admin = this.company.anAdmin().create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions call(Account caller, String path, String json) throws Exception {
		return this.mvc.perform(post(path).with(as(caller)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).content(json == null ? "" : json));
	}

	String body(long proxyId, LocalDate from, LocalDate to) {
		return "{\"proxyId\":" + proxyId + ",\"startDate\":\"" + from + "\",\"expectedEndDate\":\"" + to + "\"}";
	}

	long requests() {
		return this.jdbc.sql("SELECT COUNT(*) FROM proxy_requests WHERE mother_id = :m").param("m", this.mother.id())
			.query(Long.class).single();
	}

	@Test
	void aProxyAlreadyCoveringSomeoneForOverlappingDatesIsRefused() throws Exception {
		Account other = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		CoverageFixtures.request(this.jdbc, other.id(), this.proxy.id(), "ACCEPTED", this.start.plusDays(50),
				this.end.plusDays(50), null, false, false);
		call(this.mother, "/api/v1/coverage", body(this.proxy.id(), this.start, this.end))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("proxyId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Pia Proxy already covers a colleague")));
		assertThat(requests()).isZero();
		// Dates that do not overlap are fine; so is a proxy whose earlier request was rejected.
		call(this.mother, "/api/v1/coverage", body(this.proxy.id(), this.start, this.start.plusDays(49)))
			.andExpect(status().isCreated());
	}

	@Test
	void herselfAsProxyIsRefused() throws Exception {
		call(this.mother, "/api/v1/coverage", body(this.mother.id(), this.start, this.end))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("proxyId"))
			.andExpect(jsonPath("$.errors[0].message").value("You cannot cover your own leave; choose a colleague."));
		assertThat(requests()).isZero();
	}

	@Test
	void aColleagueOfAnotherInstitutionIsRefused() throws Exception {
		Account stranger = aCompany().build(this.jdbc).aMentor().create(this.jdbc);
		call(this.mother, "/api/v1/coverage", body(stranger.id(), this.start, this.end))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Choose a colleague from your institution."));
		assertThat(requests()).isZero();
	}

	@Test
	void anEndDateBeforeTheStartDateIsRefused() throws Exception {
		call(this.mother, "/api/v1/coverage", body(this.proxy.id(), this.start, this.start.minusDays(1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("expectedEndDate"))
			.andExpect(jsonPath("$.errors[0].message").value("The end date must be on or after the start date."));
		call(this.mother, "/api/v1/coverage", body(this.proxy.id(), LocalDate.now().minusDays(1), this.end))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The leave cannot start in the past."));
		// The page shows the same message next to the field, with 400.
		this.mvc.perform(post("/coverage").with(as(this.mother)).with(csrf()).param("proxyId", "" + this.proxy.id())
			.param("startDate", this.start.toString()).param("expectedEndDate", this.start.minusDays(3).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The end date must be on or after the start date.")));
		assertThat(requests()).isZero();
	}

	@Test
	void theWrongUserGets404Or403() throws Exception {
		long id = CoverageFixtures.request(this.jdbc, this.mother.id(), this.proxy.id(), "PENDING", this.start, this.end,
				"Secret handover", true, false);
		Account otherAdmin = aCompany().build(this.jdbc).anAdmin().create(this.jdbc);
		Account colleague = this.company.aMentee().inDepartment("ENGR").create(this.jdbc);
		for (Account stranger : new Account[] { otherAdmin, colleague }) {
			this.mvc.perform(get("/api/v1/coverage/" + id).with(as(stranger)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isNotFound());
			call(stranger, "/api/v1/coverage/" + id + "/accept", null).andExpect(status().isNotFound());
			call(stranger, "/api/v1/coverage/" + id + "/cancel", null).andExpect(status().isNotFound());
		}
		call(this.mother, "/api/v1/coverage/" + id + "/accept", null).andExpect(status().isForbidden());
		call(this.proxy, "/api/v1/coverage/" + id + "/approve", null).andExpect(status().isForbidden());
		call(this.proxy, "/api/v1/coverage/" + id + "/cancel", null).andExpect(status().isForbidden());
		call(colleague, "/api/v1/coverage", body(this.proxy.id(), this.start, this.end)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/coverage/settings").with(as(this.mother))).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT status FROM proxy_requests WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("PENDING");
		// An answered request cannot be answered again.
		call(this.proxy, "/api/v1/coverage/" + id + "/reject", null).andExpect(status().isOk());
		call(this.proxy, "/api/v1/coverage/" + id + "/accept", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("REJECTED cannot be accepted")));
	}

	@Test
	void anAdministratorAsksForHerAndTheProxyAnswersOnThePage() throws Exception {
		this.mvc.perform(post("/coverage").with(as(this.admin)).with(csrf()).param("motherId", "" + this.mother.id())
			.param("proxyId", "" + this.proxy.id()).param("startDate", this.start.toString())
			.param("expectedEndDate", this.end.toString()).param("notes", "From the administrator"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("SELECT id FROM proxy_requests WHERE mother_id = :m").param("m", this.mother.id())
			.query(Long.class).single();
		this.mvc.perform(get("/coverage").with(as(this.mother))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Pia Proxy")));
		this.mvc.perform(post("/coverage/" + id + "/accept").with(as(this.proxy)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/coverage/" + id).with(as(this.mother))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Accepted")));
	}

	@Test
	void theListPageAndApiMakeAFixedNumberOfQueries() throws Exception {
		CoverageFixtures.request(this.jdbc, this.mother.id(), this.proxy.id(), "PENDING", this.start, this.end, null,
				false, false);
		long pageOne = StatementCounter.count(() -> this.mvc.perform(get("/coverage").with(as(this.admin)))
			.andExpect(status().isOk()));
		long apiOne = StatementCounter.count(() -> this.mvc.perform(get("/api/v1/coverage").with(as(this.admin))
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()));
		for (int i = 0; i < 5; i++) {
			Account m = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
			CoverageFixtures.request(this.jdbc, m.id(), this.proxy.id(), "COMPLETED", this.start.plusYears(i + 1),
					this.end.plusYears(i + 1), null, false, true);
		}
		long pageMany = StatementCounter.count(() -> this.mvc.perform(get("/coverage").with(as(this.admin)))
			.andExpect(status().isOk()));
		long apiMany = StatementCounter.count(() -> this.mvc.perform(get("/api/v1/coverage").with(as(this.admin))
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()));
		assertThat(pageMany).isEqualTo(pageOne);
		assertThat(apiMany).isEqualTo(apiOne);
	}

	@Test
	void aStartedLeaveReachesTheProxyWithNamesAndDatesButNoNotes() {
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		Account mia = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").named("Mia Mother").create(this.jdbc);
		delivered.publish(new LeaveCoverageChanged(5, LeaveCoverageChanged.Change.STARTED, mia.id(), this.proxy.id(),
				LocalDate.of(2027, 3, 1), LocalDate.of(2027, 9, 30), java.util.List.of(this.proxy.id())));
		assertThat(delivered.of(this.proxy, 1)).singleElement().satisfies(row -> {
			assertThat(row.type()).isEqualTo("COVERAGE_STARTED");
			assertThat(row.title()).isEqualTo("Mia Mother's parental leave has started");
			assertThat(row.body()).contains("Pia Proxy covers for her");
			assertThat(row.linkUrl()).isEqualTo("/coverage/5");
		});
	}

}
