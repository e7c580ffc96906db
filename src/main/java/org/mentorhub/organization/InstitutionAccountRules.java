package org.mentorhub.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account rules an institution sets for its members: whether people may register themselves
 * (and with which e-mail domains), and whether a password reset also asks the security question.
 * The identity module reads them; the institution's administration changes them.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionAccountRules {

	private final JdbcClient jdbc;

	InstitutionAccountRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rules of one institution.
	 * @param institutionId the institution
	 * @param name its name, for mail and pages
	 * @param timeZone its time zone, the default of new members
	 * @param selfRegistrationEnabled whether people may create their own account
	 * @param selfRegistrationDomains the e-mail domains that may register (lower case, without "@")
	 * @param securityQuestionEnabled whether a password reset also asks the member's security question
	 */
	public record Rules(long institutionId, String name, String timeZone, boolean selfRegistrationEnabled,
			List<String> selfRegistrationDomains, boolean securityQuestionEnabled) {

		/**
		 * Whether a person with this (lower-case) e-mail address may register here: self-registration
		 * is on and the address's domain is one of the listed ones, exactly (no sub-domains).
		 */
		public boolean admitsRegistrationOf(String email) {
			int at = email == null ? -1 : email.lastIndexOf('@');
			if (!this.selfRegistrationEnabled || at < 0) {
				return false;
			}
			String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
			return this.selfRegistrationDomains.contains(domain);
		}

	}

	/** The rules of the institution with this id, if it exists. */
	public Optional<Rules> forInstitution(long institutionId) {
		return this.jdbc.sql(SELECT + " WHERE id = :id").param("id", institutionId).query(this::map).optional();
	}

	/** The rules of the active institution with this code (as typed, any case), if it exists. */
	public Optional<Rules> forCode(String code) {
		if (code == null || code.isBlank() || code.strip().length() > 32) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " WHERE UPPER(code) = :code AND active = TRUE")
			.param("code", code.strip().toUpperCase(Locale.ROOT))
			.query(this::map)
			.optional();
	}

	private static final String SELECT = "SELECT id, name, time_zone, self_registration_enabled, "
			+ "self_registration_domains, security_question_enabled FROM institutions";

	private Rules map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Rules(rs.getLong("id"), rs.getString("name"), rs.getString("time_zone"),
				rs.getBoolean("self_registration_enabled"), domains(rs.getString("self_registration_domains")),
				rs.getBoolean("security_question_enabled"));
	}

	/** The listed domains (separated by commas, semicolons or spaces), lower case, without a leading at sign. */
	static List<String> domains(String listed) {
		if (listed == null) {
			return List.of();
		}
		return Arrays.stream(listed.split("[,;\\s]+"))
			.map(domain -> domain.strip().toLowerCase(Locale.ROOT))
			.map(domain -> domain.startsWith("@") ? domain.substring(1) : domain)
			.filter(domain -> !domain.isEmpty())
			.distinct()
			.toList();
	}

}
