package org.mentorhub.identity.administration;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.RunAs;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.Invitations.Invitation;
import org.mentorhub.identity.Invitations;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;

@MentorHubIntegrationTest
class InvitationsIntegrationTests {

	@Autowired
	Invitations invitations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** A fresh university of this test's own, with its administrator. */
	TestInstitution college;

	UserDetails admin;

	@BeforeEach
	void aFreshCollegeAndItsAdministrator() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = signedIn(this.college.anAdmin().create(this.jdbc));
	}

	UserDetails signedIn(org.mentorhub.TestAccounts.Account account) {
		return this.users.loadUserByUsername(account.email());
	}

	String uniqueEmail() {
		return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@mentorhub.test";
	}

	String tokenMailedTo(String email) {
		String body = this.jdbc.sql("SELECT body_text FROM outbox_mails WHERE recipient = :to ORDER BY id DESC LIMIT 1")
			.param("to", email)
			.query(String.class)
			.single();
		Matcher matcher = Pattern.compile("/account/activate\\?token=([A-Za-z0-9_-]+)").matcher(body);
		assertThat(matcher.find()).as("an activation link in the mail").isTrue();
		return matcher.group(1);
	}

	String statusOf(String email) {
		return this.jdbc.sql("SELECT status FROM users WHERE email = :e").param("e", email).query(String.class).single();
	}

	@Test
	void invitedPersonActivatesTheAccountOnceWithAGoodPassword() {
		RunAs.run(this.admin, () -> {
			String email = uniqueEmail();
			this.invitations.invite(new Invitation(email, "Ivy Invited", List.of(RoleName.MENTOR), null));
			assertThat(statusOf(email)).isEqualTo("INVITED");
			String token = tokenMailedTo(email);

			assertThatThrownBy(() -> this.invitations.accept(token, "password1")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("too common");
			assertThat(this.invitations.accept(token, "violet kettle under the bridge")).isEqualTo(email);

			assertThat(statusOf(email)).isEqualTo("ACTIVE");
			assertThat(this.invitations.isUsable(token)).isFalse();
			assertThatThrownBy(() -> this.invitations.accept(token, "another fine passphrase"))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("expired or has already been used");
		});
	}

	@Test
	void theTokenIsNeverStoredInTheDatabase() {
		String email = uniqueEmail();
		long id = RunAs.as(this.admin,
				() -> this.invitations.invite(new Invitation(email, "Tom Token", List.of(RoleName.MENTEE), null)));
		String token = tokenMailedTo(email);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account_tokens WHERE token_hash = :t OR token_hash = :h")
			.param("t", token)
			.param("h", TokenHashing.sha256Hex(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT token_hash FROM account_tokens WHERE user_id = :u")
			.param("u", id)
			.query(String.class)
			.single()).isEqualTo(TokenHashing.sha256Hex(token)).doesNotContain(token);
	}

	@Test
	void badInputIsRefusedAndNothingIsWritten() {
		long otherInstitutionsDepartment = aCompany().withDepartment("ENGR").build(this.jdbc).department("ENGR");
		String existing = this.college.aStudent().create(this.jdbc).email();
		long users = this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
		RunAs.run(this.admin, () -> {
			assertThatThrownBy(() -> this.invitations
				.invite(new Invitation("not-an-email", "", List.of(), otherInstitutionsDepartment))).isInstanceOfSatisfying(
						InvalidInputException.class,
						ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
							.containsExactlyInAnyOrder("email", "fullName", "roles", "departmentId"));
			assertThatThrownBy(() -> this.invitations
				.invite(new Invitation(existing, "Dup", List.of(RoleName.MENTEE), null)))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("already exists");
			assertThatThrownBy(() -> this.invitations
				.invite(new Invitation(uniqueEmail(), "Pat", List.of(RoleName.PLATFORM_ADMIN), null)))
				.isInstanceOf(InvalidInputException.class);
		});

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(users);
	}

	@Test
	void aMentorCannotInvite() {
		UserDetails mentor = signedIn(this.college.aMentor().inDepartment("CS").create(this.jdbc));
		assertThatThrownBy(() -> RunAs.run(mentor, () -> this.invitations
			.invite(new Invitation(uniqueEmail(), "Nope", List.of(RoleName.MENTEE), null))))
			.isInstanceOf(AccessDeniedException.class);
	}

}
