package org.mentorhub.platform.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.platform.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the drills found (issue 23, drills/README.md): a request with an {@code Idempotency-Key} committed its writes
 * before its answer was stored, so that an instance killed in between left a goal without an answer, and the
 * retry (after {@code abandoned-after}) made a second one. The request's writes and its answer now commit together:
 * these tests make the storing of the answer fail, as a crash at that moment would, and find nothing written.
 */
@MentorHubIntegrationTest
class IdempotencyTransactionIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	IdempotencyProperties properties;

	@Autowired
	Clock clock;

	String key;

	String row;

	long caller;

	@BeforeEach
	void signIn() {
		this.key = UUID.randomUUID().toString();
		this.row = "idempotency-test-" + this.key.substring(0, 8);
		this.caller = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
		long id = this.caller;
		Actor actor = new Actor() {
			@Override
			public long id() {
				return id;
			}

			@Override
			public Long institutionId() {
				return null;
			}

			@Override
			public Long departmentId() {
				return null;
			}
		};
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		this.jdbc.sql("DELETE FROM shedlock WHERE name = :name").param("name", this.row).update();
	}

	MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/things");
		request.addHeader(IdempotencyFilter.HEADER, this.key);
		request.setContentType("application/json");
		request.setContent("{}".getBytes(StandardCharsets.UTF_8));
		return request;
	}

	/** A handler that writes a row (any table: here platform's shedlock) and answers the status given. */
	FilterChain writesAndAnswers(int status) {
		return (request, response) -> {
			insertRow();
			((HttpServletResponse) response).setStatus(status);
			response.getOutputStream().write("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
		};
	}

	void insertRow() {
		Timestamp now = new Timestamp(System.currentTimeMillis());
		this.jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (:name, :at, :at, 'test')")
			.param("name", this.row)
			.param("at", now)
			.update();
	}

	long rows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = :name").param("name", this.row)
			.query(Long.class).single();
	}

	Integer storedStatus() {
		return this.jdbc.sql("SELECT status FROM idempotency_keys WHERE caller = :caller AND idem_key = :key")
			.param("caller", "user:" + this.caller)
			.param("key", this.key)
			.query((rs, i) -> (Integer) rs.getObject(1, Integer.class))
			.optional()
			.orElse(-1);
	}

	IdempotencyFilter filter(JdbcClient jdbc) {
		return new IdempotencyFilter(jdbc, this.properties, this.clock, this.transactions);
	}

	/** The database as the filter sees it, except that storing an answer fails: a crash at that moment. */
	JdbcClient answersCannotBeStored() {
		return (JdbcClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { JdbcClient.class },
				(proxy, method, args) -> {
					if (method.getName().equals("sql") && ((String) args[0]).contains("SET status")) {
						throw new DataAccessResourceFailureException("the instance died here");
					}
					try {
						return method.invoke(this.jdbc, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Test
	void aWriteIsNeverCommittedWithoutItsAnswer() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatThrownBy(() -> filter(answersCannotBeStored()).doFilter(request(), response, writesAndAnswers(201)))
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(rows()).as("the handler's write is rolled back with the answer").isZero();
		assertThat(storedStatus()).as("the key is released, so that the retry runs").isEqualTo(-1);
		assertThat(response.getContentLength()).isZero();
		assertThat(response.getContentAsByteArray()).as("the client is not told 201").isEmpty();
	}

	@Test
	void aWriteIsCommittedWithItsAnswer() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(this.jdbc).doFilter(request(), response, writesAndAnswers(201));
		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(rows()).isEqualTo(1);
		assertThat(storedStatus()).isEqualTo(201);
	}

	@Test
	void aFailedRequestLeavesNothingWrittenAndReleasesTheKey() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(this.jdbc).doFilter(request(), response, writesAndAnswers(500));
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(rows()).as("a retry would write it again").isZero();
		assertThat(storedStatus()).isEqualTo(-1);
	}

	@Test
	void aRefusalInsideATransactionIsStoredAndLeavesNothingWritten() throws Exception {
		TransactionTemplate service = new TransactionTemplate(this.transactions);
		FilterChain refuses = (request, response) -> {
			try {
				service.executeWithoutResult(tx -> {
					insertRow();
					throw new IllegalArgumentException("refused");
				});
			}
			catch (IllegalArgumentException ex) {
				// As ApiExceptionHandler does: the exception becomes a 400 problem answer.
				((HttpServletResponse) response).setStatus(400);
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(this.jdbc).doFilter(request(), response, refuses);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(rows()).isZero();
		assertThat(storedStatus()).as("the refusal is the answer, replayed to a retry").isEqualTo(400);
	}

}
