package org.mentorhub.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.AccountSecurityNotice;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.SecurityNoticeKind;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.platform.InvalidInputException;
import org.mentorhub.platform.InvalidInputException.FieldProblem;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the REST API ({@code Authorization: Bearer mh_...}): a signed-in user
 * creates them with scopes and an expiry, sees each one only once, lists and revokes their own.
 * Only the SHA-256 of a token is stored. Creation and revocation are audited, without the token.
 */
@Service
public class PersonalAccessTokens {

	/** Every token starts with this, so that secret scanners and people can recognise it. */
	public static final String TOKEN_PREFIX = "mh_";

	/** How many characters of a token are kept and shown to tell tokens apart ({@code mh_} + 8). */
	static final int VISIBLE_PREFIX = TOKEN_PREFIX.length() + 8;

	/** The expiry when none is chosen. */
	public static final int DEFAULT_DAYS = 30;

	/** The longest expiry. */
	public static final int MAX_DAYS = 365;

	/** How many usable tokens one user may hold at once. */
	public static final int MAX_ACTIVE = 50;

	/** Permissions that only a token with the {@code admin} scope carries. */
	static final Set<String> ADMIN_PERMISSIONS = Set.of("INSTITUTION_MANAGE", "DEPARTMENT_MANAGE", "USER_MANAGE",
			"USER_IMPORT", "AUDIT_READ");

	/** Roles that only a token with the {@code admin} scope carries. */
	static final Set<RoleName> ADMIN_ROLES = Set.of(RoleName.ADMIN, RoleName.PLATFORM_ADMIN);

	private final PersonalAccessTokenRepository tokens;

	private final Tenancy tenancy;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PersonalAccessTokens(PersonalAccessTokenRepository tokens, Tenancy tenancy, AuditTrail audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.tokens = tokens;
		this.tenancy = tenancy;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What to create.
	 * @param name what the token is for, 1 to 100 characters
	 * @param scopes one or more of {@code read}, {@code write}, {@code admin}
	 * @param expiresInDays 1 to 365; 30 when null
	 */
	public record NewToken(String name, List<String> scopes, Integer expiresInDays) {
	}

	/** A token as its owner sees it in lists: never the token itself. */
	public record TokenSummary(long id, String name, String prefix, List<String> scopes, Instant createdAt,
			Instant lastUsedAt, Instant expiresAt, Instant revokedAt, String status) {

		/** Whether the token still works. */
		public boolean active() {
			return "ACTIVE".equals(this.status);
		}

		/** For templates: the times in UTC. */
		public LocalDateTime createdAtUtc() {
			return utc(this.createdAt);
		}

		public LocalDateTime lastUsedAtUtc() {
			return utc(this.lastUsedAt);
		}

		public LocalDateTime expiresAtUtc() {
			return utc(this.expiresAt);
		}

		private static LocalDateTime utc(Instant instant) {
			return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		}

	}

	/** A new token and, this once, its secret value. */
	public record CreatedToken(TokenSummary summary, String token) {
	}

	/** Creates a token for the signed-in user; a token cannot create tokens (it lacks API_TOKEN). */
	@PreAuthorize("hasAuthority('API_TOKEN')")
	@Transactional
	public CreatedToken create(NewToken request) {
		long userId = this.tenancy.actor().id();
		Instant now = this.clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		String name = request.name() == null ? "" : request.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", "Give the token a name of 1 to 100 characters, such as \"reporting script\"."));
		}
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		List<String> requested = request.scopes() == null ? List.of() : request.scopes();
		for (String value : requested) {
			TokenScope scope = TokenScope.of(value).orElse(null);
			if (scope == null) {
				problems.add(new FieldProblem("scopes",
						"Unknown scope \"" + abbreviate(value) + "\": choose read, write or admin."));
			}
			else {
				scopes.add(scope);
			}
		}
		if (requested.isEmpty()) {
			problems.add(new FieldProblem("scopes", "Choose at least one scope: read, write or admin."));
		}
		if (scopes.contains(TokenScope.ADMIN) && !callerHasAdminPermissions()) {
			problems.add(new FieldProblem("scopes", "The admin scope is only for administrators."));
		}
		int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
		if (days < 1 || days > MAX_DAYS) {
			problems.add(new FieldProblem("expiresInDays", "Choose an expiry from 1 to " + MAX_DAYS + " days."));
		}
		if (problems.isEmpty() && this.tokens.countActive(userId, now) >= MAX_ACTIVE) {
			problems.add(new FieldProblem("name",
					"You already have " + MAX_ACTIVE + " active tokens. Revoke one you no longer use first."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String secret = TOKEN_PREFIX + TokenHashing.newToken();
		PersonalAccessToken token = this.tokens.save(PersonalAccessToken.issue(userId, name,
				secret.substring(0, VISIBLE_PREFIX), TokenHashing.sha256Hex(secret), scopes,
				now.plus(Duration.ofDays(days)), now));
		TokenSummary summary = summary(token, now);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", name);
		after.put("prefix", summary.prefix());
		after.put("scopes", String.join(" ", summary.scopes()));
		after.put("expiresAt", summary.expiresAt().toString());
		this.audit.record(AuditRecord.change("TOKEN_CREATED", "personal_access_tokens", token.getId(), null, after));
		this.events.publishEvent(new AccountSecurityNotice(userId, SecurityNoticeKind.ACCESS_TOKEN_CREATED, now));
		return new CreatedToken(summary, secret);
	}

	/** The signed-in user's tokens, newest first, including expired and revoked ones. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<TokenSummary> mine() {
		Instant now = this.clock.instant();
		return this.tokens.findByUserIdOrderByCreatedAtDescIdDesc(this.tenancy.actor().id())
			.stream()
			.map(token -> summary(token, now))
			.toList();
	}

	/**
	 * Revokes one of the signed-in user's tokens at once. Someone else's token is "not found";
	 * revoking a revoked token again changes nothing.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public void revoke(long tokenId) {
		PersonalAccessToken token = this.tokens.findByIdAndUserId(tokenId, this.tenancy.actor().id())
			.orElseThrow(() -> new NotFoundException("Token not found"));
		Instant now = this.clock.instant();
		String before = token.statusAt(now).name();
		if (token.revoke(now)) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("name", token.getName());
			after.put("prefix", token.getTokenPrefix());
			after.put("status", "REVOKED");
			this.audit.record(AuditRecord.change("TOKEN_REVOKED", "personal_access_tokens", token.getId(),
					Map.of("status", before), after));
			this.events.publishEvent(
					new AccountSecurityNotice(this.tenancy.actor().id(), SecurityNoticeKind.ACCESS_TOKEN_REVOKED, now));
		}
	}

	/** Whether the signed-in user may ask for the {@code admin} scope (they hold an administrator permission). */
	public boolean adminScopeAvailable() {
		return callerHasAdminPermissions();
	}

	static TokenSummary summary(PersonalAccessToken token, Instant now) {
		return new TokenSummary(token.getId(), token.getName(), token.getTokenPrefix(),
				token.getScopes().stream().map(TokenScope::value).toList(), token.getCreatedAt(),
				token.getLastUsedAt(), token.getExpiresAt(), token.getRevokedAt(), token.statusAt(now).name());
	}

	private static boolean callerHasAdminPermissions() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (ADMIN_PERMISSIONS.contains(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private static String abbreviate(String value) {
		String text = value == null ? "" : value.strip();
		return text.length() <= 20 ? text : text.substring(0, 20) + "…";
	}

}
