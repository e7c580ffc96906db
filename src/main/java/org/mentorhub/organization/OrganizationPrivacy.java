package org.mentorhub.organization;

import java.util.List;
import java.util.Map;

import org.mentorhub.platform.UserDirectory;
import org.mentorhub.platform.privacy.PersonalTable;
import org.mentorhub.platform.privacy.PersonalTable.Erasure;
import org.mentorhub.platform.privacy.TablePrivacyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the organization module holds about a person (docs/privacy.md): an institution's contact address is
 * usually a role address, but when it is a person's own e-mail address it is theirs, found by that address.
 */
@Component
class OrganizationPrivacy extends TablePrivacyProvider {

	private static final List<PersonalTable> TABLES = List.of(PersonalTable.of("institutions", Erasure.CUSTOM,
			"An institution whose contact address is the person's e-mail address.", "contact_email"));

	private final UserDirectory users;

	OrganizationPrivacy(JdbcClient jdbc, UserDirectory users) {
		super(jdbc);
		this.users = users;
	}

	@Override
	public String module() {
		return "organization";
	}

	@Override
	public String description() {
		return "An institution's contact e-mail address, when it is a person's own address.";
	}

	@Override
	public String legalBasis() {
		return "Legitimate interest: reaching the institution (GDPR Art. 6(1)(f)).";
	}

	@Override
	public String retention() {
		return "Until an administrator changes it; cleared on erasure.";
	}

	@Override
	public List<PersonalTable> tables() {
		return TABLES;
	}

	@Override
	protected List<Map<String, Object>> exportRows(PersonalTable table, long userId) {
		String email = this.users.emailsOf(List.of(userId)).get(userId);
		if (email == null) {
			return List.of();
		}
		return this.jdbc.sql("SELECT id, name, contact_email FROM institutions WHERE LOWER(contact_email) = LOWER(?) ORDER BY id")
			.param(email)
			.query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "name", rs.getString(2), "contact_email",
					rs.getString(3)))
			.list();
	}

	@Override
	protected int eraseCustom(PersonalTable table, long userId) {
		String email = this.users.emailsOf(List.of(userId)).get(userId);
		return email == null ? 0
				: this.jdbc.sql("UPDATE institutions SET contact_email = NULL WHERE LOWER(contact_email) = LOWER(?)")
					.param(email)
					.update();
	}

}
