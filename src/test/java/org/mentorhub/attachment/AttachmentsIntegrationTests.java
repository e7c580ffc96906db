package org.mentorhub.attachment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.Attachments.Download;
import org.mentorhub.attachment.Attachments.NewFile;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.attachment.Attachments.Rules;
import org.mentorhub.attachment.Attachments.StoredFile;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorhub.TestInstitutions.aUniversity;

/** The attachment facade: detection by content, generated names, sanitised names, quota, rollback, delete. */
@MentorHubIntegrationTest
class AttachmentsIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	static final Rules IMAGES = new Rules("file", Set.of("image/png", "image/jpeg"), 1024 * 1024);

	@Autowired
	Attachments attachments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	Account owner() {
		return this.college.a(RoleName.MENTEE).inDepartment("CS").create(this.jdbc);
	}

	NewFile file(Account owner, String name, byte[] content) {
		return new NewFile(RelatedType.GOAL, 1, owner.institutionId(), owner.id(), name, content);
	}

	@Test
	void storesUnderAGeneratedNameAndKeepsTheSanitisedOne() throws Exception {
		Account owner = owner();
		byte[] png = TestFiles.picture("png", 20, 20, false);

		StoredFile stored = this.attachments.store(file(owner, "../../etc/passwd", png), IMAGES);

		assertThat(stored.fileName()).isEqualTo("passwd.png");
		assertThat(stored.mimeType()).isEqualTo("image/png");
		assertThat(stored.sizeBytes()).isEqualTo(png.length);
		String path = this.jdbc.sql("SELECT storage_path FROM attachments WHERE id = :id")
			.param("id", stored.id())
			.query(String.class)
			.single();
		assertThat(path).matches("^[0-9a-f]{2}/[0-9a-f]{32}\\.png$");
		assertThat(Files.readAllBytes(TestFiles.ROOT.resolve(path))).isEqualTo(png);
		try (Download download = this.attachments.open(stored.id())) {
			assertThat(download.content().readAllBytes()).isEqualTo(png);
		}

		this.attachments.delete(stored.id());
		assertThat(TestFiles.ROOT.resolve(path)).doesNotExist();
		assertThat(this.attachments.find(stored.id())).isEmpty();
		assertThatThrownBy(() -> this.attachments.open(stored.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void theTypeComesFromTheContentNotTheName() {
		Account owner = owner();
		byte[] png = TestFiles.picture("png", 20, 20, false);

		assertThat(this.attachments.store(file(owner, "x.jpg.jsp", png), IMAGES).fileName()).isEqualTo("x.jpg.png");
		assertThatThrownBy(() -> this.attachments.store(
				file(owner, "x.png", "<% Runtime.getRuntime() %>".getBytes(StandardCharsets.US_ASCII)), IMAGES))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not an allowed type");
		assertThat(this.attachments.detect(TestFiles.picture("jpeg", 10, 10, false))).isEqualTo("image/jpeg");
		assertThat(this.attachments.detect("%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("application/pdf");
	}

	@Test
	void namesAreSanitised() {
		assertThat(Attachments.safeName("..\\..\\windows\\win.ini", ".png")).isEqualTo("win.png");
		assertThat(Attachments.safeName("<img onerror=alert(1)>.png", ".png")).isEqualTo("img onerror_alert_1_.png");
		assertThat(Attachments.safeName("...", ".png")).isEqualTo("file.png");
		assertThat(Attachments.safeName(null, ".jpg")).isEqualTo("file.jpg");
		assertThat(Attachments.safeName("Photo 1.JPEG", ".jpg")).isEqualTo("Photo 1.JPEG");
		assertThat(Attachments.safeName("a\r\nContent-Type: text/html.png", ".png")).doesNotContain("\r", "\n");
		assertThat(Attachments.safeName("x".repeat(300) + ".png", ".png")).hasSize(100).endsWith(".png");
	}

	@Test
	void theOwnersQuotaIsEnforced() {
		Account owner = owner();
		TestFiles.plant(this.jdbc, "GOAL", 1, owner.institutionId(), owner.id(), "big.bin", "image/png", new byte[1]);
		this.jdbc.sql("UPDATE attachments SET size_bytes = :s WHERE owner_id = :o")
			.param("s", 100L * 1024 * 1024)
			.param("o", owner.id())
			.update();

		assertThatThrownBy(
				() -> this.attachments.store(file(owner, "a.png", TestFiles.picture("png", 20, 20, false)), IMAGES))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("quota of 100 MB");
	}

	@Test
	void aRolledBackStoreLeavesNoFile() throws Exception {
		Account owner = owner();
		Set<java.nio.file.Path> before = files();

		this.transactions.executeWithoutResult(status -> {
			this.attachments.store(file(owner, "a.png", TestFiles.picture("png", 20, 20, false)), IMAGES);
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE owner_id = :o")
			.param("o", owner.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(files()).isEqualTo(before);
	}

	static Set<java.nio.file.Path> files() throws java.io.IOException {
		Files.createDirectories(TestFiles.ROOT);
		try (var walk = Files.walk(TestFiles.ROOT)) {
			return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
		}
	}

}
