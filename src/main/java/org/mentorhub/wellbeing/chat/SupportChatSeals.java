package org.mentorhub.wellbeing.chat;

import org.mentorhub.platform.SealedColumn;
import org.mentorhub.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The support chat's messages, sealed in {@code support_chat_messages.message}, re-sealed by the key rotation. */
@Component
class SupportChatSeals extends SealedColumn {

	SupportChatSeals(JdbcClient jdbc, SecretBox box) {
		super(jdbc, box, SupportChat.CONTEXT,
				"SELECT COUNT(*) FROM support_chat_messages WHERE message_key_id IS NOT NULL AND message_key_id <> :key",
				"""
						SELECT id, message_key_id, message FROM support_chat_messages
						WHERE message_key_id IS NOT NULL AND message_key_id <> :key AND id > :after
						ORDER BY id LIMIT :limit FOR UPDATE""",
				"UPDATE support_chat_messages SET message = :value, message_key_id = :key WHERE id = :id");
	}

}
