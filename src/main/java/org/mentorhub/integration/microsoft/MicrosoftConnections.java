package org.mentorhub.integration.microsoft;

import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.mentorhub.audit.AuditRecord;
import org.mentorhub.audit.AuditTrail;
import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.integration.MicrosoftReconnectNeeded;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.PlatformProperties;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.platform.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's Microsoft 365 connection: consent (OAuth 2.0 code flow with PKCE; the state and the
 * verifier live in the person's HTTP session and are used once), the status, disconnecting, and a
 * valid access token for Graph calls, refreshed when it is about to expire. The refresh token rotates:
 * the new one always replaces the old. A refresh that the identity platform refuses with
 * {@code invalid_grant} marks the connection as needing reconnection and tells the person
 * ({@link MicrosoftReconnectNeeded}); nothing else breaks. Every write of a token runs in a
 * transaction of its own, so a refresh during a read-only request (the booking view) still sticks.
 */
@Service
class MicrosoftConnections {

	private static final Logger log = LoggerFactory.getLogger(MicrosoftConnections.class);

	static final String PENDING = MicrosoftConnections.class.getName() + ".pending";

	static final String CALLBACK_PATH = "/account/integrations/microsoft/callback";

	/** How long a consent may take before its state expires. */
	static final Duration CONSENT_TIMEOUT = Duration.ofMinutes(15);

	/** An access token this close to its expiry is refreshed first. */
	static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

	private final MicrosoftProperties properties;

	private final MicrosoftIdentity identity;

	private final MicrosoftTokens tokens;

	private final Tenancy tenancy;

