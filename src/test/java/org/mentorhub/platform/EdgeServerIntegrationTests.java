package org.mentorhub.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * The edge over real HTTP, with a raw socket (so that the test, not the client library, decides
 * every byte: a forged Host, a broken path, a body that never ends): no trust in Host, bounded
 * bodies, container errors in the application's shape, and the same problem JSON for every error.
 */
@MentorHubServerTest
class EdgeServerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A raw answer: status, headers (lower-case names) and body. */
	record Answer(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	Answer exchange(String head) throws IOException {
		return exchange(head.getBytes(StandardCharsets.ISO_8859_1), null, 0);
	}

	/**
	 * Sends the head and then, if given, up to {@code bodyBytes} of filler (chunk by chunk, stopping
	 * when the server closes), and reads the answer until the server closes the connection.
	 */
	Answer exchange(byte[] head, byte[] chunk, long bodyBytes) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			// Generous: the first /v3/api-docs is built on demand, on a busy machine.
			socket.setSoTimeout(90_000);
			OutputStream out = socket.getOutputStream();
			out.write(head);
			out.flush();
			long sent = 0;
			try {
				while (chunk != null && sent < bodyBytes) {
					out.write(chunk);
					sent += chunk.length;
				}
				out.flush();
			}
			catch (SocketException closedByTheServer) {
				// The server answered and closed before the body was complete: that is the point.
			}
			return read(socket.getInputStream());
		}
	}

	static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) > 0;) {
				all.write(buffer, 0, n);
				String text = all.toString(StandardCharsets.UTF_8);
				int end = text.indexOf("\r\n\r\n");
				if (end > 0) {
					Answer answer = parse(text);
					String length = answer.header("content-length");
					if (length != null && answer.body().getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length)) {
						return answer;
					}
					if (answer.body().endsWith("0\r\n\r\n")) {
						return answer;
					}
				}
			}
		}
		catch (SocketException reset) {
			// Some of the answer may have come before the reset.
		}
		return parse(all.toString(StandardCharsets.UTF_8));
	}

	static Answer parse(String text) {
		int end = text.indexOf("\r\n\r\n");
		assertThat(end).as("an HTTP answer in: %s", text).isPositive();
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		return new Answer(status, headers, text.substring(end + 4));
	}

	String get(String path, String host, String accept, String... extra) {
		return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + accept + "\r\n" + String.join("", extra)
				+ "Connection: close\r\n\r\n";
	}

	static void assertProblem(Answer answer, int status, String instance) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.header("content-type")).startsWith("application/problem+json");
		// The fields of Spring's own problem JSON ("type" is about:blank, which it leaves out).
		assertThat(answer.body()).doesNotContain("\"type\"")
			.contains("\"title\":")
			.contains("\"status\":" + status)
			.contains("\"detail\":")
			.contains("\"instance\":\"" + instance + "\"")
			.doesNotContain("/error\"", "Exception", "Tomcat");
	}

	static void assertSecurityHeaders(Answer answer) {
		assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
		assertThat(answer.header("content-security-policy")).contains("frame-ancestors 'none'");
		assertThat(answer.header("permissions-policy")).contains("camera=()");
		assertThat(answer.header("server")).isNull();
	}

	@Test
	void aForgedHostNeverAppearsInARedirect() throws Exception {
		Answer answer = exchange(get("/sessions", "evil.example", "text/html"));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("location")).isEqualTo("/login").doesNotContain("evil.example");
	}

	@Test
	void aForgedHostNeverAppearsInTheOpenApiServers() throws Exception {
		Answer answer = exchange(get("/v3/api-docs", "evil.example", "application/json"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain("evil.example").contains("\"servers\":[{\"url\":\"http://localhost:8080\"");
	}

	@Test
	void aNulInThePathIsProblemJsonWithTheSecurityHeadersNotTomcatsPage() throws Exception {
		Answer answer = exchange(get("/sessions%00x", "localhost", "application/json"));

		assertProblem(answer, 400, "/sessions%00x");
		assertSecurityHeaders(answer);
		assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContain("Apache");
	}

	@Test
	void aBrowserGetsABarePageForANulInThePath() throws Exception {
		Answer answer = exchange(get("/sessions%00x", "localhost", "text/html"));

		assertThat(answer.status()).isEqualTo(400);
		assertSecurityHeaders(answer);
		assertThat(answer.body()).contains("MentorHub").doesNotContain("Apache", "Tomcat", "Exception");
	}

	@Test
	void aBrowserGetsTheFriendlyPageWithTheReasonForAControlCharacter() throws Exception {
		Answer answer = exchange(get("/login?q=a%00b", "localhost", "text/html"));

		assertThat(answer.status()).isEqualTo(400);
		assertSecurityHeaders(answer);
		assertThat(answer.body()).contains("The parameter &#39;q&#39; contains a control character")
			.doesNotContain("Exception");
	}

	@Test
	void anAddressOverEightKilobytesIsRefusedWithoutServerDetails() throws Exception {
		Answer answer = exchange(get("/login?q=" + "a".repeat(9000), "localhost", "application/json"));

		assertThat(answer.status()).isBetween(400, 431);
		assertThat(answer.body()).doesNotContain("Apache", "Tomcat", "Exception");
	}

	@Test
	void tooManyParametersAreRefusedInTheApplicationsShape() throws Exception {
		StringBuilder query = new StringBuilder("a0=0");
		for (int i = 1; i < 1100; i++) {
			query.append("&a").append(i).append('=').append(i);
		}
		Answer answer = exchange(get("/api/v1/me?" + query, "localhost", "application/json"));

		assertThat(answer.status()).isBetween(400, 499);
		assertThat(answer.body()).doesNotContain("Apache", "Tomcat", "Exception");
	}

	@Test
	void aFiftyMegabyteBodyToTheAnonymousPasswordResetIsRefusedUnread() throws Exception {
		String head = "POST /api/v1/account/password-reset-requests HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + 50L * 1024 * 1024
				+ "\r\n\r\n";
		byte[] filler = " ".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
		long started = System.nanoTime();

		// Only 256 KB of the announced 50 MB are ever sent; the answer must not wait for the rest.
		Answer answer = exchange(head.getBytes(StandardCharsets.US_ASCII), filler, 256 * 1024);

		assertProblem(answer, 413, "/api/v1/account/password-reset-requests");
		assertThat(answer.body()).contains("at most 16 KB");
		assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to the answer").isLessThan(15_000);
	}

	@Test
	void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
		String head = "POST /api/v1/account/password-reset-requests HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nAccept: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
		String piece = "{\"email\":\"" + "a".repeat(4000);
		byte[] chunk = (Integer.toHexString(piece.length()) + "\r\n" + piece + "\r\n").getBytes(StandardCharsets.US_ASCII);

		// Never a last chunk: the server must answer from what it counted, not from the end of the body.
		Answer answer = exchange(head.getBytes(StandardCharsets.US_ASCII), chunk, 64 * 1024);

		assertProblem(answer, 413, "/api/v1/account/password-reset-requests");
	}

	@Test
	void everyApiErrorHasTheSameFieldsAndTheRequestedPath() throws Exception {
		Answer unauthorized = exchange(get("/api/v1/me", "localhost", "application/json"));
		assertProblem(unauthorized, 401, "/api/v1/me");
		assertThat(unauthorized.header("www-authenticate")).isEqualTo("Bearer");

		Account mentee = aUniversity().withDepartment("CS").build(this.jdbc).a(RoleName.MENTEE).inDepartment("CS")
			.create(this.jdbc);
		String token = TestTokens.plant(this.jdbc, mentee, "read write");
		String bearer = "Authorization: Bearer " + token + "\r\n";
		assertProblem(exchange(get("/api/v1/no-such-thing", "localhost", "application/json", bearer)), 404,
				"/api/v1/no-such-thing");
		assertProblem(exchange(get("/api/v1/users", "localhost", "application/json", bearer)), 403, "/api/v1/users");
		assertProblem(exchange("DELETE /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n" + bearer
				+ "Connection: close\r\n\r\n"), 405, "/api/v1/me");
		Answer unsupported = exchange("POST /api/v1/account/password-reset-requests HTTP/1.1\r\nHost: localhost\r\n"
				+ "Accept: application/json\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
		assertProblem(unsupported, 415, "/api/v1/account/password-reset-requests");
	}

	@Test
	void aMenteesReadOnlyTokenWithAForgedSortIsRefused403Not500() throws Exception {
		Account mentee = aUniversity().withDepartment("CS").build(this.jdbc).a(RoleName.MENTEE).inDepartment("CS")
			.create(this.jdbc);
		String token = TestTokens.plant(this.jdbc, mentee, "read");

		Answer answer = exchange(get("/api/v1/users?sort=%25zz%0d%0aFORGED", "localhost", "application/json",
				"Authorization: Bearer " + token + "\r\n"));

		assertProblem(answer, 403, "/api/v1/users");
	}

	@Test
	void everyAnswerHasARequestIdAndThePermissionsPolicy() throws Exception {
		Answer login = exchange(get("/login", "localhost", "text/html"));

		assertThat(login.header("x-request-id")).matches("[0-9a-f]{16}");
		assertThat(login.header("permissions-policy")).contains("geolocation=()");
		assertThat(exchange(get("/login", "localhost", "text/html")).header("x-request-id"))
			.isNotEqualTo(login.header("x-request-id"));
	}

	@Test
	void actuatorInfoShowsTheAppsNameAndVersionOnly() throws Exception {
		Answer answer = exchange(get("/actuator/info", "localhost", "application/json"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("\"name\":\"MentorHub\"")
			.contains("\"version\":\"")
			.doesNotContain("\"java\"", "jvm", "\"vendor\"", "@project.version@");
	}

	@Test
	void anUploadNameOverFiveHundredBytesIs400WithAClearMessageNot413() throws Exception {
		Account admin = aUniversity().build(this.jdbc).anAdmin().create(this.jdbc);
		String token = TestTokens.plant(this.jdbc, admin, "read write");
		String boundary = "edgeTestBoundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "n".repeat(600)
				+ ".csv\"\r\nContent-Type: text/csv\r\n\r\nemail\r\n--" + boundary + "--\r\n";
		String head = "POST /api/v1/user-imports HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
				+ "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
				+ "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";

		Answer answer = exchange(head + body);

		assertProblem(answer, 400, "/api/v1/user-imports");
		assertThat(answer.body()).contains("name of the uploaded file is too long");
	}

}
