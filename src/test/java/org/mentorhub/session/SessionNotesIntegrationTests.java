package org.mentorhub.session;

import java.util.Base64;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Notes: a private note never reaches anyone but its author; encryption at rest; edits, stale edits, bad input. */
@MentorHubIntegrationTest
class SessionNotesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** A university of this test's own, with the department CS. */
	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long noteId(String body) {
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	@Test
	void aPrivateNoteReachesOnlyItsAuthorAndIsEncryptedAtRest() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "COMPLETED");
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account admin = this.college.anAdmin().create(this.jdbc);
		String sentinel = "SENTINEL-" + UUID.randomUUID();
		String shared = "SHARED-" + UUID.randomUUID();
		long s = pair.sessionId();
		this.mvc.perform(post("/api/v1/sessions/" + s + "/notes").with(as(pair.mentor())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"" + sentinel + "\",\"privateNote\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.content").value(sentinel))
			.andExpect(jsonPath("$.privateNote").value(true));
		this.mvc.perform(post("/sessions/" + s + "/notes").with(as(pair.mentor())).with(csrf()).param("content", shared))
			.andExpect(status().is3xxRedirection());
		// Raw column: ciphertext only, with the key id.
		var raw = this.jdbc.sql("SELECT content, content_key_id FROM session_notes WHERE session_id = :s AND is_private = TRUE")
			.param("s", s).query().singleRow();
		assertThat((String) raw.get("content")).doesNotContain("SENTINEL");
		assertThat(raw.get("content_key_id")).isNotNull();
		// The author sees it everywhere.
		this.mvc.perform(get("/sessions/" + s + "/notes").with(as(pair.mentor())))
			.andExpect(status().isOk()).andExpect(content().string(containsString(sentinel)));
		// The other participant: shared note yes, private never (page, fragment, API, other sections).
		for (String uri : new String[] { "/sessions/" + s + "/notes", "/sessions/" + s + "/notes?fragment=true",
				"/api/v1/sessions/" + s + "/notes", "/sessions/" + s + "/action-items", "/sessions/" + s + "/feedback",
				"/api/v1/sessions/" + s + "/feedback", "/action-items", "/api/v1/action-items/mine" }) {
			this.mvc.perform(get(uri).with(as(pair.mentee())))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(sentinel))));
		}
		this.mvc.perform(get("/sessions/" + s + "/notes").with(as(pair.mentee())))
			.andExpect(content().string(containsString(shared)));
		this.mvc.perform(get("/sessions/" + s + "/notes").with(as(pair.mentee())).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"session-notes\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString(sentinel))));
		// Coordinator and administrator: no notes at all (404), and the feedback view has no note content.
		for (Account manager : new Account[] { coordinator, admin }) {
			this.mvc.perform(get("/sessions/" + s + "/notes").with(as(manager))).andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString(sentinel))));
			this.mvc.perform(get("/api/v1/sessions/" + s + "/notes").with(as(manager))).andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString(sentinel))));
			this.mvc.perform(get("/api/v1/sessions/" + s + "/feedback").with(as(manager))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString(sentinel))));
		}
		// No mail carries it (outbox), and no audit row.
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE body_text LIKE :p OR subject LIKE :p")
			.param("p", "%" + sentinel + "%").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE after_state LIKE :p OR before_state LIKE :p")
			.param("p", "%" + sentinel + "%").query(Integer.class).single()).isZero();
	}

	@Test
	void mailTemplatesCarryNoNoteContent() throws Exception {
		var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
		for (var resource : resolver.getResources("classpath:templates/mail/**/*.*")) {
			String text = new String(resource.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(text).as(resource.getFilename()).doesNotContainIgnoringCase("note.content")
				.doesNotContainIgnoringCase("notes}").doesNotContain("privateNote");
		}
	}

	@Test
	void tamperedCiphertextIsRefusedNotShown() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "CONFIRMED");
		long s = pair.sessionId();
		String body = this.mvc.perform(post("/api/v1/sessions/" + s + "/notes").with(as(pair.mentee())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"my secret\",\"privateNote\":true}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = noteId(body);
		String stored = this.jdbc.sql("SELECT content FROM session_notes WHERE id = :id").param("id", id)
			.query(String.class).single();
		byte[] bytes = Base64.getDecoder().decode(stored);
		bytes[14] ^= 0x01;
		String tampered = Base64.getEncoder().encodeToString(bytes);
		this.jdbc.sql("UPDATE session_notes SET content = :c WHERE id = :id").param("c", tampered).param("id", id).update();
		this.mvc.perform(get("/api/v1/sessions/" + s + "/notes").with(as(pair.mentee())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].unreadable").value(true))
			.andExpect(jsonPath("$[0].content").doesNotExist());
		this.mvc.perform(get("/sessions/" + s + "/notes").with(as(pair.mentee())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be read")))
			.andExpect(content().string(not(containsString(tampered))));
	}

	@Test
	void editsKeepHistoryAndAStaleEditIs409() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "CONFIRMED");
		String base = "/api/v1/sessions/" + pair.sessionId() + "/notes";
		long id = noteId(this.mvc.perform(post(base).with(as(pair.mentee())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"First\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		Thread.sleep(5);
		this.mvc.perform(put(base + "/" + id).with(as(pair.mentee())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"content\":\"Second\",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content").value("Second"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.edited").doesNotExist());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM session_notes WHERE id = :id AND updated_at > created_at")
			.param("id", id).query(Integer.class).single()).isOne();
		this.mvc.perform(put(base + "/" + id).with(as(pair.mentee())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"content\":\"Stale\",\"version\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("changed")));
		this.mvc.perform(post("/sessions/" + pair.sessionId() + "/notes/" + id).with(as(pair.mentee())).with(csrf())
				.param("content", "Stale page").param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this")));
		// The other participant cannot edit or delete it.
		this.mvc.perform(put(base + "/" + id).with(as(pair.mentor())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"content\":\"Hijack\",\"version\":1}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete(base + "/" + id).param("version", "1").with(as(pair.mentor())).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete(base + "/" + id).param("version", "1").with(as(pair.mentee())).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM session_notes WHERE id = :id").param("id", id)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void badInputIs400AndWritesNothing() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "CONFIRMED");
		String base = "/api/v1/sessions/" + pair.sessionId() + "/notes";
		this.mvc.perform(post(base).with(as(pair.mentee())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"content\":\"   \"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("content"));
		this.mvc.perform(post(base).with(as(pair.mentee())).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"content\":\"" + "x".repeat(10_001) + "\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/sessions/" + pair.sessionId() + "/notes").with(as(pair.mentee())).with(csrf()).param("content", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("cannot be empty")));
		this.mvc.perform(post("/sessions/" + pair.sessionId() + "/notes").with(as(pair.mentee())).with(csrf())
				.header("HX-Request", "true").param("content", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be empty")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM session_notes WHERE session_id = :s").param("s", pair.sessionId())
			.query(Integer.class).single()).isZero();
		// Somebody outside the session: 404.
		Account stranger = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(post(base).with(as(stranger)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"content\":\"Hello\"}"))
			.andExpect(status().isNotFound());
	}

}
