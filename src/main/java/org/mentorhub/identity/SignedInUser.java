package org.mentorhub.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.mentorhub.platform.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as every module sees them: ids for tenancy checks, roles for navigation.
 * It is the security principal, so it holds no entity and its password is erased after sign-in.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Actor {

	private final long id;

	private final String username;

	private final String email;

	private final String fullName;

	private final Long institutionId;

	private final Long departmentId;

	private final RoleName primaryRole;

	private final Set<RoleName> roles;

	private final Set<String> permissions;

	private final boolean active;

	private String passwordHash;

	SignedInUser(long id, String username, String email, String fullName, Long institutionId, Long departmentId,
			RoleName primaryRole, Set<RoleName> roles, Set<String> permissions, boolean active, String passwordHash) {
		this.id = id;
		this.username = username;
		this.email = email;
		this.fullName = fullName;
		this.institutionId = institutionId;
		this.departmentId = departmentId;
		this.primaryRole = primaryRole;
		this.roles = Set.copyOf(roles);
		this.permissions = Set.copyOf(permissions);
		this.active = active;
		this.passwordHash = passwordHash;
	}

	/**
	 * The same person with only these roles and permissions and no password hash: what a credential
	 * narrower than a password (a personal access token) may act as.
	 */
	public SignedInUser narrowedTo(Set<RoleName> roles, Set<String> permissions) {
		return new SignedInUser(this.id, this.username, this.email, this.fullName, this.institutionId,
				this.departmentId, this.primaryRole, roles, permissions, this.active, null);
	}

	/** The user's id. */
	@Override
	public long id() {
		return this.id;
	}

	/** The user's e-mail address. */
	public String email() {
		return this.email;
	}

	/** The name shown to people. */
	public String fullName() {
		return this.fullName;
	}

	/** The institution the user belongs to; {@code null} only for a platform administrator. */
	@Override
	public Long institutionId() {
		return this.institutionId;
	}

	/** The user's department, if any. */
	@Override
	public Long departmentId() {
		return this.departmentId;
	}

	/** The role that decides the user's home page. */
	public RoleName primaryRole() {
		return this.primaryRole;
	}

	/** Every role the user holds. */
	public Set<RoleName> roles() {
		return this.roles;
	}

	/** The permissions the user's roles grant (authorities such as {@code USER_MANAGE}). */
	public Set<String> permissions() {
		return this.permissions;
	}

	/** Whether the user holds the given role. */
	public boolean hasRole(RoleName role) {
		return this.roles.contains(role);
	}

	/** For templates: the full name (Thymeleaf reads bean properties). */
	public String getFullName() {
		return this.fullName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		this.roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		this.permissions.forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser that && this.id == that.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "SignedInUser[id=" + this.id + ", username=" + this.username + "]";
	}

}
