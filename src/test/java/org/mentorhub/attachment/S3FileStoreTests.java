package org.mentorhub.attachment;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 file store against s3proxy in the test JVM ({@link S3StandIn}): path-style requests to the
 * overridden endpoint, signed with the configured keys; write, exists, open (streamed), delete; keys
 * not of the generated form refused before any request; a missing object as "file not found".
 */
class S3FileStoreTests {

	S3FileStore store;

	@BeforeEach
	void setUp() {
		this.store = S3FileStore.of(S3StandIn.settings("tests/"));
	}

	@AfterEach
	void tearDown() {
		this.store.close();
	}

	static String key(String extension) {
		String hex = java.util.UUID.randomUUID().toString().replace("-", "");
		return hex.substring(0, 2) + "/" + hex + extension;
	}

	@Test
	void writesOpensAndDeletesAnObjectUnderThePrefix() throws IOException {
		String key = key(".png");
		byte[] content = "not really a png".getBytes();
		assertThat(this.store.exists(key)).isFalse();

		this.store.write(key, content);

		assertThat(this.store.exists(key)).isTrue();
		assertThat(S3StandIn.blobs().blobExists(S3StandIn.BUCKET, "tests/" + key)).isTrue();
		try (InputStream in = this.store.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		this.store.delete(key);
		assertThat(this.store.exists(key)).isFalse();
		// Deleting again is no error.
		this.store.delete(key);
	}

	@Test
	void writesAStreamOfKnownSizeInOnePieceAndReadsItBackStreamed() throws IOException {
		String key = key(".pdf");
		byte[] content = new byte[3 * 1024 * 1024 + 17];
		Arrays.fill(content, (byte) 'x');
		content[content.length - 1] = 'y';

		this.store.write(key, new ByteArrayInputStream(content), content.length);

		try (InputStream in = this.store.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void aMissingObjectIsFileNotFound() {
		assertThatThrownBy(() -> this.store.open(key(".txt"))).isInstanceOf(FileNotFoundException.class);
	}

	@Test
	void refusesKeysNotOfTheGeneratedForm() {
		for (String bad : new String[] { "../etc/passwd", "ab/../../x", "/abs", "AB/" + "0".repeat(32),
				"ab/" + "0".repeat(32) + ".toolongext" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> this.store.write(bad, new byte[] { 1 }));
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> this.store.open(bad));
		}
	}

	@Test
	void wrongCredentialsAreAnIoErrorNotAMissingFile() {
		FileStorageProperties.S3 good = S3StandIn.settings("");
		try (S3FileStore wrong = S3FileStore.of(new FileStorageProperties.S3(good.endpoint(), good.region(),
				good.bucket(), "", true, good.accessKey(), "wrong-secret", good.callTimeout(), good.attemptTimeout()))) {
			assertThatIOException().isThrownBy(() -> wrong.write(key(".txt"), new byte[] { 1 }));
		}
	}

}
