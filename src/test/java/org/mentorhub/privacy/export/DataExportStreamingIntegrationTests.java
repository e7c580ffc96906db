package org.mentorhub.privacy.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.PrivateArchives;
import org.mentorhub.attachment.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build of a download without the ZIP in memory (issue 22 part 2): the job writes it to a temporary file and
 * streams it into the file store; the temporary file is gone afterwards, also when the build fails; a ZIP that
 * the export no longer takes is deleted from the store again. The builds run in the test's thread
 * ({@link DataExportJob#build}), as the job's worker runs them, so that the thread's allocations can be counted.
 */
@MentorHubIntegrationTest
class DataExportStreamingIntegrationTests {

	/** One upload: 16 MB of random bytes, which DEFLATE cannot shrink. */
	static final int FILE_SIZE = 16 * 1024 * 1024;

	/** The uploads of the large export: 64 MB in all. */
	static final int FILES = 4;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataExportJob job;

	@Autowired
	PrivateArchives archives;

	@Autowired
	DataExportProperties properties;

	TestInstitution college;

	Account student;

	@BeforeEach
	void aStudent() {
		this.college = TestInstitutions.aUniversity().build(this.jdbc);
		this.student = this.college.aStudent().create(this.jdbc);
	}

	/** A download of the person's being built, as {@link DataExports#request} leaves it; returns its id. */
	long building(Account account) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO privacy_exports (user_id, status, created_at) VALUES (?, 'BUILDING', CURRENT_TIMESTAMP)")
			.param(account.id())
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** A goal of the student, with an uploaded file of the given bytes. */
	void upload(String name, byte[] content) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO goals (student_id, title) VALUES (?, 'Goal with files')")
			.param(this.student.id())
			.update(key, "id");
		TestFiles.plant(this.jdbc, "GOAL", key.getKey().longValue(), this.college.id(), this.student.id(), name,
				"application/octet-stream", content);
	}

	/** The temporary files of one export's build in the work directory (the tests': target/test-export-work). */
	List<Path> temporaryFiles(long id) throws IOException {
		Path directory = this.properties.directory();
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(path -> path.getFileName().toString().startsWith("mentorhub-export-" + id + "-")).toList();
		}
	}

	/**
	 * The keys of the ZIPs in the file store that hold the person's data (their e-mail address in
	 * identity.json): every archive of the store is opened, since a ZIP that was not taken has no row naming it.
	 */
	List<String> storedZipsOf(Account account) throws IOException {
		List<Path> candidates;
		try (Stream<Path> files = Files.walk(TestFiles.ROOT)) {
			candidates = files.filter(path -> path.getFileName().toString().endsWith(".archive")).toList();
		}
		List<String> found = new ArrayList<>();
		for (Path path : candidates) {
			String key = TestFiles.ROOT.relativize(path).toString().replace('\\', '/');
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path), StandardCharsets.UTF_8)) {
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					if (entry.getName().equals("identity.json")
							&& new String(zip.readAllBytes(), StandardCharsets.UTF_8).contains(account.email())) {
						found.add(key);
					}
				}
			}
			catch (NoSuchFileException | ZipException ex) {
				// Deleted meanwhile by another test's download, or not a ZIP (a fixture's bytes): not the person's.
			}
		}
		return found;
	}

	String archiveKey(long id) {
		return DataExportIntegrationTests.archiveKey(this.jdbc, id);
	}

	/**
	 * The proof that the build does not hold the archive in memory. A heap cap cannot be set for one test class
	 * (every class runs in the one surefire JVM), and an assertion on time or on the heap's use would be flaky.
	 * So this counts what the building thread allocates on the heap (HotSpot's per-thread allocation counter,
	 * which counts bytes, not time): the person uploaded 64 MB of random bytes, which DEFLATE cannot shrink, so
	 * the ZIP is larger than 64 MB. A build that held the ZIP in a byte[] (a ByteArrayOutputStream, as before
	 * V107) allocates at least the whole ZIP for its final array, plus the buffer's growth, and reading a file
	 * whole allocates its 16 MB; so allocations under half the ZIP's size cannot happen unless the bytes went
	 * from the stored files through small buffers into the temporary file and on into the file store. The
	 * providers' JSON and CSV, the queries and the framework allocate a few megabytes at most.
	 */
	@Test
	void aLargeExportIsStreamedThroughATemporaryFileIntoTheFileStore() throws IOException {
		Random random = new Random(22);
		for (int i = 0; i < FILES; i++) {
			byte[] content = new byte[FILE_SIZE];
			random.nextBytes(content);
			upload("large-" + i + ".bin", content);
		}
		long id = building(this.student);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		assertThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled())
			.as("HotSpot counts each thread's allocations")
			.isTrue();

		long before = threads.getCurrentThreadAllocatedBytes();
		boolean taken = this.job.build(id, this.student.id(), done -> {
		});
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;

		assertThat(taken).isTrue();
		String key = archiveKey(id);
		long size = this.jdbc.sql("SELECT size_bytes FROM privacy_exports WHERE id = ?").param(id)
			.query(Long.class).single();
		assertThat(size).isGreaterThan((long) FILES * FILE_SIZE);
		assertThat(Files.size(TestFiles.ROOT.resolve(key))).isEqualTo(size);
		assertThat(allocated).as("bytes the build allocated, for a ZIP of %d bytes", size).isLessThan(size / 2);
		assertThat(temporaryFiles(id)).isEmpty();
		// The files are in the stored ZIP whole.
		List<Long> fileSizes = new ArrayList<>();
		try (InputStream stored = this.archives.open(key);
				ZipInputStream zip = new ZipInputStream(stored, StandardCharsets.UTF_8)) {
			byte[] buffer = new byte[64 * 1024];
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().startsWith("files/")) {
					long length = 0;
					for (int n = zip.read(buffer); n != -1; n = zip.read(buffer)) {
						length += n;
					}
					fileSizes.add(length);
				}
			}
		}
		assertThat(fileSizes).hasSize(FILES).allMatch(length -> length == FILE_SIZE);
		assertThat(this.archives.delete(key)).isTrue();
		// The 64 MB of uploads leave target/ again.
		for (String path : this.jdbc.sql("SELECT storage_path FROM attachments WHERE owner_id = ?")
			.param(this.student.id())
			.query(String.class)
			.list()) {
			Files.deleteIfExists(TestFiles.ROOT.resolve(path));
		}
	}

	@Test
	void aBuildThatFailsLeavesNoTemporaryFileAndNoStoredZip() throws IOException {
		upload("plan.txt", "my plan".getBytes(StandardCharsets.UTF_8));
		long id = building(this.student);
		IllegalStateException failure = new IllegalStateException("the build fails half way");
		List<Path> whileBuilding = new ArrayList<>();

		assertThatThrownBy(() -> this.job.build(id, this.student.id(), done -> {
			try {
				whileBuilding.addAll(temporaryFiles(id));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			throw failure;
		})).isSameAs(failure);

		assertThat(whileBuilding).as("the ZIP was being written to a temporary file").hasSize(1);
		assertThat(temporaryFiles(id)).isEmpty();
		assertThat(storedZipsOf(this.student)).isEmpty();
		assertThat(archiveKey(id)).isNull();
		assertThat(this.jdbc.sql("SELECT status FROM privacy_exports WHERE id = ?").param(id).query(String.class)
			.single()).isEqualTo("BUILDING");

		// The same build, not failing, stores the ZIP where the search above looks (so its "none" means none).
		assertThat(this.job.build(id, this.student.id(), done -> {
		})).isTrue();
		assertThat(storedZipsOf(this.student)).containsExactly(archiveKey(id));
		assertThat(temporaryFiles(id)).isEmpty();
		assertThat(this.archives.delete(archiveKey(id))).isTrue();
	}

	@Test
	void aZipTheExportNoLongerTakesIsDeletedFromTheStoreAgain() throws IOException {
		long id = building(this.student);
		// While the ZIP is written, the download stops being built (the person is erased; the job is given up).
		boolean taken = this.job.build(id, this.student.id(), done -> this.jdbc
			.sql("UPDATE privacy_exports SET status = 'FAILED' WHERE id = ?").param(id).update());

		assertThat(taken).isFalse();
		assertThat(archiveKey(id)).isNull();
		assertThat(storedZipsOf(this.student)).isEmpty();
		assertThat(temporaryFiles(id)).isEmpty();
	}

}
