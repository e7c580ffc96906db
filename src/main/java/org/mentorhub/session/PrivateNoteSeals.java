package org.mentorhub.session;

import org.mentorhub.platform.SealedColumn;
import org.mentorhub.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The private notes, sealed in {@code session_notes.content}, re-sealed by the key rotation. */
@Component
class PrivateNoteSeals extends SealedColumn {

	PrivateNoteSeals(JdbcClient jdbc, SecretBox box) {
		super(jdbc, box, SessionNotes.CONTEXT,
				"SELECT COUNT(*) FROM session_notes WHERE content_key_id IS NOT NULL AND content_key_id <> :key",
				"""
						SELECT id, content_key_id, content FROM session_notes
						WHERE content_key_id IS NOT NULL AND content_key_id <> :key AND id > :after
						ORDER BY id LIMIT :limit FOR UPDATE""",
				"UPDATE session_notes SET content = :value, content_key_id = :key WHERE id = :id");
	}

}
