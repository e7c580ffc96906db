package org.mentorhub.platform;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenancyTests {

	final Tenancy tenancy = new Tenancy();

	record TestActor(long id, Long institutionId, Long departmentId) implements Actor {
	}

	void signIn(Actor actor, String... roles) {
		List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
			.map(role -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAdministratorSeesTheWholeInstitution() {
		signIn(new TestActor(1, 10L, 100L), "ADMIN");

		assertThat(this.tenancy.scope()).isEqualTo(new Tenancy.Scope(10, null));
		this.tenancy.requireInScope(10L, 200L, "Record");
	}

	@Test
	void aCoordinatorSeesOnlyTheirDepartment() {
		signIn(new TestActor(2, 10L, 100L), "COORDINATOR");

		assertThat(this.tenancy.scope()).isEqualTo(new Tenancy.Scope(10, 100L));
		this.tenancy.requireInScope(10L, 100L, "Record");
		assertThatThrownBy(() -> this.tenancy.requireInScope(10L, 200L, "Record")).isInstanceOf(NotFoundException.class)
			.hasMessage("Record not found");
	}

	@Test
	void aCoordinatorWithoutADepartmentSeesNothing() {
		signIn(new TestActor(3, 10L, null), "COORDINATOR");

		assertThatThrownBy(this.tenancy::scope).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anotherInstitutionsRecordIsNotFound() {
		signIn(new TestActor(4, 10L, null), "MENTOR");

		assertThatThrownBy(() -> this.tenancy.requireInstitution(11L, "Goal")).isInstanceOf(NotFoundException.class)
			.hasMessage("Goal not found");
		assertThatThrownBy(() -> this.tenancy.requireInstitution(null, "Goal")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void thePlatformAdministratorHasNoInstitutionScope() {
		signIn(new TestActor(5, null, null), "PLATFORM_ADMIN");

		assertThatThrownBy(this.tenancy::scope).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void nobodySignedInHasNoActor() {
		assertThat(this.tenancy.currentActor()).isEmpty();
		assertThatThrownBy(this.tenancy::actor)
			.isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
	}

}
