package org.mentorhub.platform;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Log lines cannot be forged (QUALITY S9): CR/LF planted in a request, a log message or an
 * exception's message never starts a line of its own in the development log format, and every line
 * logged for a request carries its id.
 */
@MentorHubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogForgingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	static List<String> forgedLines(CapturedOutput output) {
		return Arrays.stream(output.getAll().split("\\R")).filter(line -> line.startsWith("FORGED")).toList();
	}

	@Test
	void aForgedLineInASortParameterNeverReachesTheLog(CapturedOutput output) throws Exception {
		Account admin = aUniversity().build(this.jdbc).anAdmin().create(this.jdbc);

		MvcResult result = this.mvc.perform(get("/api/v1/users").with(request -> {
			request.setQueryString("sort=%25zz%0d%0aFORGED%20line&FORGED%0d%0aname=1");
			request.addParameter("sort", "%zz\r\nFORGED line");
			request.addParameter("FORGED\r\nname", "1");
			return request;
		}).with(user(this.users.loadUserByUsername(admin.email())))).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		String requestId = result.getResponse().getHeader("X-Request-Id");
		assertThat(requestId).isNotBlank();
		assertThat(output.getAll()).contains("[" + requestId + "]").contains("Refused GET /api/v1/users");
		assertThat(forgedLines(output)).isEmpty();
	}

	@Test
	void crLfInAMessageOrAnExceptionIsEscapedInThePlainLog(CapturedOutput output) {
		var log = LoggerFactory.getLogger(LogForgingIntegrationTests.class);

		log.warn("Searched for {}", "x\r\nFORGED line from a message");
		log.error("It failed", new IllegalStateException("bad input\nFORGED line from an exception",
				new IllegalArgumentException("\r\nFORGED line from a cause")));

		assertThat(output.getAll()).contains("Searched for x\\r\\nFORGED line from a message")
			.contains("It failed")
			.contains("\tat org.mentorhub.platform.LogForgingIntegrationTests")
			.contains("Caused by: java.lang.IllegalArgumentException");
		assertThat(forgedLines(output)).isEmpty();
	}

}
