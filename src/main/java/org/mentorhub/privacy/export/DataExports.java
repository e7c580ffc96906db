package org.mentorhub.privacy.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.mentorhub.attachment.PrivateArchives;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.platform.jobs.Job;
import org.mentorhub.platform.jobs.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The download of the signed-in person's own data (docs/privacy.md, issue 22 part 2). {@link #request} records
 * the export and submits the job that builds its ZIP ({@link DataExportJob}), which keeps it in the file store
 * ({@link PrivateArchives}; the row has its key); the person gets a single-use token once, stored only as its
 * SHA-256 hash. The ZIP is handed out once, streamed, to its owner with the token, within {@link #AVAILABLE_FOR}
 * of being ready; then it is removed (after the download, or by the retention purge: {@link DataExportRetention}).
 * Everyone sees and downloads only their own exports: anyone else's is "not found". Audited; the rate limit is
 * on the controllers ({@link #RATE_LIMIT}).
 */
@Service
public class DataExports {

	/** The rate limit of asking for a download, page and API together. */
	public static final String RATE_LIMIT = "privacy-export";

	/** How long a ready ZIP waits for its download. */
	public static final Duration AVAILABLE_FOR = Duration.ofHours(24);

	/** The kind of the job that builds the ZIP. */
	static final String JOB = "privacy.export";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

	private static final String COLUMNS = "id, user_id, status, size_bytes, failure_reason, created_at, ready_at, "
			+ "expires_at, downloaded_at";

	private final JdbcClient jdbc;

	private final Jobs jobs;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	private final PrivateArchives archives;

	DataExports(JdbcClient jdbc, Jobs jobs, Tenancy tenancy, AuditTrail audit, Clock clock, PrivateArchives archives) {
		this.jdbc = jdbc;
		this.archives = archives;
		this.jobs = jobs;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Asks for a download of my data: refused (409) while another of mine is being built. Returns the export
	 * and its token, which is shown only now.
	 */
	@Transactional
	public NewDataExport request() {
		long me = this.tenancy.actor().id();
		Integer building = this.jdbc.sql("SELECT COUNT(*) FROM privacy_exports WHERE user_id = :u AND status = 'BUILDING'")
			.param("u", me)
			.query(Integer.class)
			.single();
		if (building > 0) {
			throw new StateTransitionException("Your data is being gathered already; wait until it is ready.");
		}
		String token = TokenHashing.newToken();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO privacy_exports (user_id, status, token_hash, created_at)
				VALUES (:u, 'BUILDING', :h, :at)""")
			.param("u", me)
			.param("h", TokenHashing.sha256Hex(token))
			.param("at", now())
			.update(key, "id");
		long id = key.getKey().longValue();
		this.jobs.submit(JOB, id);
		this.audit.record(AuditRecord.of("PRIVACY_EXPORT_REQUESTED", "privacy_exports", id).about(me));
		return new NewDataExport(view(find(me, id)), token);
	}

	/** My exports, newest first (at most 10). */
	@Transactional(readOnly = true)
	public List<DataExportView> mine() {
		long me = this.tenancy.actor().id();
		List<Row> rows = this.jdbc.sql("SELECT " + COLUMNS + " FROM privacy_exports WHERE user_id = :u ORDER BY id DESC LIMIT 10")
			.param("u", me)
			.query(DataExports::row)
			.list();
		// The jobs of every row in one query, not one per row.
		java.util.Map<Long, Job> jobs = this.jobs.latest(JOB, rows.stream().map(Row::id).toList());
		return rows.stream().map(row -> view(row, Optional.ofNullable(jobs.get(row.id())))).toList();
	}

	/** One of my exports; anyone else's is "not found". */
	@Transactional(readOnly = true)
	public DataExportView get(long id) {
		return view(find(this.tenancy.actor().id(), id));
	}

	/**
	 * Hands out my ZIP once, for the token given when I asked for it: "not found" for an unknown token or
	 * anyone else's; 409 while it is being built or after it failed; 410 once downloaded or expired. The export
	 * is marked DOWNLOADED first, by a conditional update, so two downloads at once get it once; then the stored
	 * ZIP is opened, and it is deleted from the file store when its stream is closed (after the response, or
	 * when the client went away; a stream never closed leaves it to the retention purge).
	 */
	@Transactional
	public ExportFile download(String token) {
		long me = this.tenancy.actor().id();
		if (token == null || !TOKEN.matcher(token).matches()) {
			throw new NotFoundException("Download not found");
		}
		String hash = TokenHashing.sha256Hex(token);
		Row row = this.jdbc.sql("SELECT " + COLUMNS + " FROM privacy_exports WHERE token_hash = :h AND user_id = :u")
			.param("h", hash)
			.param("u", me)
			.query(DataExports::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("Download not found"));
		LocalDateTime now = now();
		switch (row.status()) {
			case BUILDING -> throw new StateTransitionException("Your data is still being gathered; try again soon.");
			case FAILED -> throw new StateTransitionException("This download failed; ask for a new one.");
			case DOWNLOADED, EXPIRED -> throw gone();
			case READY -> {
				if (row.expiresAt() != null && !row.expiresAt().isAfter(now.toInstant(ZoneOffset.UTC))) {
					throw gone();
				}
			}
		}
		int taken = this.jdbc.sql("""
				UPDATE privacy_exports SET status = 'DOWNLOADED', downloaded_at = :now
				WHERE id = :id AND status = 'READY' AND expires_at > :now AND archive_key IS NOT NULL""")
			.param("now", now)
			.param("id", row.id())
			.update();
		if (taken == 0) {
			throw gone();
		}
		this.audit.record(AuditRecord.of("PRIVACY_EXPORT_DOWNLOADED", "privacy_exports", row.id()).about(me));
		String key = this.jdbc.sql("SELECT archive_key FROM privacy_exports WHERE id = :id")
			.param("id", row.id())
			.query(String.class)
			.single();
		InputStream content;
		try {
			content = this.archives.open(key);
		}
		catch (NotFoundException ex) {
			// The store lost it: nothing to hand out (the update rolls back; the purge expires the row).
			throw gone();
		}
		return new ExportFile("mentorhub-my-data-" + row.id() + ".zip", row.sizeBytes(),
				new DeletedWhenClosed(content, () -> discard(row.id(), key)));
	}

	/** The stored ZIP of a download that was handed out: deleted, and its key cleared once it is gone. */
	private void discard(long id, String key) {
		if (this.archives.delete(key)) {
			this.jdbc.sql("UPDATE privacy_exports SET archive_key = NULL WHERE id = :id AND archive_key = :key")
				.param("id", id)
				.param("key", key)
				.update();
		}
	}

	/** A stream that runs its action once, when it is first closed. */
	private static final class DeletedWhenClosed extends FilterInputStream {

		private final AtomicBoolean closed = new AtomicBoolean();

		private final Runnable action;

		DeletedWhenClosed(InputStream in, Runnable action) {
			super(in);
			this.action = action;
		}

		@Override
		public void close() throws IOException {
			if (this.closed.compareAndSet(false, true)) {
				try {
					super.close();
				}
				finally {
					this.action.run();
				}
			}
		}

	}

	private static ResponseStatusException gone() {
		return new ResponseStatusException(HttpStatus.GONE,
				"This download link was used already or has expired; ask for a new download.");
	}

	// ------------------------------------------------------------------ the job's side

	/** The owner of an export that is being built, if it still is. */
	Optional<Long> buildingFor(long id) {
		return this.jdbc.sql("SELECT user_id FROM privacy_exports WHERE id = :id AND status = 'BUILDING'")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	/**
	 * Takes the stored ZIP ({@code archiveKey}, {@code size} bytes): READY for {@link #AVAILABLE_FOR}. Returns
	 * false when the export is no longer being built (erased meanwhile): then the caller deletes the ZIP.
	 */
	@Transactional
	public boolean ready(long id, String archiveKey, long size) {
		LocalDateTime now = now();
		int updated = this.jdbc.sql("""
				UPDATE privacy_exports SET status = 'READY', archive_key = :key, size_bytes = :size, ready_at = :now,
				       expires_at = :expires
				WHERE id = :id AND status = 'BUILDING'""")
			.param("key", archiveKey)
			.param("size", size)
			.param("now", now)
			.param("expires", now.plus(AVAILABLE_FOR))
			.param("id", id)
			.update();
		if (updated == 0) {
			return false;
		}
		Long owner = this.jdbc.sql("SELECT user_id FROM privacy_exports WHERE id = :id").param("id", id)
			.query(Long.class).single();
		this.audit.record(AuditRecord.change("PRIVACY_EXPORT_READY", "privacy_exports", id, null,
				Map.of("sizeBytes", size)).about(owner));
		return true;
	}

	/** The job failed: the export is FAILED with the reason (the person may ask again). */
	void failed(long id, String reason) {
		this.jdbc.sql("UPDATE privacy_exports SET status = 'FAILED', failure_reason = :r, token_hash = NULL "
				+ "WHERE id = :id AND status = 'BUILDING'")
			.param("r", reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason)
			.param("id", id)
			.update();
	}

	// ------------------------------------------------------------------ reading

	record Row(long id, long userId, ExportStatus status, Long sizeBytes, String failureReason, Instant createdAt,
			Instant readyAt, Instant expiresAt, Instant downloadedAt) {
	}

	private Row find(long userId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM privacy_exports WHERE id = :id AND user_id = :u")
			.param("id", id)
			.param("u", userId)
			.query(DataExports::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("Download not found"));
	}

	private DataExportView view(Row row) {
		return view(row, this.jobs.latest(JOB, row.id()));
	}

	private DataExportView view(Row row, Optional<Job> job) {
		int percent = row.status() == ExportStatus.BUILDING ? job.map(Job::percent).orElse(0) : 100;
		return new DataExportView(row.id(), row.status(), job.map(Job::id).orElse(null), percent, row.failureReason(),
				row.createdAt(), row.readyAt(), row.expiresAt(), row.downloadedAt(), row.sizeBytes());
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("user_id"), ExportStatus.valueOf(rs.getString("status")),
				rs.getObject("size_bytes", Long.class), rs.getString("failure_reason"), instant(rs, "created_at"),
				instant(rs, "ready_at"), instant(rs, "expires_at"), instant(rs, "downloaded_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
