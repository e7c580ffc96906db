package org.mentorhub.identity.tokens;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.mentorhub.identity.tokens.PersonalAccessTokens.CreatedToken;
import org.mentorhub.identity.tokens.PersonalAccessTokens.NewToken;
import org.mentorhub.identity.tokens.PersonalAccessTokens.TokenSummary;
import org.mentorhub.platform.RateLimited;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/account/tokens")
@Tag(name = "Access tokens", description = "The signed-in user's personal access tokens (Authorization: Bearer mh_...)")
class AccessTokensRestController {

	private final PersonalAccessTokens tokens;

	AccessTokensRestController(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	@Operation(summary = "List my tokens", description = "Newest first, with expired and revoked ones; never the token itself.")
	List<TokenResponse> list() {
		return this.tokens.mine().stream().map(TokenResponse::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RateLimited(name = "token-creation", capacity = AccessTokensPageController.CREATIONS_PER_PERIOD,
			per = AccessTokensPageController.CREATION_PERIOD)
	@Operation(summary = "Create a token",
			description = "Scopes: read (GET), write (other methods), admin (keeps administrator permissions). "
					+ "Expiry 1 to 365 days (default 30). The token is in this answer only: store it now. "
					+ "Needs a signed-in session (a token cannot create tokens); rate-limited (429 with Retry-After).")
	ResponseEntity<CreatedTokenResponse> create(@RequestBody CreateTokenRequest request) {
		CreatedToken created = this.tokens
			.create(new NewToken(request.name(), request.scopes(), request.expiresInDays()));
		TokenSummary token = created.summary();
		// The token's own address is the one that revokes it (DELETE); there is no GET of one token.
		return ResponseEntity.created(URI.create("/api/v1/account/tokens/" + token.id()))
			.body(new CreatedTokenResponse(token.id(), token.name(), token.prefix(), token.scopes(), token.createdAt(),
					token.expiresAt(), created.token()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a token", description = "Works at once. Another user's token is 404.")
	void revoke(@PathVariable long id) {
		this.tokens.revoke(id);
	}

	/** A new token: name, scopes ({@code read}, {@code write}, {@code admin}) and expiry in days (1 to 365). */
	record CreateTokenRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 100) String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"read\"]") List<String> scopes,
			@Schema(minimum = "1", maximum = "" + PersonalAccessTokens.MAX_DAYS, defaultValue = "30") Integer expiresInDays) {
	}

	/** A token as listed; {@code status} is ACTIVE, EXPIRED or REVOKED. */
	record TokenResponse(long id, String name, String prefix, List<String> scopes, Instant createdAt,
			Instant lastUsedAt, Instant expiresAt, Instant revokedAt, String status) {

		static TokenResponse of(TokenSummary token) {
			return new TokenResponse(token.id(), token.name(), token.prefix(), token.scopes(), token.createdAt(),
					token.lastUsedAt(), token.expiresAt(), token.revokedAt(), token.status());
		}

	}

	/** The new token, and its secret value ({@code token}), shown this once. */
	record CreatedTokenResponse(long id, String name, String prefix, List<String> scopes, Instant createdAt,
			Instant expiresAt, String token) {
	}

}
