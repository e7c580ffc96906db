package org.mentorhub.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.mentorhub.identity.AccountUserDetailsService;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SignedInUser;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.platform.AccessTokenAuthenticator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticates API requests by personal access token. The request acts as the token's owner with
 * the owner's current roles and permissions, narrowed by the token's scopes:
 * <ul>
 * <li>without {@code admin}, the administrator roles and permissions ({@link PersonalAccessTokens#ADMIN_ROLES},
 * {@link PersonalAccessTokens#ADMIN_PERMISSIONS}) are removed; a coordinator keeps their department
 * role, so removing roles never widens a tenancy scope;</li>
 * <li>{@code API_TOKEN} is always removed: a token cannot create tokens;</li>
 * <li>{@code SCOPE_read}, {@code SCOPE_write}, {@code SCOPE_admin} are added for the scopes it has;
 * the security filter chain checks read and write against the request method.</li>
 * </ul>
 * An unknown, expired or revoked token, or one whose owner is no longer active, authenticates
 * nobody. A use is recorded at most once a minute.
 */
@Component
class PersonalAccessTokenAuthenticator implements AccessTokenAuthenticator {

	private static final Pattern FORMAT = Pattern.compile("mh_[A-Za-z0-9_-]{43}");

	static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

	private final PersonalAccessTokenRepository tokens;

	private final AccountUserDetailsService accounts;

	private final Clock clock;

	PersonalAccessTokenAuthenticator(PersonalAccessTokenRepository tokens, AccountUserDetailsService accounts,
			Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Optional<Authentication> authenticate(String token) {
		if (token == null || !FORMAT.matcher(token).matches()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		PersonalAccessToken found = this.tokens.findByTokenHash(TokenHashing.sha256Hex(token)).orElse(null);
		if (found == null || found.statusAt(now) != PersonalAccessToken.Status.ACTIVE) {
			return Optional.empty();
		}
		SignedInUser owner = this.accounts.activeUser(found.getUserId()).orElse(null);
		if (owner == null) {
			return Optional.empty();
		}
		Instant recordBefore = now.minus(USE_RECORDING_INTERVAL);
		// The UPDATE only when a use is due, not a statement (and a row lock) on every API call.
		if (found.getLastUsedAt() == null || found.getLastUsedAt().isBefore(recordBefore)) {
			this.tokens.recordUse(found.getId(), now, recordBefore);
		}
		SignedInUser principal = narrowed(owner, found.getScopes());
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		found.getScopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(principal, null, authorities);
		authentication.setDetails("personal access token " + found.getTokenPrefix());
		return Optional.of(authentication);
	}

	/** The owner as a token with these scopes may act: see the class comment. */
	static SignedInUser narrowed(SignedInUser owner, Set<TokenScope> scopes) {
		boolean admin = scopes.contains(TokenScope.ADMIN);
		Set<RoleName> roles = EnumSet.noneOf(RoleName.class);
		owner.roles().stream().filter(role -> admin || !PersonalAccessTokens.ADMIN_ROLES.contains(role)).forEach(roles::add);
		Set<String> permissions = new TreeSet<>();
		owner.permissions()
			.stream()
			.filter(permission -> !"API_TOKEN".equals(permission))
			.filter(permission -> admin || !PersonalAccessTokens.ADMIN_PERMISSIONS.contains(permission))
			.forEach(permissions::add);
		return owner.narrowedTo(roles, permissions);
	}

}
