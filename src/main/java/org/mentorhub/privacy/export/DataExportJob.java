package org.mentorhub.privacy.export;

import java.time.Clock;

import org.mentorhub.platform.jobs.Job;
import org.mentorhub.platform.jobs.JobFailedException;
import org.mentorhub.platform.jobs.JobHandler;
import org.mentorhub.platform.jobs.JobProgress;
import org.springframework.stereotype.Component;

/**
 * Builds the ZIP of a download in the background ({@code privacy.export}): one step per module and per file.
 * Building again is harmless (nothing is stored until the end), so an interrupted job is resumed.
 */
@Component
class DataExportJob implements JobHandler {

	private final DataExports exports;

	private final ExportArchive archive;

	private final Clock clock;

	DataExportJob(DataExports exports, ExportArchive archive, Clock clock) {
		this.exports = exports;
		this.archive = archive;
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
		byte[] zip = this.archive.write(userId, this.clock.instant(), done -> progress.progress(done, total));
		this.exports.ready(id, zip);
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
