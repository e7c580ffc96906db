package org.mentorhub.privacy.export;

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
import java.util.regex.Pattern;

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
 * the export and submits the job that builds its ZIP ({@link DataExportJob}); the person gets a single-use
 * token once, stored only as its SHA-256 hash. The ZIP is handed out once, to its owner with the token, within
 * {@link #AVAILABLE_FOR} of being ready; then it is removed (at the download, or by the retention purge: {@link DataExportRetention}).
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

	DataExports(JdbcClient jdbc, Jobs jobs, Tenancy tenancy, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
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
	 * anyone else's; 409 while it is being built or after it failed; 410 once downloaded or expired. The ZIP is
	 * removed in the same transaction, so two downloads at once get it once.
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
		byte[] content = this.jdbc.sql("SELECT content FROM privacy_exports WHERE id = :id")
			.param("id", row.id())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
		int taken = this.jdbc.sql("""
				UPDATE privacy_exports SET status = 'DOWNLOADED', downloaded_at = :now, content = NULL
				WHERE id = :id AND status = 'READY' AND expires_at > :now""")
			.param("now", now)
			.param("id", row.id())
			.update();
		if (taken == 0 || content == null) {
			throw gone();
		}
		this.audit.record(AuditRecord.of("PRIVACY_EXPORT_DOWNLOADED", "privacy_exports", row.id()).about(me));
		return new ExportFile("mentorhub-my-data-" + row.id() + ".zip", content);
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

	/** Stores the ZIP: READY for {@link #AVAILABLE_FOR}. */
	@Transactional
	public void ready(long id, byte[] zip) {
		LocalDateTime now = now();
		int updated = this.jdbc.sql("""
				UPDATE privacy_exports SET status = 'READY', content = :zip, size_bytes = :size, ready_at = :now,
				       expires_at = :expires
				WHERE id = :id AND status = 'BUILDING'""")
			.param("zip", zip)
			.param("size", (long) zip.length)
			.param("now", now)
			.param("expires", now.plus(AVAILABLE_FOR))
			.param("id", id)
			.update();
		if (updated > 0) {
			Long owner = this.jdbc.sql("SELECT user_id FROM privacy_exports WHERE id = :id").param("id", id)
				.query(Long.class).single();
			this.audit.record(AuditRecord.change("PRIVACY_EXPORT_READY", "privacy_exports", id, null,
					Map.of("sizeBytes", zip.length)).about(owner));
		}
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
