package org.mentorhub.profile.avatar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.HttpTestClient;
import org.mentorhub.MentorHubServerTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.TokenHashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;

/**
 * Avatar uploads over real HTTP (Tomcat's multipart parsing and error dispatch, which MockMvc
 * skips): a multipart PUT works, the page form works with its CSRF field inside the multipart body,
 * our 2 MB limit is a 400 and the servlet's 10 MB limit a 413, both problem JSON, never a 500.
 */
@MentorHubServerTest
class AvatarUploadServerIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	Account owner;

	String token;

	@BeforeEach
	void plantToken() {
		this.owner = this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
		this.token = "mh_" + TokenHashing.newToken();
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("INSERT INTO personal_access_tokens (user_id, name, token_prefix, token_hash, scopes, expires_at, created_at) "
				+ "VALUES (:u, 'avatar test', :p, :h, 'read write', :e, :now)")
			.param("u", this.owner.id())
			.param("p", this.token.substring(0, 11))
			.param("h", TokenHashing.sha256Hex(this.token))
			.param("e", now.plusDays(1))
			.param("now", now)
			.update();
	}

	static byte[] multipart(String boundary, String extraField, String extraValue, String fileName, String type,
			byte[] content) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (extraField != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + extraField + "\"\r\n\r\n"
					+ extraValue + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	HttpResponse<String> put(byte[] content) throws Exception {
		String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/profiles/me/avatar"))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, null, null, "me.png", "image/png", content)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aMultipartPutStoresTheAvatar() throws Exception {
		HttpResponse<String> response = put(TestFiles.picture("png", 300, 200, false));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"hasAvatar\":true");
	}

	@Test
	void aFileAboveTheAvatarLimitIsA400Problem() throws Exception {
		byte[] big = new byte[3 * 1024 * 1024];
		System.arraycopy(TestFiles.picture("png", 10, 10, false), 0, big, 0, 8);

		HttpResponse<String> response = put(big);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("larger than 2 MB");
	}

	@Test
	void aRequestAboveTheServletLimitIsA413ProblemNotA500() throws Exception {
		// Just above spring.servlet.multipart.max-file-size (10 MB), within Tomcat's swallow limit.
		byte[] huge = new byte[10 * 1024 * 1024 + 512 * 1024];

		HttpResponse<String> response = put(huge);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void thePageFormUploadsWithItsCsrfFieldInTheMultipartBody() throws Exception {
		HttpTestClient browser = new HttpTestClient(this.port);
		assertThat(browser.signIn(this.owner.email(), "mentorhub-demo").statusCode()).isEqualTo(302);
		String csrf = browser.csrfToken("/profile/edit");
		String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
		HttpClient withCookies = HttpClient.newBuilder()
			.cookieHandler(browser.cookies())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> response = withCookies.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/profile/avatar"))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "_csrf", csrf, "me.jpg", "image/jpeg",
					TestFiles.picture("jpeg", 400, 400, false))))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(HttpTestClient.location(response)).hasValue("/profile/edit");
		assertThat(this.jdbc.sql("SELECT avatar_url FROM user_profiles WHERE user_id = :u")
			.param("u", this.owner.id())
			.query(String.class)
			.single()).isEqualTo("/people/" + this.owner.id() + "/avatar");
	}

	@Test
	void aPageUploadAboveTheServletLimitIsA413Page() throws Exception {
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn(this.owner.email(), "mentorhub-demo");
		String csrf = browser.csrfToken("/profile/edit");
		String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
		HttpClient withCookies = HttpClient.newBuilder()
			.cookieHandler(browser.cookies())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> response = withCookies.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/profile/avatar"))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "_csrf", csrf, "me.jpg", "image/jpeg",
					new byte[10 * 1024 * 1024 + 512 * 1024])))
			.build(), HttpResponse.BodyHandlers.ofString());

		// The CSRF field comes before the file in the form, so it is read before the limit is hit.
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).doesNotContain("Exception");
	}

}
