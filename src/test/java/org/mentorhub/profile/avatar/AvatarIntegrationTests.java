package org.mentorhub.profile.avatar;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Avatars (issue 4 item 1, QUALITY S10 and S14): accepted pictures are re-encoded to 256×256;
 * {@code x.jpg.jsp}, polyglots, {@code ../} names, oversized files, non-images and huge dimensions
 * are refused or neutralised; someone else's avatar can be neither replaced nor (across
 * institutions or a hidden profile) downloaded; the download headers; the upload rate limit.
 */
@MentorHubIntegrationTest
class AvatarIntegrationTests {

	/** A fresh university and a fresh company of this test's own. */
	TestInstitution college;

	TestInstitution company;

	@BeforeEach
	void freshInstitutions() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.company = aCompany().withDepartment("ENGR").build(this.jdbc);
	}

	static final String KEY = "^[0-9a-f]{2}/[0-9a-f]{32}\\.(png|jpg)$";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	Account member() {
		return this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
	}

	static MockMultipartFile file(String name, String contentType, byte[] content) {
		return new MockMultipartFile("file", name, contentType, content);
	}

	ResultActions upload(Account caller, String path, MockMultipartFile file) throws Exception {
		return this.mvc.perform(multipart(HttpMethod.PUT, path).file(file)
			.with(csrf())
			.with(as(caller))
			.accept(MediaType.APPLICATION_JSON));
	}

	ResultActions uploadMine(Account caller, MockMultipartFile file) throws Exception {
		return upload(caller, "/api/v1/profiles/me/avatar", file);
	}

	List<Map<String, Object>> avatarRows(long userId) {
		return this.jdbc.sql("SELECT id, owner_id, institution_id, file_name, mime_type, size_bytes, storage_path, sha256 "
				+ "FROM attachments WHERE related_type = 'AVATAR' AND related_id = :u")
			.param("u", userId)
			.query()
			.listOfRows();
	}

	String avatarUrl(long userId) {
		return this.jdbc.sql("SELECT avatar_url FROM user_profiles WHERE user_id = :u")
			.param("u", userId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	long audits(String action, long entityId, long actorId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = :a AND entity_id = :e AND user_id = :u")
			.param("a", action)
			.param("e", String.valueOf(entityId))
			.param("u", actorId)
			.query(Long.class)
			.single();
	}

	MockHttpServletResponse download(Account viewer, long userId) throws Exception {
		return this.mvc.perform(get("/people/" + userId + "/avatar").with(as(viewer))).andReturn().getResponse();
	}

	static BufferedImage decode(byte[] bytes) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
		assertThat(image).as("the stored avatar decodes").isNotNull();
		return image;
	}

	void assertNothingStored(Account account) {
		assertThat(avatarRows(account.id())).isEmpty();
		assertThat(avatarUrl(account.id())).isNull();
	}

	// --- accepted pictures ---

	@Test
	void anOpaquePngIsCroppedAndResizedTo256AndStoredAsJpeg() throws Exception {
		Account me = member();
		byte[] png = TestFiles.picture("png", 900, 300, false);

		uploadMine(me, file("holiday.png", "image/png", png)).andExpect(status().isOk())
			.andExpect(jsonPath("$.hasAvatar").value(true));

		List<Map<String, Object>> rows = avatarRows(me.id());
		assertThat(rows).hasSize(1);
		Map<String, Object> r = lower(rows.get(0));
		assertThat(r.get("mime_type")).isEqualTo("image/jpeg");
		assertThat(r.get("file_name")).isEqualTo("avatar.jpg");
		assertThat(((Number) r.get("owner_id")).longValue()).isEqualTo(me.id());
		assertThat(((Number) r.get("institution_id")).longValue()).isEqualTo(me.institutionId());
		assertThat((String) r.get("storage_path")).matches(KEY);
		byte[] stored = Files.readAllBytes(TestFiles.ROOT.resolve((String) r.get("storage_path")));
		assertThat(((Number) r.get("size_bytes")).longValue()).isEqualTo(stored.length);
		assertThat(r.get("sha256")).isEqualTo(sha256(stored));
		BufferedImage avatar = decode(stored);
		assertThat(avatar.getWidth()).isEqualTo(256);
		assertThat(avatar.getHeight()).isEqualTo(256);
		// Cover crop, centred: the 300×300 middle of a red|blue picture is red on the left, blue on the right.
		assertThat(new java.awt.Color(avatar.getRGB(20, 128)).getRed()).isGreaterThan(200);
		assertThat(new java.awt.Color(avatar.getRGB(235, 128)).getBlue()).isGreaterThan(200);
		assertThat(avatarUrl(me.id())).isEqualTo("/people/" + me.id() + "/avatar");
		assertThat(audits("AVATAR_CHANGED", me.id(), me.id())).isEqualTo(1);
	}

	@Test
	void aJpegIsAcceptedAndResizedTo256() throws Exception {
		Account me = member();

		uploadMine(me, file("me.jpg", "image/jpeg", TestFiles.picture("jpeg", 300, 1200, false)))
			.andExpect(status().isOk());

		BufferedImage avatar = decode(download(me, me.id()).getContentAsByteArray());
		assertThat(avatar.getWidth()).isEqualTo(256);
		assertThat(avatar.getHeight()).isEqualTo(256);
	}

	@Test
	void aTransparentPngStaysAPngAndASmallPictureIsScaledUp() throws Exception {
		Account me = member();

		uploadMine(me, file("t.png", "image/png", TestFiles.picture("png", 64, 64, true))).andExpect(status().isOk());

		MockHttpServletResponse response = download(me, me.id());
		assertThat(response.getContentType()).isEqualTo("image/png");
		BufferedImage avatar = decode(response.getContentAsByteArray());
		assertThat(avatar.getWidth()).isEqualTo(256);
		assertThat(avatar.getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void aGifIsAccepted() throws Exception {
		Account me = member();

		uploadMine(me, file("a.gif", "image/gif", TestFiles.picture("gif", 400, 400, false)))
			.andExpect(status().isOk());

		assertThat(decode(download(me, me.id()).getContentAsByteArray()).getWidth()).isEqualTo(256);
	}

	// --- refused and neutralised uploads ---

	@Test
	void aJspNamedLikeAPictureIsRefused() throws Exception {
		Account me = member();
		byte[] jsp = ("<%@ page import=\"java.io.*\" %>\n<% out.println(Runtime.getRuntime()"
				+ ".exec(request.getParameter(\"cmd\"))); %>\n").getBytes(StandardCharsets.UTF_8);

		uploadMine(me, file("x.jpg.jsp", "image/jpeg", jsp)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.detail").value(containsString("not an allowed type")))
			.andExpect(jsonPath("$.detail").value(containsString("GIF, JPEG, PNG")));

		assertNothingStored(me);
	}

	@Test
	void aGifHeaderFollowedByHtmlIsRefused() throws Exception {
		Account me = member();
		byte[] polyglot = "GIF89a<html><body><script>alert('polyglot')</script></body></html>"
			.getBytes(StandardCharsets.US_ASCII);

		uploadMine(me, file("cat.gif", "image/gif", polyglot)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));

		assertNothingStored(me);
	}

	@Test
	void aJpegWithAnAppendedZipIsNeutralisedByReEncoding() throws Exception {
		Account me = member();
		String payload = "POLYGLOT-PAYLOAD-" + UUID.randomUUID();
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("shell.jsp"));
			out.write(("<% /* " + payload + " */ %>").getBytes(StandardCharsets.US_ASCII));
			out.closeEntry();
		}
		ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
		polyglot.write(TestFiles.picture("jpeg", 300, 300, false));
		polyglot.write(zip.toByteArray());
		polyglot.write(("<script>" + payload + "</script>").getBytes(StandardCharsets.US_ASCII));

		uploadMine(me, file("photo.jpg", "image/jpeg", polyglot.toByteArray())).andExpect(status().isOk());

		byte[] stored = download(me, me.id()).getContentAsByteArray();
		String text = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain(payload).doesNotContain("PK\u0003\u0004").doesNotContain("shell.jsp")
			.doesNotContain("<script");
		assertThat(decode(stored).getWidth()).isEqualTo(256);
	}

	@Test
	void aGifWithScriptAfterItsTrailerIsNeutralisedByReEncoding() throws Exception {
		Account me = member();
		String payload = "<script>alert('" + UUID.randomUUID() + "')</script>";
		ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
		polyglot.write(TestFiles.picture("gif", 100, 100, false));
		polyglot.write(payload.getBytes(StandardCharsets.US_ASCII));

		uploadMine(me, file("x.gif", "image/gif", polyglot.toByteArray())).andExpect(status().isOk());

		String stored = new String(download(me, me.id()).getContentAsByteArray(), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain(payload).doesNotContain("<script");
	}

	@Test
	void aTraversalNameIsIgnoredAndTheFileGetsAGeneratedName() throws Exception {
		Account me = member();

		uploadMine(me, file("../../etc/passwd", "image/png", TestFiles.picture("png", 300, 300, false)))
			.andExpect(status().isOk());

		Map<String, Object> row = lower(avatarRows(me.id()).get(0));
		assertThat((String) row.get("storage_path")).matches(KEY);
		assertThat(row.get("file_name")).isEqualTo("avatar.jpg");
		assertThat(TestFiles.ROOT.resolve((String) row.get("storage_path"))).isRegularFile();
		assertThat(Path.of("target/etc/passwd")).doesNotExist();
		assertThat(TestFiles.ROOT.resolve("../../etc/passwd").normalize()).doesNotExist();
	}

	@Test
	void aFileAbove2MbIsRefused() throws Exception {
		Account me = member();
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		System.arraycopy(TestFiles.picture("png", 10, 10, false), 0, big, 0, 8);

		uploadMine(me, file("big.png", "image/png", big)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.detail").value("The file is larger than 2 MB. Choose a smaller file."));

		assertNothingStored(me);
	}

	@Test
	void pdfsTextAndEmptyFilesAreRefused() throws Exception {
		Account me = member();
		byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);

		uploadMine(me, file("me.png", "image/png", pdf)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("its content is PDF")));
		uploadMine(me, file("me.png", "image/png", "just some text".getBytes(StandardCharsets.US_ASCII)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("plain text")));
		uploadMine(me, file("empty.png", "image/png", new byte[0])).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		this.mvc.perform(multipart(HttpMethod.PUT, "/api/v1/profiles/me/avatar").param("other", "x")
			.with(csrf())
			.with(as(me))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Choose a picture")));

		assertNothingStored(me);
	}

	@Test
	void tooLargeDimensionsAreRefusedBeforeDecoding() throws Exception {
		Account me = member();

		uploadMine(me, file("wide.png", "image/png", TestFiles.picture("png", 4001, 2, false)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("4001 × 2 pixels")));
		// A decompression bomb: a few hundred bytes that claim 50000×50000 pixels (10 GB decoded).
		uploadMine(me, file("bomb.png", "image/png", pngClaiming(50_000, 50_000))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("50000 × 50000 pixels")));

		assertNothingStored(me);
	}

	@Test
	void aCorruptPictureIsRefusedClearly() throws Exception {
		Account me = member();
		byte[] png = TestFiles.picture("png", 200, 200, false);
		byte[] truncated = java.util.Arrays.copyOf(png, 60);

		uploadMine(me, file("broken.png", "image/png", truncated)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("could not be read")));

		assertNothingStored(me);
	}

	// --- replace, remove ---

	@Test
	void aNewAvatarReplacesTheOldFileAndRow() throws Exception {
		Account me = member();
		uploadMine(me, file("a.png", "image/png", TestFiles.picture("png", 300, 300, false))).andExpect(status().isOk());
		String oldPath = (String) lower(avatarRows(me.id()).get(0)).get("storage_path");

		uploadMine(me, file("b.png", "image/png", TestFiles.picture("png", 500, 300, true))).andExpect(status().isOk());

		List<Map<String, Object>> rows = avatarRows(me.id());
		assertThat(rows).hasSize(1);
		assertThat(lower(rows.get(0)).get("storage_path")).isNotEqualTo(oldPath);
		assertThat(TestFiles.ROOT.resolve(oldPath)).doesNotExist();
		assertThat(audits("AVATAR_CHANGED", me.id(), me.id())).isEqualTo(2);
	}

	@Test
	void removingDeletesFileRowAndUrl() throws Exception {
		Account me = member();
		uploadMine(me, file("a.png", "image/png", TestFiles.picture("png", 300, 300, false))).andExpect(status().isOk());
		String path = (String) lower(avatarRows(me.id()).get(0)).get("storage_path");

		this.mvc.perform(delete("/api/v1/profiles/me/avatar").with(csrf()).with(as(me)))
			.andExpect(status().isNoContent());

		assertNothingStored(me);
		assertThat(TestFiles.ROOT.resolve(path)).doesNotExist();
		assertThat(audits("AVATAR_REMOVED", me.id(), me.id())).isEqualTo(1);
		assertThat(download(me, me.id()).getStatus()).isEqualTo(404);
		// Removing again is harmless and not audited again.
		this.mvc.perform(delete("/api/v1/profiles/me/avatar").with(csrf()).with(as(me)))
			.andExpect(status().isNoContent());
		assertThat(audits("AVATAR_REMOVED", me.id(), me.id())).isEqualTo(1);
	}

	// --- someone else's avatar ---

	@Test
	void someoneElseCannotReplaceOrRemoveAnAvatarButTheAdministratorCan() throws Exception {
		Account owner = member();
		Account peer = member();
		Account acmeAdmin = this.company.a(RoleName.ADMIN).create(this.jdbc);
		Account admin = this.college.a(RoleName.ADMIN).create(this.jdbc);
		uploadMine(owner, file("a.png", "image/png", TestFiles.picture("png", 300, 300, false)))
			.andExpect(status().isOk());
		Map<String, Object> before = lower(avatarRows(owner.id()).get(0));
		String path = "/api/v1/profiles/" + owner.id() + "/avatar";
		MockMultipartFile other = file("evil.png", "image/png", TestFiles.picture("png", 50, 50, false));

		upload(peer, path, other).andExpect(status().isForbidden());
		this.mvc.perform(delete(path).with(csrf()).with(as(peer))).andExpect(status().isForbidden());
		upload(acmeAdmin, path, other).andExpect(status().isNotFound());
		this.mvc.perform(delete(path).with(csrf()).with(as(acmeAdmin))).andExpect(status().isNotFound());
		this.jdbc.sql("UPDATE user_profiles SET visibility = 'PRIVATE' WHERE user_id = :u").param("u", owner.id()).update();
		upload(peer, path, other).andExpect(status().isNotFound());

		assertThat(avatarRows(owner.id())).hasSize(1);
		assertThat(lower(avatarRows(owner.id()).get(0))).isEqualTo(before);

		upload(admin, path, other).andExpect(status().isOk());
		assertThat(lower(avatarRows(owner.id()).get(0)).get("sha256")).isNotEqualTo(before.get("sha256"));
		assertThat(audits("AVATAR_CHANGED", owner.id(), admin.id())).isEqualTo(1);
		this.mvc.perform(delete(path).with(csrf()).with(as(admin))).andExpect(status().isNoContent());
		assertNothingStored(owner);
		assertThat(audits("AVATAR_REMOVED", owner.id(), admin.id())).isEqualTo(1);
	}

	@Test
	void theAvatarIsDownloadedAsTheProfileIsVisible() throws Exception {
		Account owner = member();
		Account peer = member();
		Account acme = this.company.a(RoleName.MENTEE).inDepartment("ENGR").create(this.jdbc);
		Account acmeAdmin = this.company.a(RoleName.ADMIN).create(this.jdbc);
		uploadMine(owner, file("a.png", "image/png", TestFiles.picture("png", 300, 300, false)))
			.andExpect(status().isOk());

		assertThat(download(peer, owner.id()).getStatus()).isEqualTo(200);
		assertThat(download(acme, owner.id()).getStatus()).isEqualTo(404);
		assertThat(download(acmeAdmin, owner.id()).getStatus()).isEqualTo(404);
		this.mvc.perform(get("/api/v1/profiles/" + owner.id() + "/avatar").with(as(acme)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/people/" + owner.id() + "/avatar")).andExpect(status().is3xxRedirection());

		this.jdbc.sql("UPDATE user_profiles SET visibility = 'PRIVATE' WHERE user_id = :u").param("u", owner.id()).update();
		assertThat(download(peer, owner.id()).getStatus()).isEqualTo(404);
		assertThat(download(owner, owner.id()).getStatus()).isEqualTo(200);
		// A person without an avatar: 404 too.
		assertThat(download(owner, peer.id()).getStatus()).isEqualTo(404);
	}

	@Test
	void theDownloadHeadersAreSafe() throws Exception {
		Account me = member();
		uploadMine(me, file("a.png", "image/png", TestFiles.picture("png", 300, 300, false))).andExpect(status().isOk());
		String sha = (String) lower(avatarRows(me.id()).get(0)).get("sha256");

		for (String path : List.of("/people/" + me.id() + "/avatar", "/api/v1/profiles/" + me.id() + "/avatar")) {
			this.mvc.perform(get(path).with(as(me)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "image/jpeg"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Content-Disposition", "attachment; filename=\"avatar.jpg\""))
				.andExpect(header().string("Cache-Control", containsString("private")))
				.andExpect(header().string("Cache-Control", containsString("no-cache")))
				.andExpect(header().string("Cache-Control", not(containsString("public"))))
				.andExpect(header().string("ETag", "\"" + sha + "\""));
			this.mvc.perform(get(path).with(as(me)).header("If-None-Match", "\"" + sha + "\""))
				.andExpect(status().isNotModified());
		}
	}

	// --- rate limit ---

	@Test
	void uploadsAreRateLimited() throws Exception {
		Account me = member();
		MockMultipartFile text = file("a.png", "image/png", "not a picture".getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < AvatarPageController.RATE_CAPACITY; i++) {
			uploadMine(me, text).andExpect(status().isBadRequest());
		}

		uploadMine(me, text).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// The page shares the budget.
		this.mvc.perform(multipart("/profile/avatar").file(text).with(csrf()).with(as(me)))
			.andExpect(status().isTooManyRequests());
	}

	// --- pages ---

	@Test
	void thePagesUploadShowAndRemoveTheAvatar() throws Exception {
		Account me = member();
		this.mvc.perform(get("/profile/edit").with(as(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"avatar-form\"")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					// The CSRF field comes first, before the file: above the servlet limit the page still gets 413, not 403.
					"(?s).*id=\"avatar-form\"[^>]*><input type=\"hidden\" name=\"_csrf\".*")))
			.andExpect(content().string(containsString("avatar-initials")))
			.andExpect(content().string(not(containsString("id=\"avatar-remove-form\""))));

		this.mvc.perform(multipart("/profile/avatar")
			.file(file("me.png", "image/png", TestFiles.picture("png", 300, 300, false)))
			.with(csrf())
			.with(as(me))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/profile/edit"));

		this.mvc.perform(get("/profile").with(as(me)))
			.andExpect(content().string(containsString("src=\"/people/" + me.id() + "/avatar\"")));
		this.mvc.perform(get("/profile/edit").with(as(me)))
			.andExpect(content().string(containsString("id=\"avatar-remove-form\"")));

		this.mvc.perform(post("/profile/avatar/delete").with(csrf()).with(as(me)))
			.andExpect(redirectedUrl("/profile/edit"));
		assertNothingStored(me);
	}

	@Test
	void anAdministratorChangesAPersonsPictureOnThePersonsEditPage() throws Exception {
		Account owner = member();
		Account peer = member();
		Account admin = this.college.a(RoleName.ADMIN).create(this.jdbc);
		this.mvc.perform(get("/people/" + owner.id() + "/edit").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/people/" + owner.id() + "/avatar\"")));
		MockMultipartFile picture = file("p.png", "image/png", TestFiles.picture("png", 120, 120, false));
		this.mvc.perform(multipart("/people/" + owner.id() + "/avatar").file(picture).with(csrf()).with(as(peer)))
			.andExpect(status().isForbidden());
		assertNothingStored(owner);
		this.mvc.perform(multipart("/people/" + owner.id() + "/avatar").file(picture).with(csrf()).with(as(admin)))
			.andExpect(redirectedUrl("/people/" + owner.id() + "/edit"));
		assertThat(avatarRows(owner.id())).hasSize(1);
		assertNothingStored(admin);
		assertThat(audits("AVATAR_CHANGED", owner.id(), admin.id())).isEqualTo(1);
		this.mvc.perform(post("/people/" + owner.id() + "/avatar/delete").with(csrf()).with(as(peer)))
			.andExpect(status().isForbidden());
		assertThat(avatarRows(owner.id())).hasSize(1);
		this.mvc.perform(post("/people/" + owner.id() + "/avatar/delete").with(csrf()).with(as(admin)))
			.andExpect(redirectedUrl("/people/" + owner.id() + "/edit"));
		assertNothingStored(owner);
	}

	@Test
	void thePageShowsARefusalBesideTheField() throws Exception {
		Account me = member();

		this.mvc.perform(multipart("/profile/avatar")
			.file(file("x.jpg.jsp", "image/jpeg", "<% evil %>".getBytes(StandardCharsets.US_ASCII)))
			.with(csrf())
			.with(as(me)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"avatar-problem\"")))
			.andExpect(content().string(containsString("not an allowed type")));
		this.mvc.perform(multipart("/profile/avatar").with(csrf()).with(as(me)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a picture")));

		assertNothingStored(me);
	}

	@Test
	void theDirectoryCardShowsTheMentorsAvatar() throws Exception {
		Account mentor = this.college.a(RoleName.MENTOR).inDepartment("CS").create(this.jdbc);
		Account mentee = member();
		uploadMine(mentor, file("a.png", "image/png", TestFiles.picture("png", 300, 300, false)))
			.andExpect(status().isOk());
		String name = this.jdbc.sql("SELECT full_name FROM users WHERE id = :u")
			.param("u", mentor.id())
			.query(String.class)
			.single();

		this.mvc.perform(get("/directory").param("q", name).with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"/people/" + mentor.id() + "/avatar\"")));
	}

	// --- helpers ---

	static Map<String, Object> lower(Map<String, Object> row) {
		Map<String, Object> lower = new java.util.LinkedHashMap<>();
		row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof String s ? s.strip() : v));
		return lower;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** A valid PNG whose header claims the given size, with almost no pixel data. */
	static byte[] pngClaiming(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0).array());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[1024]);
		deflater.finish();
		byte[] compressed = new byte[256];
		int length = deflater.deflate(compressed);
		chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		out.write(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.write(typeBytes);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
