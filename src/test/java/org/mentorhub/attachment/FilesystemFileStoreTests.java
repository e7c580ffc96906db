package org.mentorhub.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filesystem store accepts only generated keys and never reads or writes outside its root (QUALITY S10). */
class FilesystemFileStoreTests {

	static final String KEY = "3f/3f2a000000000000000000000000009c.png";

	@TempDir
	Path temp;

	@Test
	void writesReadsAndDeletesUnderTheRoot() throws IOException {
		FilesystemFileStore store = new FilesystemFileStore(this.temp.resolve("files"));

		store.write(KEY, "hello".getBytes(StandardCharsets.US_ASCII));

		assertThat(this.temp.resolve("files").resolve(KEY)).hasContent("hello");
		assertThat(store.exists(KEY)).isTrue();
		try (InputStream in = store.open(KEY)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
		}
		try (var files = Files.list(this.temp.resolve("files/3f"))) {
			assertThat(files).as("no temporary file is left").hasSize(1);
		}
		store.delete(KEY);
		assertThat(store.exists(KEY)).isFalse();
		store.delete(KEY);
	}

	@Test
	void aKeyIsWrittenOnce() throws IOException {
		FilesystemFileStore store = new FilesystemFileStore(this.temp);
		store.write(KEY, new byte[] { 1 });

		assertThatThrownBy(() -> store.write(KEY, new byte[] { 2 })).isInstanceOf(IOException.class);
		assertThat(Files.readAllBytes(this.temp.resolve(KEY))).containsExactly(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../etc/passwd", "../../etc/passwd", "/etc/passwd", "3f/../../escape.png",
			"3f/3f2a000000000000000000000000009c.png/../../x", "..\\..\\windows\\win.ini", "x.jsp", "3F/3F2A000000000000000000000000009C.png",
			"3f/3f2a000000000000000000000000009c.png\u0000.jsp", "3f/3f2a000000000000000000000000009c.jsp.png.x.y.z.toolongext", "",
			"3f//3f2a000000000000000000000000009c.png", "./3f/3f2a000000000000000000000000009c.png" })
	void refusesEveryKeyThatIsNotGenerated(String key) {
		FilesystemFileStore store = new FilesystemFileStore(this.temp.resolve("root"));

		assertThatThrownBy(() -> store.write(key, new byte[] { 1 })).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
		assertThat(this.temp.resolve("etc")).doesNotExist();
		assertThat(this.temp.resolve("escape.png")).doesNotExist();
	}

	@Test
	void aNullKeyIsRefused() {
		FilesystemFileStore store = new FilesystemFileStore(this.temp);

		assertThatThrownBy(() -> store.open(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSymbolicLinkOutOfTheRootIsNotFollowed() throws IOException {
		Path root = Files.createDirectories(this.temp.resolve("root"));
		Path outside = Files.createDirectories(this.temp.resolve("outside"));
		Files.writeString(outside.resolve("3f2a000000000000000000000000009c.png".replaceFirst("^", "")), "secret");
		Files.createSymbolicLink(root.resolve("3f"), outside);
		FilesystemFileStore store = new FilesystemFileStore(root);

		assertThatThrownBy(() -> store.write("3f/3f2a000000000000000000000000009d.png", new byte[] { 1 }))
			.isInstanceOf(IOException.class);
		assertThat(outside.resolve("3f2a000000000000000000000000009d.png")).doesNotExist();
		assertThatThrownBy(() -> store.open("3f/3f2a000000000000000000000000009c.png")).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> store.delete("3f/3f2a000000000000000000000000009c.png")).isInstanceOf(IOException.class);
		assertThat(outside.resolve("3f2a000000000000000000000000009c.png")).exists();
	}

	@Test
	void aLinkedFileIsNotOpened() throws IOException {
		Path root = Files.createDirectories(this.temp.resolve("root"));
		Files.createDirectories(root.resolve("3f"));
		Path secret = Files.writeString(this.temp.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(root.resolve(KEY), secret);
		FilesystemFileStore store = new FilesystemFileStore(root);

		assertThatThrownBy(() -> store.open(KEY)).isInstanceOf(IOException.class);
		assertThat(store.exists(KEY)).isFalse();
	}

}
