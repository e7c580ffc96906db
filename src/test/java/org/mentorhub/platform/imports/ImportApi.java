package org.mentorhub.platform.imports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.platform.jobs.KilledInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the integration tests of every CSV import do alike through its API: upload, commit, wait for
 * the background commit, read a preview's rows, and check that a file is refused or that an import is
 * "not found" for someone.
 */
public final class ImportApi {

	/** The first bytes of a PNG image: no CSV file. */
	public static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	private final MockMvc mvc;

	private final UserDetailsService users;

	private final String api;

	private final String page;

	private final String progress;

	private final String rows;

	/**
	 * @param api the API's path, e.g. {@code /api/v1/user-imports}
	 * @param page the pages' path, e.g. {@code /admin/users/import}
	 * @param progress the API's progress of an import under {@code api}, e.g. {@code /{id}}
	 * @param rows the API's import with every row under {@code api}, e.g. {@code /{id}/rows}
	 */
	public ImportApi(MockMvc mvc, UserDetailsService users, String api, String page, String progress, String rows) {
		this.mvc = mvc;
		this.users = users;
		this.api = api;
		this.page = page;
		this.progress = progress;
		this.rows = rows;
	}

	/** A short unique tag for e-mail addresses and roll numbers. */
	public static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	public static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "text/csv", content);
	}

	public static MockMultipartFile csv(String name, String text) {
		return file(name, text.getBytes(StandardCharsets.UTF_8));
	}

	/** A file of {@code maxBytes + 10} bytes. */
	public static byte[] tooBig(int maxBytes) {
		byte[] content = new byte[maxBytes + 10];
		Arrays.fill(content, (byte) 'a');
		return content;
	}

	public static long idOf(String preview) {
		return ((Number) JsonPath.read(preview, "$.summary.id")).longValue();
	}

	public static String outcomeOf(String preview, int line) {
		net.minidev.json.JSONArray outcomes = JsonPath.read(preview, "$.rows[?(@.line == " + line + ")].outcome");
		return (String) outcomes.get(0);
	}

	public static String problemsOf(String preview, int line) {
		return JsonPath.read(preview, "$.rows[?(@.line == " + line + ")].problems[*]").toString();
	}

	public static int count(String json, String path) {
		return ((Number) JsonPath.read(json, path)).intValue();
	}

	/** What a killed instance leaves: the import COMMITTING, its job RUNNING with a stale heartbeat. */
	public static long killedWhileCommitting(JdbcClient jdbc, Clock clock, String table, String kind, long importId,
			long submitterId, int attempts) {
		jdbc.sql("UPDATE " + table + " SET status = 'COMMITTING' WHERE id = :id").param("id", importId).update();
		return KilledInstance.leaveRunning(jdbc, clock, kind, importId, submitterId, attempts);
	}

	public RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	/** Uploads a file for a preview (201) and returns the preview's JSON. */
	public String upload(Account uploader, MockMultipartFile file) throws Exception {
		return this.mvc.perform(multipart(this.api).file(file).with(as(uploader)).with(csrf()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The import with every row, as JSON. */
	public String rows(Account reader, long id) throws Exception {
		return this.mvc.perform(get(this.api + this.rows, id).with(as(reader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Starts the commit (202, COMMITTING). */
	public void commit(Account committer, long id) throws Exception {
		this.mvc.perform(post(this.api + "/{id}/commit", id).with(as(committer)).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("COMMITTING"));
	}

	/** Polls the import until it is no longer COMMITTING, and returns its progress JSON. */
	public String awaitSettled(Account reader, long id) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			String json = this.mvc.perform(get(this.api + this.progress, id).with(as(reader)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (!"COMMITTING".equals(JsonPath.read(json, "$.status"))) {
				return json;
			}
			assertThat(Instant.now()).as("the import settles within a minute").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	/** The API refuses the file as a whole: 400 for the field {@code file}, with this in its message. */
	public void assertRefused(Account uploader, MockMultipartFile file, String message) throws Exception {
		this.mvc.perform(multipart(this.api).file(file).with(as(uploader)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
	}

	/** Uploads through the upload page: 302 to the import's page, whose path it returns. */
	public String uploadThroughPage(Account uploader, MockMultipartFile file) throws Exception {
		return this.mvc.perform(multipart(this.page).file(file).with(as(uploader)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern(this.page + "/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	/** The import's id in the path of its page. */
	public static long idOfPage(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** The page (200) shows every one of these texts. */
	public void assertPageShows(Account reader, String path, String... texts) throws Exception {
		String html = this.mvc.perform(get(path).with(as(reader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains(texts);
	}

	/**
	 * Commits from the import's page (302), waits for the commit, and checks that the progress partial
	 * shows 100% and polls no more, and that the page says the import is complete and offers no commit.
	 */
	public void commitThroughPage(Account committer, String location) throws Exception {
		this.mvc.perform(post(location + "/commit").with(as(committer)).with(csrf())).andExpect(status().isFound());
		awaitSettled(committer, idOfPage(location));
		this.mvc.perform(get(location + "/progress").header("HX-Request", "true").with(as(committer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("100%")))
			.andExpect(content().string(not(containsString("hx-trigger"))))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get(location).with(as(committer)))
			.andExpect(content().string(containsString("The import is complete.")))
			.andExpect(content().string(not(containsString("id=\"commit-button\""))));
	}

	/**
	 * Discards from the import's page: the page asks first (the only form that discards is inside its
	 * confirmation, fragments/confirm), and the confirmed post leads back to the upload page, which
	 * names the discarded file.
	 */
	public void discardThroughPage(Account discarder, String location, String fileName) throws Exception {
		String html = this.mvc.perform(get(location).with(as(discarder)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String form = "action=\"" + location + "/discard\"";
		int details = html.indexOf("<details class=\"confirm-action mb-2\" id=\"discard\"");
		assertThat(details).as("discarding is a confirmation").isPositive();
		assertThat(html.indexOf(form)).as("the only form that discards is inside the confirmation")
			.isGreaterThan(details)
			.isEqualTo(html.lastIndexOf(form));
		assertThat(html.substring(details, html.indexOf("</details>", details))).contains(form,
				"id=\"discard-question\">Discard " + fileName + "?", "id=\"discard-submit\"");
		this.mvc.perform(post(location + "/discard").with(as(discarder)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(this.page))
			.andExpect(flash().attribute("discarded", fileName));
	}

	/**
	 * The import is "not found" for the stranger on its API rows, page, progress partial, commit and
	 * discard, shows nothing of {@code secret}, and is not among the stranger's latest imports.
	 */
	public void assertNotFoundFor(Account stranger, long id, String secret) throws Exception {
		this.mvc.perform(get(this.api + this.rows, id).with(as(stranger)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(secret))));
		this.mvc.perform(get(this.page + "/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(get(this.page + "/{id}/progress", id).with(as(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(post(this.api + "/{id}/commit", id).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(this.page + "/{id}/discard", id).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(this.api).with(as(stranger))).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
	}

}
