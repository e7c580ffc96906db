package org.mentorhub.attachment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.OtherInstance;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.goal.GoalFixtures;
import org.mentorhub.platform.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 23 part 1: with a shared file store, a file uploaded through instance A downloads through
 * instance B and the other way round, and a deletion through one is seen by the other. Instance A is
 * the test's application (MockMvc), instance B a second, complete application on the same database
 * over HTTP with personal access tokens, with a files directory of its own so that nothing can come
 * from a shared disk. The subclasses choose the store.
 */
abstract class FileStoreTwoInstancesTests {

	static ConfigurableApplicationContext instanceB;

	static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	FileStore store;

	Account mentee;

	Account mentor;

	long goal;

	/** The settings of instance B's store ({@code name=value}), the same as this context's. */
	abstract List<String> storeProperties();

	@BeforeEach
	void setUp() {
		if (instanceB == null) {
			// As arguments: application.yml names the store, and it wins over default properties.
			List<String> arguments = new ArrayList<>();
			storeProperties().forEach(property -> arguments.add("--" + property));
			arguments.add("--mentorhub.files.root=target/test-files-instance-b/" + UUID.randomUUID());
			instanceB = OtherInstance.startWithArguments(arguments.toArray(String[]::new));
		}
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentee = college.aMentee().inDepartment("CS").create(this.jdbc);
		this.mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
		this.goal = GoalFixtures.goal(this.jdbc, this.mentee, "Finish the thesis", null);
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
			instanceB = null;
		}
	}

	String onB(String path) {
		return "http://127.0.0.1:" + OtherInstance.port(instanceB) + path;
	}

	String keyOf(long file) {
		return this.jdbc.sql("SELECT storage_path FROM attachments WHERE id = :id")
			.param("id", file)
			.query(String.class)
			.single();
	}

	@Test
	void aFileUploadedThroughADownloadsThroughBAndIsDeletedThroughB() throws Exception {
		assertThat(instanceB.getBean(FileStore.class).getClass()).isEqualTo(this.store.getClass());
		byte[] pdf = TestDocuments.pdf("uploaded through A");
		String created = this.mvc
			.perform(multipart("/api/v1/attachments/goal/" + this.goal)
				.file(new MockMultipartFile("file", "Plan.pdf", "application/pdf", pdf))
				.with(user(this.users.loadUserByUsername(this.mentee.email())))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long file = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
		String key = keyOf(file);
		assertThat(Files.exists(Path.of("target/test-files", key))).as("not on A's disk").isFalse();

		String mentorToken = TestTokens.plant(this.jdbc, this.mentor, "read");
		HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(onB("/api/v1/attachments/" + file + "/content")))
			.header("Authorization", "Bearer " + mentorToken)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.body()).isEqualTo(pdf);

		String menteeToken = TestTokens.plant(this.jdbc, this.mentee, "read write");
		HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(onB("/api/v1/attachments/" + file)))
			.header("Authorization", "Bearer " + menteeToken)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(this.store.exists(key)).as("the bytes went with the row, for A too").isFalse();
		this.mvc
			.perform(get("/api/v1/attachments/" + file + "/content")
				.with(user(this.users.loadUserByUsername(this.mentee.email()))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFileUploadedThroughBDownloadsThroughA() throws Exception {
		byte[] pdf = TestDocuments.pdf("uploaded through B");
		String boundary = "----mentorhub" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Notes.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + pdf.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(pdf, 0, body, head.length, pdf.length);
		System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
		String menteeToken = TestTokens.plant(this.jdbc, this.mentee, "read write");

		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(onB("/api/v1/attachments/goal/" + this.goal)))
			.header("Authorization", "Bearer " + menteeToken)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long file = Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
		assertThat(this.store.exists(keyOf(file))).isTrue();

		this.mvc
			.perform(get("/api/v1/attachments/" + file + "/content")
				.with(user(this.users.loadUserByUsername(this.mentor.email()))))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf));
	}

}
