package org.mentorhub.privacy.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.IntConsumer;

import org.mentorhub.attachment.PrivateArchives;
import org.mentorhub.platform.jobs.Job;
import org.mentorhub.platform.jobs.JobFailedException;
import org.mentorhub.platform.jobs.JobHandler;
import org.mentorhub.platform.jobs.JobProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the ZIP of a download in the background ({@code privacy.export}): one step per module and per file.
 * The ZIP is written to a temporary file ({@code mentorhub.privacy.export.work-dir},
 * {@code mentorhub-export-<id>-*.zip}, readable by the application's user only), never held in memory,
 * then streamed into the file store ({@link PrivateArchives}) and its key given to the export. The temporary
 * file is deleted whatever happens; a stored ZIP the export did not take (the build failed after storing it,
 * or the export is no longer being built) is deleted again. Building again is harmless (nothing is kept until
 * the end), so an interrupted job is resumed.
 */
@Component
class DataExportJob implements JobHandler {

	private static final Logger log = LoggerFactory.getLogger(DataExportJob.class);

	private final DataExports exports;

	private final ExportArchive archive;

	private final PrivateArchives archives;

	private final DataExportProperties properties;

	private final Clock clock;

	DataExportJob(DataExports exports, ExportArchive archive, PrivateArchives archives,
			DataExportProperties properties, Clock clock) {
		this.exports = exports;
		this.archive = archive;
		this.archives = archives;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return DataExports.JOB;
	}

	@Override
	public void run(JobProgress progress) {
		long id = progress.job().subjectId();
		long userId = this.exports.buildingFor(id)
			.orElseThrow(() -> new JobFailedException("This download is no longer being gathered."));
		int total = this.archive.steps(userId);
		progress.progress(0, total);
		build(id, userId, done -> progress.progress(done, total));
	}

	/**
	 * Builds the ZIP of the person's data into a temporary file, stores it and hands its key to the export.
	 * Returns whether the export took it.
	 */
	boolean build(long id, long userId, IntConsumer step) {
		Path temp = null;
		String key = null;
		try {
			Files.createDirectories(this.properties.directory());
			temp = Files.createTempFile(this.properties.directory(), "mentorhub-export-" + id + "-", ".zip");
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
				this.archive.write(userId, this.clock.instant(), step, out);
			}
			long size = Files.size(temp);
			try (InputStream in = Files.newInputStream(temp)) {
				key = this.archives.store(in, size);
			}
			boolean taken = this.exports.ready(id, key, size);
			if (taken) {
				key = null;
			}
			return taken;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the ZIP of a download", ex);
		}
		finally {
			if (key != null) {
				this.archives.delete(key);
			}
			deleteQuietly(temp);
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			log.warn("Could not delete the temporary file {} of a download", temp, ex);
		}
	}

	@Override
	public AfterRestart afterRestart() {
		return AfterRestart.RESUME;
	}

	@Override
	public void failed(Job job, String reason) {
		this.exports.failed(job.subjectId(), reason);
	}

	/** A failed download is not retried: the person asks for a new one (with a new link). */
	@Override
	public void retry(long subjectId) {
		throw new org.mentorhub.platform.StateTransitionException(
				"A failed download is not retried; ask for a new one on your privacy page.");
	}

}
