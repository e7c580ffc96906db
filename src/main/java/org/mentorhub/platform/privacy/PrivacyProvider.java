package org.mentorhub.platform.privacy;

import java.util.List;
import java.util.Map;

/**
 * What one module holds about a person, and how that is exported and erased (GDPR Arts. 15, 17 and 20;
 * FERPA). A module declares one provider as a Spring bean; {@link PrivacyProviders} collects them. Most
 * modules extend {@link TablePrivacyProvider}, which exports and erases from the table declarations.
 */
public interface PrivacyProvider {

	/** The module word, as in the migration names ({@code V6__session_sessions.sql} → session). */
	String module();

	/** What the module holds about a person, in plain words. */
	String description();

	/** Why it may hold it (GDPR Art. 6 basis; FERPA where education records are concerned). */
	String legalBasis();

	/** How long it is kept, in plain words. */
	String retention();

	/** Every table of the module that holds personal data, with its user columns. */
	List<PersonalTable> tables();

	/**
	 * Everything the module holds about one person and that is theirs to see: table name → rows (column →
	 * value). Secrets (password hashes, token hashes, keys) are left out; sealed text is opened.
	 */
	Map<String, List<Map<String, Object>>> export(long userId);

	/**
	 * Erases or pseudonymises one person's data in this module; idempotent. Shared records are kept and show
	 * the person as "former member" once identity has pseudonymised the account.
	 * @return how many rows were deleted or changed, by table
	 */
	Map<String, Integer> erase(long userId);

	/**
	 * When this provider erases relative to the others (lower first): identity pseudonymises the account last,
	 * after the others have used its e-mail address.
	 */
	default int erasureOrder() {
		return 0;
	}

	/**
	 * Erases what {@link #erase} keeps only because the law may require it (the education record), when
	 * the person's institution keeps no such records (its legal-hold setting is off); idempotent.
	 * @return how many rows were deleted or changed, by table
	 */
	default Map<String, Integer> eraseHeldRecords(long userId) {
		return Map.of();
	}

	/**
	 * The kinds of this module's data that are kept for a limited time; the privacy module's one purge job
	 * enforces them (docs/privacy.md, "Retention").
	 */
	default List<RetentionRule> retentionRules() {
		return List.of();
	}

}
