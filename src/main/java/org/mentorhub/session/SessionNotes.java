package org.mentorhub.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.SecretBox;
import org.mentorhub.platform.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session notes. Shared notes are read by both participants; a private note only by its author (for
 * everybody else, coordinators and administrators included, it does not exist) and is stored
 * encrypted with {@link SecretBox} (QUALITY S11). Only the author edits or deletes a note; an edit
 * or delete names the version it read, and a stale one fails with 409.
 * <p>
 * Every note whose content {@link #list} shows to someone other than its author is audited as
 * {@code NOTE_READ} (entity {@code session_notes}, id = the note; never the content), one row per
 * note, written in one batch (QUALITY S12, FERPA §99.32 disclosure log).
 */
@Service
public class SessionNotes {

	/** The longest note. */
	public static final int MAX_LENGTH = 10_000;

	static final String CONTEXT = "session_notes.content";

	static final String NOTE_READ = "NOTE_READ";

	private final JdbcClient jdbc;

	private final SessionParticipants participants;

	private final SecretBox box;

	private final Tenancy tenancy;

	private final Clock clock;

	private final AuditTrail audit;

	SessionNotes(JdbcClient jdbc, SessionParticipants participants, SecretBox box, Tenancy tenancy, Clock clock,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.participants = participants;
		this.box = box;
		this.tenancy = tenancy;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * The session's shared notes and the caller's own private ones, oldest first (participants only).
	 * The notes written by somebody else are audited as read.
	 */
	@Transactional
	public List<SessionNoteView> list(long sessionId) {
		List<SessionNoteView> notes = readable(sessionId);
		long student = this.participants.asParticipant(sessionId).menteeId();
		this.audit.recordAll(notes.stream()
			.filter(note -> !note.mine())
			.map(note -> AuditRecord.of(NOTE_READ, "session_notes", note.id()).about(student))
			.toList());
		return notes;
	}

	/** What {@link #list} shows, without the audit: for the author's own writes and checks. */
	private List<SessionNoteView> readable(long sessionId) {
		this.participants.asParticipant(sessionId);
		long me = this.tenancy.actor().id();
		return this.jdbc.sql("""
				SELECT n.id, n.session_id, n.created_by_id, u.full_name, n.content, n.content_key_id, n.is_private,
				       n.created_at, n.updated_at, n.version
				FROM session_notes n JOIN identity_people u ON u.id = n.created_by_id
				WHERE n.session_id = :s AND (n.is_private = FALSE OR n.created_by_id = :me)
				ORDER BY n.created_at, n.id""")
			.param("s", sessionId)
			.param("me", me)
			.query((rs, i) -> view(rs, me))
			.list();
	}

	/** Writes a note to a session the caller takes part in. */
	@Transactional
	public SessionNoteView create(long sessionId, String content, boolean privateNote) {
		this.participants.asParticipant(sessionId);
		String text = validContent(content);
		long me = this.tenancy.actor().id();
		LocalDateTime now = SessionParticipants.utc(Instant.now(this.clock));
		SecretBox.Sealed sealed = privateNote ? this.box.seal(text, CONTEXT) : null;
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO session_notes (session_id, created_by_id, content, content_key_id, is_private, created_at,
				                           updated_at, version)
				VALUES (:s, :me, :content, :key, :private, :now, :now, 0)""")
			.param("s", sessionId)
			.param("me", me)
			.param("content", sealed == null ? text : sealed.ciphertext())
			.param("key", sealed == null ? null : sealed.keyId())
			.param("private", privateNote)
			.param("now", now)
			.update(keys, "id");
		return get(sessionId, keys.getKeyAs(Number.class).longValue());
	}

	/** Changes the text of the caller's own note; 409 when {@code version} is not the current one. */
	@Transactional
	public SessionNoteView update(long sessionId, long noteId, String content, Long version) {
		this.participants.asParticipant(sessionId);
		SessionNoteView note = own(sessionId, noteId);
		String text = validContent(content);
		long expected = requireVersion(version);
		SecretBox.Sealed sealed = note.privateNote() ? this.box.seal(text, CONTEXT) : null;
		int changed = this.jdbc.sql("""
				UPDATE session_notes SET content = :content, content_key_id = :key, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("content", sealed == null ? text : sealed.ciphertext())
			.param("key", sealed == null ? null : sealed.keyId())
			.param("now", SessionParticipants.utc(Instant.now(this.clock)))
			.param("id", noteId)
			.param("version", expected)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale note " + noteId);
		}
		return get(sessionId, noteId);
	}

	/** Deletes the caller's own note; 409 when {@code version} is not the current one. */
	@Transactional
	public void delete(long sessionId, long noteId, Long version) {
		this.participants.asParticipant(sessionId);
		own(sessionId, noteId);
		long expected = requireVersion(version);
		int changed = this.jdbc.sql("DELETE FROM session_notes WHERE id = :id AND version = :version")
			.param("id", noteId)
			.param("version", expected)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Stale note " + noteId);
		}
	}

	/** One note the caller may read, else 404 (not audited: it serves the author's own writes). */
	private SessionNoteView get(long sessionId, long noteId) {
		return readable(sessionId).stream()
			.filter(n -> n.id() == noteId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Note not found"));
	}

	private SessionNoteView own(long sessionId, long noteId) {
		SessionNoteView note = get(sessionId, noteId);
		if (!note.mine()) {
			// Only the author changes a note; somebody else's shared note is as good as absent for changes.
			throw new NotFoundException("Note not found");
		}
		return note;
	}

	private SessionNoteView view(java.sql.ResultSet rs, long me) throws java.sql.SQLException {
		boolean isPrivate = rs.getBoolean("is_private");
		String content = rs.getString("content");
		boolean unreadable = false;
		if (isPrivate) {
			try {
				content = this.box.open(rs.getString("content_key_id"), content, CONTEXT);
			}
			catch (SecretBox.TamperedException ex) {
				content = null;
				unreadable = true;
			}
		}
		long author = rs.getLong("created_by_id");
		return new SessionNoteView(rs.getLong("id"), rs.getLong("session_id"), author, rs.getString("full_name"), content,
				isPrivate, unreadable, SessionParticipants.utc(rs.getObject("created_at", LocalDateTime.class)),
				SessionParticipants.utc(rs.getObject("updated_at", LocalDateTime.class)), rs.getLong("version"),
				author == me);
	}

	static String validContent(String content) {
		String text = content == null ? "" : content.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("content", "Write the note: it cannot be empty.");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInputException("content", "A note is at most " + MAX_LENGTH + " characters.");
		}
		return text;
	}

	static long requireVersion(Long version) {
		if (version == null || version < 0) {
			throw new InvalidInputException("version", "Send the version you read, so that a newer change is not lost.");
		}
		return version;
	}

}
