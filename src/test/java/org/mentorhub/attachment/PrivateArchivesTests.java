package org.mentorhub.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorhub.platform.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facade of private archives (the ZIPs of downloads of one's data) on the filesystem store: stored from a
 * stream under a generated key of their own form, opened and deleted; a stream that does not hold the size
 * announced leaves nothing; an attachment's key never opens through it.
 */
class PrivateArchivesTests {

	@TempDir
	Path root;

	PrivateArchives archives() {
		return new PrivateArchives(new FilesystemFileStore(this.root));
	}

	long filesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	@Test
	void storesFromAStreamOpensAndDeletes() throws IOException {
		PrivateArchives archives = archives();
		byte[] content = "PK archive bytes".getBytes(StandardCharsets.US_ASCII);

		String key = archives.store(new ByteArrayInputStream(content), content.length);

		assertThat(key).matches("[0-9a-f]{2}/[0-9a-f]{32}\\.archive");
		assertThat(this.root.resolve(key)).hasBinaryContent(content);
		try (InputStream in = archives.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(archives.store(new ByteArrayInputStream(content), content.length)).isNotEqualTo(key);

		assertThat(archives.delete(key)).isTrue();
		assertThat(this.root.resolve(key)).doesNotExist();
		assertThat(archives.delete(key)).as("deleting what is gone is done").isTrue();
		assertThatThrownBy(() -> archives.open(key)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aStreamShorterOrLongerThanItsSizeLeavesNothing() throws IOException {
		PrivateArchives archives = archives();
		byte[] content = new byte[100];

		assertThatThrownBy(() -> archives.store(new ByteArrayInputStream(content), 200))
			.hasMessageContaining("archive");
		assertThatThrownBy(() -> archives.store(new ByteArrayInputStream(content), 50))
			.hasMessageContaining("archive");
		assertThatThrownBy(() -> archives.store(new ByteArrayInputStream(content), -1))
			.isInstanceOf(IllegalArgumentException.class);

		assertThat(filesIn(this.root)).isZero();
	}

	@Test
	void opensAndDeletesArchivesOnly() throws IOException {
		FilesystemFileStore store = new FilesystemFileStore(this.root);
		String attachment = "3f/3f2a000000000000000000000000009c.pdf";
		store.write(attachment, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
		PrivateArchives archives = new PrivateArchives(store);

		for (String key : new String[] { attachment, "3f/3f2a000000000000000000000000009c", "../etc/passwd.archive",
				"3F/3F2A000000000000000000000000009C.archive", null }) {
			assertThatThrownBy(() -> archives.open(key)).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> archives.delete(key)).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(store.exists(attachment)).isTrue();
	}

}
