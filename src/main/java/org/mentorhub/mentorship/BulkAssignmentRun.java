package org.mentorhub.mentorship;

import org.mentorhub.platform.jobs.Job;
import org.mentorhub.platform.jobs.JobHandler;
import org.mentorhub.platform.jobs.JobProgress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A bulk assignment run as a job of the platform's {@link org.mentorhub.platform.jobs.Jobs}. A run
 * computes its draft from scratch (keeping pins and removals), so a run a restart interrupted is
 * resumed: it simply runs again. Its progress is the draft's own percentage, as done of 100.
 */
@Component
class BulkAssignmentRun implements JobHandler {

	static final String KIND = "mentorship.bulk-assignment";

	private final ObjectProvider<BulkAssignments> bulk;

	BulkAssignmentRun(ObjectProvider<BulkAssignments> bulk) {
		this.bulk = bulk;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(JobProgress progress) {
		// The job shows the draft's percentage (done of 100), which also keeps its heartbeat fresh.
		this.bulk.getObject().execute(progress.job().subjectId(), percent -> progress.progress(percent, 100));
	}

	@Override
	public AfterRestart afterRestart() {
		return AfterRestart.RESUME;
	}

	@Override
	public void failed(Job job, String reason) {
		this.bulk.getObject().failed(job.subjectId(), reason);
	}

	@Override
	public void retry(long draftId) {
		this.bulk.getObject().rerun(draftId);
	}

}
