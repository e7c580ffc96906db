package org.mentorhub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM at rest (QUALITY S11): round trip, fresh nonces, tampering refused, key ids and rotation. */
class SecretBoxTests {

	static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

	static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@TempDir
	Path dir;

	SecretBox box(Map<String, String> keys, String active) {
		return new SecretBox(new CryptoProperties(keys, active, this.dir));
	}

	@Test
	void sealsAndOpensWithTheKeyIdAndAFreshNonceEachTime() {
		SecretBox box = box(Map.of("a", KEY_A), null);
		SecretBox.Sealed one = box.seal("SENTINEL-secret", "ctx");
		SecretBox.Sealed two = box.seal("SENTINEL-secret", "ctx");
		assertThat(one.keyId()).isEqualTo("a");
		assertThat(one.ciphertext()).doesNotContain("SENTINEL").isNotEqualTo(two.ciphertext());
		assertThat(Base64.getDecoder().decode(one.ciphertext())).hasSize(12 + "SENTINEL-secret".length() + 16);
		assertThat(box.open("a", one.ciphertext(), "ctx")).isEqualTo("SENTINEL-secret");
	}

	@Test
	void refusesTamperedCiphertextAWrongContextAndAnUnknownKey() {
		SecretBox box = box(Map.of("a", KEY_A), null);
		SecretBox.Sealed sealed = box.seal("secret", "ctx");
		byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
		bytes[bytes.length - 1] ^= 1;
		String tampered = Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> box.open("a", tampered, "ctx")).isInstanceOf(SecretBox.TamperedException.class);
		assertThatThrownBy(() -> box.open("a", sealed.ciphertext(), "other")).isInstanceOf(SecretBox.TamperedException.class);
		assertThatThrownBy(() -> box.open("zz", sealed.ciphertext(), "ctx")).isInstanceOf(SecretBox.TamperedException.class);
		assertThatThrownBy(() -> box.open("a", "not base64!", "ctx")).isInstanceOf(SecretBox.TamperedException.class);
		assertThatThrownBy(() -> box.open("a", "AAAA", "ctx")).isInstanceOf(SecretBox.TamperedException.class);
	}

	@Test
	void rotationKeepsOlderValuesReadable() {
		SecretBox old = box(Map.of("a", KEY_A), "a");
		SecretBox.Sealed before = old.seal("old value");
		SecretBox rotated = box(Map.of("a", KEY_A, "b", KEY_B), "b");
		SecretBox.Sealed after = rotated.seal("new value");
		assertThat(after.keyId()).isEqualTo("b");
		assertThat(rotated.open(before.keyId(), before.ciphertext())).isEqualTo("old value");
		assertThat(rotated.open(after.keyId(), after.ciphertext())).isEqualTo("new value");
	}

	@Test
	void generatesAnOwnerOnlyKeyFileOnTheFirstRunAndReusesIt() throws Exception {
		SecretBox first = box(Map.of(), null);
		Path file = this.dir.resolve(SecretBox.KEY_FILE);
		assertThat(file).exists();
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		SecretBox.Sealed sealed = first.seal("kept");
		SecretBox second = box(Map.of(), null);
		assertThat(second.activeKeyId()).isEqualTo(first.activeKeyId());
		assertThat(second.open(sealed.keyId(), sealed.ciphertext())).isEqualTo("kept");
	}

	@Test
	void refusesBadConfiguration() {
		assertThatThrownBy(() -> box(Map.of("a", Base64.getEncoder().encodeToString(new byte[16])), "a"))
			.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> box(Map.of("a", KEY_A, "b", KEY_B), null)).hasMessageContaining("active-key");
		assertThatThrownBy(() -> box(Map.of("a", KEY_A), "c")).hasMessageContaining("active-key");
	}

}
