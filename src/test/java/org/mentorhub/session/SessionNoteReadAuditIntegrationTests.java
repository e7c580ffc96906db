package org.mentorhub.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.session.SessionNotesFixtures.Pair;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * QUALITY S12: every read of a note by someone other than its author leaves a {@code NOTE_READ} row
 * naming the reader and the note, never its content; a refused read writes none.
 */
@MentorHubIntegrationTest
class SessionNoteReadAuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long write(Pair pair, Account author, String content, boolean privateNote) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/sessions/" + pair.sessionId() + "/notes").with(as(author)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"content\":\"" + content + "\",\"privateNote\":" + privateNote + "}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	List<Map<String, Object>> reads(long... noteIds) {
		return this.jdbc.sql("""
				SELECT user_id, institution_id, entity_id, before_state, after_state FROM audit_logs
				WHERE action = 'NOTE_READ' AND entity = 'session_notes' AND entity_id IN (:ids) ORDER BY id""")
			.param("ids", java.util.Arrays.stream(noteIds).mapToObj(String::valueOf).toList())
			.query()
			.listOfRows();
	}

	@Test
	void readingTheOtherParticipantsNotesWritesOneRowPerNoteWithoutContent() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "COMPLETED");
		String first = "FIRST-" + UUID.randomUUID();
		String second = "SECOND-" + UUID.randomUUID();
		long a = write(pair, pair.mentor(), first, false);
		long b = write(pair, pair.mentor(), second, false);
		long mine = write(pair, pair.mentee(), "the mentee's own", false);
		long hidden = write(pair, pair.mentor(), "the mentor's private one", true);
		assertThat(reads(a, b, mine, hidden)).as("writing is not reading").isEmpty();

		this.mvc.perform(get("/api/v1/sessions/" + pair.sessionId() + "/notes").with(as(pair.mentee())))
			.andExpect(status().isOk());
		List<Map<String, Object>> rows = reads(a, b, mine, hidden);
		assertThat(rows).extracting(row -> row.get("entity_id")).containsExactly(String.valueOf(a), String.valueOf(b));
		assertThat(rows).allSatisfy(row -> {
			assertThat(((Number) row.get("user_id")).longValue()).isEqualTo(pair.mentee().id());
			assertThat(((Number) row.get("institution_id")).longValue()).isEqualTo(this.college.id());
			assertThat(row.get("before_state")).isNull();
			assertThat(row.get("after_state")).isNull();
		});

		// The page (and its htmx partial) is a read too.
		this.mvc.perform(get("/sessions/" + pair.sessionId() + "/notes").with(as(pair.mentee())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/sessions/" + pair.sessionId() + "/notes").with(as(pair.mentee())).header("HX-Request", "true"))
			.andExpect(status().isOk());
		assertThat(reads(a, b)).hasSize(6);
		// Nothing anywhere in the audit log carries the text.
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_logs
				WHERE after_state LIKE :a OR before_state LIKE :a OR after_state LIKE :b OR before_state LIKE :b""")
			.param("a", "%" + first + "%")
			.param("b", "%" + second + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theAuthorsOwnReadsAreNotDisclosures() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "COMPLETED");
		long shared = write(pair, pair.mentor(), "shared by the mentor", false);
		long privateOne = write(pair, pair.mentor(), "private to the mentor", true);
		this.mvc.perform(get("/api/v1/sessions/" + pair.sessionId() + "/notes").with(as(pair.mentor())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/sessions/" + pair.sessionId() + "/notes").with(as(pair.mentor())))
			.andExpect(status().isOk());
		assertThat(reads(shared, privateOne)).isEmpty();
	}

	@Test
	void aRefusedReadShowsNothingAndRecordsNoRead() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "COMPLETED");
		long note = write(pair, pair.mentor(), "for the mentee only", false);
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account admin = this.college.anAdmin().create(this.jdbc);
		for (Account outsider : new Account[] { stranger, admin }) {
			this.mvc.perform(get("/api/v1/sessions/" + pair.sessionId() + "/notes").with(as(outsider)))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/sessions/" + pair.sessionId() + "/notes").with(as(outsider)))
				.andExpect(status().isNotFound());
		}
		assertThat(reads(note)).isEmpty();
	}

}
