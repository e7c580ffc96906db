package org.mentorhub.platform;

/**
 * The values one module has sealed with {@link SecretBox}, which that module re-seals under the active key
 * when keys rotate ({@link KeyRotationRunner}): each module reads and writes only its own tables. A module
 * with sealed columns publishes one bean per table.
 */
public interface SealedValues {

	/** Which column(s) these are, for the log: {@code session_notes.content}. */
	String name();

	/** How many rows hold a value sealed with another key than the active one. */
	long countSealedWithOtherKeys(String activeKeyId);

	/**
	 * Re-seals under the active key, in one transaction with the rows locked, up to {@code limit} rows with
	 * an id above {@code afterId} (in id order) that hold a value sealed with another key. A row whose value
	 * cannot be opened (its key is no longer configured, or it was changed) stays as it is and is counted.
	 */
	ResealBatch resealAfter(long afterId, int limit);

}
