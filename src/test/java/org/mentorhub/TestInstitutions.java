package org.mentorhub;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Object Mother for a fresh institution of one's own, so that a test never depends on the demo's
 * codes and shares no counts, names or budgets with other test classes:
 * <pre>
 * TestInstitution college = aUniversity().withDepartment("CS").build(jdbc);
 * Account mentor = college.aMentor().inDepartment("CS").withMentorProfile(2).create(jdbc);
 * Account student = college.aStudent().inDepartment("CS").create(jdbc);
 * </pre>
 * Codes are unique per build ({@code T1A2B3C4}); department codes are as given, within the institution.
 */
public final class TestInstitutions {

	private TestInstitutions() {
	}

	/** A new university (approval of mentorships required, as at Northbridge). */
	public static Builder aUniversity() {
		return new Builder("UNIVERSITY").withApprovalRequired(true);
	}

	/** A new company (no approval of mentorships, as at Acme). */
	public static Builder aCompany() {
		return new Builder("COMPANY").withApprovalRequired(false);
	}

	/** Gives the user a mentor profile with this many places, none taken, accepting new mentees. */
	public static void mentorProfile(JdbcClient jdbc, long userId, int capacity) {
		jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count, accepting_new_mentees) "
				+ "VALUES (:u, :max, 0, TRUE)")
			.param("u", userId)
			.param("max", capacity)
			.update();
	}

	/** A short unique suffix. */
	public static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A built institution: its id, code and departments' ids by code. */
	public record TestInstitution(long id, String code, String name, Map<String, Long> departments) {

		public long department(String code) {
			Long id = this.departments.get(code);
			if (id == null) {
				throw new IllegalArgumentException("No department " + code + " in " + this.code);
			}
			return id;
		}

		/** A new person of this institution with this role. */
		public PersonBuilder a(RoleName role) {
			return new PersonBuilder(this, role);
		}

		public PersonBuilder anAdmin() {
			return a(RoleName.ADMIN);
		}

		public PersonBuilder aCoordinator() {
			return a(RoleName.COORDINATOR);
		}

		public PersonBuilder aMentor() {
			return a(RoleName.MENTOR);
		}

		/** A mentee: a student at a university, an employee at a company. */
		public PersonBuilder aMentee() {
			return a(RoleName.MENTEE);
		}

		public PersonBuilder aStudent() {
			return a(RoleName.MENTEE);
		}

	}

	/** A new institution. */
	public static final class Builder {

		private final String kind;

		private final String code = "T" + unique().substring(0, 8).toUpperCase(Locale.ROOT);

		private final Map<String, String> departments = new LinkedHashMap<>();

		private String name;

		private String timeZone = "Europe/London";

		private boolean approvalRequired;

		private boolean selfRegistration;

		private String registrationDomains;

		private boolean securityQuestion;

		private Builder(String kind) {
			this.kind = kind;
		}

		public Builder named(String name) {
			this.name = name;
			return this;
		}

		/** Adds a department named after its code. */
		public Builder withDepartment(String code) {
			return withDepartment(code, "Department " + code);
		}

		public Builder withDepartment(String code, String name) {
			this.departments.put(code, name);
			return this;
		}

		public Builder withTimeZone(String zone) {
			this.timeZone = zone;
			return this;
		}

		public Builder withApprovalRequired(boolean required) {
			this.approvalRequired = required;
			return this;
		}

		/** Self-registration on, for addresses of these comma-separated domains. */
		public Builder allowingRegistrationFrom(String domains) {
			this.selfRegistration = true;
			this.registrationDomains = domains;
			return this;
		}

		/** Self-registration off, though domains are set. */
		public Builder withRegistrationOffButDomains(String domains) {
			this.selfRegistration = false;
			this.registrationDomains = domains;
			return this;
		}

		public Builder withSecurityQuestion() {
			this.securityQuestion = true;
			return this;
		}

		public TestInstitution build(JdbcClient jdbc) {
			String name = this.name != null ? this.name
					: ("UNIVERSITY".equals(this.kind) ? "Test University " : "Test Company ") + this.code;
			KeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO institutions (name, code, kind, time_zone, mentorship_approval_required,
					                          self_registration_enabled, self_registration_domains,
					                          security_question_enabled)
					VALUES (:name, :code, :kind, :zone, :approval, :registration, :domains, :question)""")
				.param("name", name)
				.param("code", this.code)
				.param("kind", this.kind)
				.param("zone", this.timeZone)
				.param("approval", this.approvalRequired)
				.param("registration", this.selfRegistration)
				.param("domains", this.registrationDomains)
				.param("question", this.securityQuestion)
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			Map<String, Long> departments = new LinkedHashMap<>();
			this.departments.forEach((code, departmentName) -> {
				KeyHolder departmentKeys = new GeneratedKeyHolder();
				jdbc.sql("INSERT INTO departments (institution_id, code, name) VALUES (:i, :code, :name)")
					.param("i", id)
					.param("code", code)
					.param("name", departmentName)
					.update(departmentKeys, "id");
				departments.put(code, departmentKeys.getKeyAs(Number.class).longValue());
			});
			return new TestInstitution(id, this.code, name, Map.copyOf(departments));
		}

	}

	/** A new person of a built institution. */
	public static final class PersonBuilder {

		private final TestInstitution institution;

		private final TestAccounts.Builder account;

		private Long departmentId;

		private Integer mentorCapacity;

		private PersonBuilder(TestInstitution institution, RoleName role) {
			this.institution = institution;
			this.account = TestAccounts.anAccount(role)
				.withEmailDomain(institution.code().toLowerCase(Locale.ROOT) + ".test");
		}

		public PersonBuilder inDepartment(String code) {
			this.departmentId = this.institution.department(code);
			return this;
		}

		public PersonBuilder named(String fullName) {
			this.account.named(fullName);
			return this;
		}

		public PersonBuilder withEmail(String email) {
			this.account.withEmail(email);
			return this;
		}

		public PersonBuilder withPassword(String password) {
			this.account.withPassword(password);
			return this;
		}

		public PersonBuilder withStatus(String status) {
			this.account.withStatus(status);
			return this;
		}

		public PersonBuilder withTimeZone(String zone) {
			this.account.withTimeZone(zone);
			return this;
		}

		/** A mentor profile with this many places, none taken, accepting new mentees. */
		public PersonBuilder withMentorProfile(int capacity) {
			this.mentorCapacity = capacity;
			return this;
		}

		public Account create(JdbcClient jdbc) {
			Account account = this.account.in(this.institution.id(), this.departmentId).create(jdbc);
			if (this.mentorCapacity != null) {
				mentorProfile(jdbc, account.id(), this.mentorCapacity);
			}
			return account;
		}

	}

}
