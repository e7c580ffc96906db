package org.mentorhub.identity.imports;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.mentorhub.platform.imports.ImportRecord;

/**
 * One uploaded CSV file of people to invite: previewed, then committed (its valid rows become
 * invited accounts) or discarded, with the life cycle every import shares ({@link ImportRecord}).
 * Its done counter is the number of accounts created.
 */
@Entity
@Table(name = "user_imports")
@AttributeOverride(name = "doneRows", column = @Column(name = "created_rows"))
class UserImport extends ImportRecord {

	protected UserImport() {
	}

	private UserImport(long institutionId, Long uploadedById, String fileName, String fileSha256, int totalRows,
			int validRows, Instant now) {
		super(institutionId, uploadedById, fileName, fileSha256, totalRows, validRows, now);
	}

	static UserImport preview(long institutionId, Long uploadedById, String fileName, String fileSha256, int totalRows,
			int validRows, Instant now) {
		return new UserImport(institutionId, uploadedById, fileName, fileSha256, totalRows, validRows, now);
	}

	int getCreatedRows() {
		return getDoneRows();
	}

}
