package org.mentorhub.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored file: what it belongs to, who uploaded it, and where its bytes are. */
@Entity
@Table(name = "attachments")
class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private String relatedType;

	private long relatedId;

	private Long ownerId;

	private String fileName;

	private String mimeType;

	private long sizeBytes;

	@Column(updatable = false)
	private String storagePath;

	private String sha256;

	@Column(updatable = false)
	private Instant createdAt;

	protected Attachment() {
	}

	static Attachment of(Attachments.NewFile file, String fileName, String mimeType, long size, String storagePath,
			String sha256, Instant now) {
		Attachment attachment = new Attachment();
		attachment.institutionId = file.institutionId();
		attachment.relatedType = file.relatedType().name();
		attachment.relatedId = file.relatedId();
		attachment.ownerId = file.ownerId();
		attachment.fileName = fileName;
		attachment.mimeType = mimeType;
		attachment.sizeBytes = size;
		attachment.storagePath = storagePath;
		attachment.sha256 = sha256;
		attachment.createdAt = now;
		return attachment;
	}

	Attachments.StoredFile toStoredFile() {
		return new Attachments.StoredFile(this.id, this.institutionId, Attachments.RelatedType.valueOf(this.relatedType),
				this.relatedId, this.ownerId, this.fileName, this.mimeType, this.sizeBytes, this.sha256, this.createdAt);
	}

	Long getId() {
		return this.id;
	}

	String getStoragePath() {
		return this.storagePath;
	}

}