	private final People people;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final PlatformProperties platform;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	MicrosoftConnections(MicrosoftProperties properties, MicrosoftIdentity identity, MicrosoftTokens tokens,
			Tenancy tenancy, People people, AuditTrail audit, ApplicationEventPublisher events,
			PlatformProperties platform, PlatformTransactionManager transactions, Clock clock) {
		this.properties = properties;
		this.identity = identity;
		this.tokens = tokens;
		this.tenancy = tenancy;
		this.people = people;
		this.audit = audit;
		this.events = events;
		this.platform = platform;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The consent in progress, kept in the HTTP session; never shown. */
	record PendingConsent(String state, String verifier, long userId, Instant startedAt) implements Serializable {

		@Override
		public String toString() {
			return "PendingConsent[user=" + this.userId + "]";
		}

	}

	/** The connection cannot be used: never made, disconnected, or waiting for a new consent. */
	static class NotConnectedException extends RuntimeException {

		final boolean reconnect;

		NotConnectedException(boolean reconnect) {
			super(reconnect ? "The Microsoft connection needs a new consent" : "No Microsoft connection");
			this.reconnect = reconnect;
		}

	}

	/** The token endpoint could not refresh now (not a refusal): try again later. */
	static class RefreshUnavailableException extends RuntimeException {

		RefreshUnavailableException(String message) {
			super(message);
		}

	}

	/**
	 * What the signed-in person may know of their connection.
	 *
	 * @param available whether the institution can connect (an app registration is configured)
	 * @param status NOT_CONNECTED, CONNECTED or RECONNECT
	 */
	record ConnectionState(boolean available, String status, String email, Instant connectedAt) {
	}

	@Transactional(readOnly = true)
	public ConnectionState mine() {
		Actor actor = this.tenancy.actor();
		boolean available = this.properties.configured(actor.institutionId());
		return this.tokens.status(actor.id())
			.map(s -> new ConnectionState(available, "ACTIVE".equals(s.status()) ? "CONNECTED" : "RECONNECT", s.email(),
					s.connectedAt()))
			.orElse(new ConnectionState(available, "NOT_CONNECTED", null, null));
	}

	/** Starts a consent: a new state and PKCE verifier in the session, and the address to send the browser to. */
	public URI start(HttpSession session) {
		Actor actor = this.tenancy.actor();
		if (!this.properties.configured(actor.institutionId())) {
			throw new StateTransitionException("Microsoft 365 is not set up for your organisation yet.");
		}
		PendingConsent pending = new PendingConsent(this.identity.randomValue(), this.identity.randomValue(), actor.id(),
				this.clock.instant());
		session.setAttribute(PENDING, pending);
		String hint = this.people.find(actor.id()).map(Person::email).orElse(null);
		return URI.create(this.identity.authorizationUrl(actor.institutionId(), redirectUri(), pending.state(),
				pending.verifier(), hint));
	}

	/** Why a consent did not end in a connection, in words the page shows. */
	enum ConsentProblem {
		/** The person said no, or Microsoft refused. */
		DENIED,
		/** No consent of this person was waiting, or the state did not match (a forged or replayed callback). */
		INVALID_STATE,
		/** The consent took too long. */
		EXPIRED,
		/** The token endpoint failed. */
		UNAVAILABLE
	}

	/** The consent's outcome: empty when connected. */
	public Optional<ConsentProblem> complete(HttpSession session, String state, String code, String error) {
		Actor actor = this.tenancy.actor();
		Object stored = session.getAttribute(PENDING);
		session.removeAttribute(PENDING);
		if (!(stored instanceof PendingConsent pending) || pending.userId() != actor.id() || state == null
				|| !java.security.MessageDigest.isEqual(pending.state().getBytes(), state.getBytes())) {
			return Optional.of(ConsentProblem.INVALID_STATE);
		}
		if (pending.startedAt().plus(CONSENT_TIMEOUT).isBefore(this.clock.instant())) {
			return Optional.of(ConsentProblem.EXPIRED);
		}
		if (error != null || code == null || code.isBlank()) {
			return Optional.of(ConsentProblem.DENIED);
		}
		MicrosoftIdentity.TokenResponse response;
		try {
			response = this.identity.exchange(actor.institutionId(), code, redirectUri(), pending.verifier());
		}
		catch (MicrosoftIdentity.InvalidGrantException ex) {
			return Optional.of(ConsentProblem.DENIED);
		}
		catch (MicrosoftIdentity.TokenEndpointException ex) {
			log.warn("Microsoft consent of user {} failed: {}", actor.id(), ex.getMessage());
			return Optional.of(ConsentProblem.UNAVAILABLE);
		}
		Instant now = this.clock.instant();
		String email = this.identity.emailOf(response.idToken());
		String shown = email == null || email.isBlank() ? "(unknown)" : email;
		this.ownTransaction.executeWithoutResult(tx -> {
			this.tokens.save(actor.id(), shown, response.accessToken(), response.refreshToken(), response.scope(),
					expiry(response, now), now);
			this.audit.record(AuditRecord.change("MICROSOFT_CONNECTED", "microsoft_connection", actor.id(), null,
					Map.of("microsoftEmail", shown)));
		});
		return Optional.empty();
	}

	/** Deletes my connection and its tokens; true when there was one. */
	@Transactional
	public boolean disconnect() {
		long me = this.tenancy.actor().id();
		boolean deleted = this.tokens.delete(me);
		if (deleted) {
			this.audit.record(AuditRecord.of("MICROSOFT_DISCONNECTED", "microsoft_connection", me));
		}
		return deleted;
	}

	/** Whether the user has an active connection. */
	boolean active(long userId) {
		return "ACTIVE".equals(this.tokens.statuses(java.util.List.of(userId)).get(userId));
	}

	/**
	 * A valid access token of the user for Graph, refreshed first when it expires within a minute
	 * ({@code force}: refresh anyway, after Graph refused the current one).
	 */
	String accessToken(long userId, boolean force) {
		MicrosoftTokens.Connection connection = this.tokens.find(userId).orElseThrow(() -> new NotConnectedException(false));
		if (!connection.active()) {
			throw new NotConnectedException(true);
		}
		if (!force && connection.expiresAt().isAfter(this.clock.instant().plus(EXPIRY_MARGIN))) {
			return connection.accessToken();
		}
		return refresh(connection);
	}

	private String refresh(MicrosoftTokens.Connection connection) {
		long userId = connection.userId();
		if (connection.refreshToken() == null) {
			markReconnect(userId);
			throw new NotConnectedException(true);
		}
		Long institutionId = this.people.find(userId).map(Person::institutionId).orElse(null);
		MicrosoftIdentity.TokenResponse response;
		try {
			response = this.identity.refresh(institutionId, connection.refreshToken());
		}
		catch (MicrosoftIdentity.InvalidGrantException ex) {
			// Another instance may have redeemed this refresh token a moment ago and stored the new one.
			Optional<MicrosoftTokens.Connection> now = this.tokens.find(userId);
			if (now.isPresent() && now.get().active() && now.get().refreshToken() != null
					&& !now.get().refreshToken().equals(connection.refreshToken())
					&& now.get().expiresAt().isAfter(this.clock.instant().plus(EXPIRY_MARGIN))) {
				return now.get().accessToken();
			}
			markReconnect(userId);
			throw new NotConnectedException(true);
		}
		catch (MicrosoftIdentity.TokenEndpointException ex) {
			throw new RefreshUnavailableException(ex.getMessage());
		}
		Instant at = this.clock.instant();
		String rotated = response.refreshToken() != null && !response.refreshToken().isBlank() ? response.refreshToken()
				: connection.refreshToken();
		this.ownTransaction.executeWithoutResult(
				tx -> this.tokens.refreshed(userId, response.accessToken(), rotated, expiry(response, at), at));
		return response.accessToken();
	}

	private void markReconnect(long userId) {
		Instant now = this.clock.instant();
		this.ownTransaction.executeWithoutResult(tx -> {
			if (this.tokens.needsReconnect(userId, now)) {
				log.info("Microsoft connection of user {} needs a new consent", userId);
				Long institutionId = this.people.find(userId).map(Person::institutionId).orElse(null);
				this.audit.recordFor(AuditRecord.of("MICROSOFT_RECONNECT_NEEDED", "microsoft_connection", userId), userId,
						institutionId, "system");
				this.events.publishEvent(new MicrosoftReconnectNeeded(userId, now));
			}
		});
	}

	String redirectUri() {
		if (this.properties.redirectUri() != null && !this.properties.redirectUri().isBlank()) {
			return this.properties.redirectUri();
		}
		String base = this.platform.baseUrl().toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK_PATH;
	}

	private static Instant expiry(MicrosoftIdentity.TokenResponse response, Instant now) {
		long seconds = response.expiresIn() == null || response.expiresIn() <= 0 ? 3600 : response.expiresIn();
		return now.plusSeconds(seconds);
	}

}
