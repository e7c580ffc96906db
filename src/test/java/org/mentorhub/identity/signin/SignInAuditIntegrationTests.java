package org.mentorhub.identity.signin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.identity.Invitations.Invitation;
import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.Accounts;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.identity.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in part of QUALITY S12: successes, failures, lockouts, refusals while locked and denied
 * access are in the audit log with the client's address and user agent, and neither the audit log
 * nor the application log ever holds the password that was typed.
 */
@MentorHubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInAuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Invitations invitations;

	final String ip = Accounts.randomIp();

	final String userAgent = "AuditProbe/1.0 (" + UUID.randomUUID() + ")";

	record Row(String action, String entity, String entityId, String ip, String userAgent, String actorLabel,
			String afterState) {
	}

	ResultActions signIn(String login, String password) throws Exception {
		return this.mvc.perform(post("/login").param("username", login).param("password", password).with(csrf())
			.with(request -> {
				request.setRemoteAddr(this.ip);
				request.addHeader("User-Agent", this.userAgent);
				return request;
			}));
	}

	List<Row> rowsOf(long userId) {
		return this.jdbc.sql("""
				SELECT action, entity, entity_id, ip, user_agent, actor_label, after_state FROM audit_logs
				WHERE user_id = :user ORDER BY id""")
			.param("user", userId)
			.query(Row.class)
			.list();
	}

	long lastAuditId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_logs").query(Long.class).single();
	}

	/** Every column of every audit row written after {@code afterId}, as text. */
	String auditTextAfter(long afterId) {
		return this.jdbc.sql("SELECT * FROM audit_logs WHERE id > :id")
			.param("id", afterId)
			.query((rs, n) -> {
				StringBuilder text = new StringBuilder();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					text.append(rs.getString(i)).append('|');
				}
				return text.toString();
			})
			.list()
			.toString();
	}

	@Test
	void aSuccessfulSignInIsAuditedAndRemembered() throws Exception {
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("audit-ok").create();

		signIn(account.email(), account.password()).andExpect(authenticated());

		assertThat(rowsOf(account.id())).singleElement().satisfies(row -> {
			assertThat(row.action()).isEqualTo("SIGN_IN_SUCCEEDED");
			assertThat(row.entity()).isEqualTo("users");
			assertThat(row.entityId()).isEqualTo(String.valueOf(account.id()));
			assertThat(row.ip()).isEqualTo(this.ip);
			assertThat(row.userAgent()).isEqualTo(this.userAgent);
		});
		assertThat(this.jdbc.sql("SELECT last_login_at FROM users WHERE id = :id")
			.param("id", account.id())
			.query(java.time.LocalDateTime.class)
			.single()).isNotNull();
		assertThat(this.jdbc.sql("SELECT version FROM users WHERE id = :id").param("id", account.id())
			.query(Long.class).single()).as("a sign-in does not count as an edit").isZero();
	}

	@Test
	void failuresTheLockoutAndRefusalsWhileLockedAreAudited() throws Exception {
		TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("audit-lock").create();
		for (int i = 0; i < 5; i++) {
			signIn(account.email(), "wrong " + i).andExpect(unauthenticated());
		}
		signIn(account.email(), account.password()).andExpect(unauthenticated());

		List<Row> rows = rowsOf(account.id());
		assertThat(rows).extracting(Row::action)
			.containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
					"SIGN_IN_LOCKOUT", "SIGN_IN_REFUSED_LOCKED");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.ip()).isEqualTo(this.ip);
			assertThat(row.userAgent()).isEqualTo(this.userAgent);
		});
		assertThat(rows.get(4).afterState()).contains("\"failuresInARow\":5");
		assertThat(rows.get(5).afterState()).contains("lockedUntil");
	}

	@Test
	void anUnknownAccountsFailureIsAuditedWithoutWhatWasTyped() throws Exception {
		long before = lastAuditId();
		String typedLogin = "typo-" + UUID.randomUUID() + "@mentorhub.test";

		signIn(typedLogin, "whatever it was").andExpect(unauthenticated());

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE id > :id AND action = 'SIGN_IN_FAILED' "
				+ "AND user_id IS NULL AND actor_label = 'unknown account' AND user_agent = :agent")
			.param("id", before)
			.param("agent", this.userAgent)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(auditTextAfter(before)).doesNotContain(typedLogin);
	}

	@Test
	void theTypedPasswordIsInNoAuditRowAndNoLogLine(CapturedOutput output) throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		List<String> loggers = List.of("org.mentorhub", "org.springframework.security", "org.springframework.web",
				"org.springframework.jdbc");
		loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
		long before = lastAuditId();
		String planted = "planted-secret-" + UUID.randomUUID();
		try {
			TestAccounts.Account account = TestAccounts.anAccount(this.jdbc).named("audit-secret").withPassword(planted)
				.create();
			for (int i = 0; i < 6; i++) {
				signIn(account.email(), planted + "-" + i).andExpect(unauthenticated());
			}
			signIn("nobody-" + UUID.randomUUID() + "@mentorhub.test", planted).andExpect(unauthenticated());
			signIn(account.email(), planted).andExpect(unauthenticated());
		}
		finally {
			loggers.forEach(logger -> logging.setLogLevel(logger, null));
		}

		assertThat(output.getAll()).as("log output at TRACE").contains("SIGN_IN").doesNotContain(planted);
		assertThat(auditTextAfter(before)).contains("SIGN_IN_LOCKOUT").doesNotContain(planted);
	}

	@Test
	void aPageDeniedByMethodSecurityIsAuditedOnce() throws Exception {
		long before = lastAuditId();
		SignedInUser admin = (SignedInUser) this.users
			.loadUserByUsername(aUniversity().build(this.jdbc).anAdmin().create(this.jdbc).email());

		this.mvc.perform(get("/platform/outbox").with(user(admin)).with(request -> {
			request.setRemoteAddr(this.ip);
			return request;
		})).andExpect(status().isForbidden());

		// The row names the request; the refused method is in its after-state.
		assertThat(this.jdbc.sql("""
				SELECT entity_id, after_state FROM audit_logs
				WHERE id > :id AND action = 'ACCESS_DENIED' AND user_id = :user AND ip = :ip""")
			.param("id", before)
			.param("user", admin.id())
			.param("ip", this.ip)
			.query((rs, row) -> rs.getString("entity_id") + " " + rs.getString("after_state"))
			.list()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("GET /platform/outbox ")
				.contains("OutboxPageController.outbox"));
	}

	@Test
	void aRequestWithoutCsrfTokenIsAuditedAsDenied() throws Exception {
		long before = lastAuditId();
		SignedInUser student = (SignedInUser) this.users
			.loadUserByUsername(aUniversity().build(this.jdbc).aStudent().create(this.jdbc).email());

		this.mvc.perform(post("/logout").with(user(student)).with(request -> {
			request.setRemoteAddr(this.ip);
			return request;
		})).andExpect(status().isForbidden());

		assertThat(this.jdbc.sql("""
				SELECT entity_id, after_state FROM audit_logs
				WHERE id > :id AND action = 'ACCESS_DENIED' AND user_id = :user AND ip = :ip""")
			.param("id", before)
			.param("user", student.id())
			.param("ip", this.ip)
			.query((rs, n) -> Map.of("what", rs.getString(1), "after", rs.getString(2)))
			.list()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("what", "POST /logout")
				.hasEntrySatisfying("after", after -> assertThat(after).contains("CSRF")));
	}

	@Test
	void aServiceCallDeniedByMethodSecurityIsAudited() {
		org.mentorhub.TestAccounts.Account account = aUniversity().build(this.jdbc).aMentor().create(this.jdbc);
		long mentor = account.id();
		long before = lastAuditId();

		assertThatThrownBy(() -> RunAs.run(this.users.loadUserByUsername(account.email()), () -> this.invitations
			.invite(new Invitation("x-" + UUID.randomUUID() + "@mentorhub.test", "X", List.of(RoleName.MENTEE), null))))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(this.jdbc.sql("""
				SELECT entity_id FROM audit_logs WHERE id > :id AND action = 'ACCESS_DENIED' AND user_id = :user""")
			.param("id", before)
			.param("user", mentor)
			.query(String.class)
			.list()).containsExactly("Invitations.invite");
	}

	@Test
	void anonymousVisitorsSentToTheSignInPageAreNotAuditedAsDenied() throws Exception {
		long before = lastAuditId();

		this.mvc.perform(get("/").with(request -> {
			request.setRemoteAddr(this.ip);
			return request;
		})).andExpect(status().isFound());

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE id > :id AND ip = :ip")
			.param("id", before)
			.param("ip", this.ip)
			.query(Long.class)
			.single()).isZero();
	}

}
