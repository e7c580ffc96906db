package org.mentorhub.attachment;

import java.util.List;

import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the attachment module holds about a person (docs/privacy.md): the files they uploaded. Erasure deletes
 * their profile picture (row now, bytes when the transaction commits) and leaves the files attached to shared
 * records (a session, a goal, a resource) without an owner.
 */
@Component
class AttachmentPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(PersonalTable.of("attachments", Erasure.CUSTOM,
			"Files the person uploaded: name, type, size and what they are attached to (the file itself is in the file store).",
			"owner_id").hiding("storage_path"));

	private final Attachments attachments;

	AttachmentPrivacy(JdbcClient jdbc, Attachments attachments) {
		super(jdbc);
		this.attachments = attachments;
	}

	@Override
	public String module() {
		return "attachment";
	}

	@Override
	public String description() {
		return "Files a person uploaded (profile picture, files on sessions, goals, resources and issues) and their names, types and sizes.";
	}

	@Override
	public String legalBasis() {
		return "Contract: the person uploaded the file to use the feature it belongs to (GDPR Art. 6(1)(b)).";
	}

	@Override
	public String retention() {
		return "As long as the record the file is attached to; a profile picture until replaced, removed or the person is erased.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	@Override
	protected int eraseCustom(PersonalTable table, long userId) {
		int avatars = this.attachments.deleteAllFor(RelatedType.AVATAR, List.of(userId));
		return avatars + this.jdbc.sql("UPDATE attachments SET owner_id = NULL WHERE owner_id = ?")
			.param(userId)
			.update();
	}

}
