package org.mentorhub.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's repository with the last access time kept to a granularity ({@code
 * mentorhub.platform.session.access-time-granularity}, one minute by default). Spring Session
 * sets the access time on every request, which marks the session changed and makes every page view
 * write the session row. Here a request moves the access time only once it is at least the
 * granularity newer than the stored one, so a request that changes nothing else writes nothing
 * (the repository skips unchanged sessions). The stored time then trails the last request by less
 * than the granularity, so the idle timeout ends a session between the configured timeout minus the
 * granularity and the configured timeout after its last request: never later, at most a minute sooner.
 *
 * @param <S> the delegate's session type
 */
final class CoarseAccessTimeSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<CoarseAccessTimeSessionRepository.CoarseSession<S>> {

	private final FindByIndexNameSessionRepository<S> delegate;

	private final Duration granularity;

	CoarseAccessTimeSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration granularity) {
		this.delegate = delegate;
		this.granularity = granularity;
	}

	@Override
	public CoarseSession<S> createSession() {
		return new CoarseSession<>(this.delegate.createSession(), this.granularity);
	}

	@Override
	public void save(CoarseSession<S> session) {
		this.delegate.save(session.delegate);
	}

	@Override
	public CoarseSession<S> findById(String id) {
		S found = this.delegate.findById(id);
		return (found != null) ? new CoarseSession<>(found, this.granularity) : null;
	}

	@Override
	public void deleteById(String id) {
		this.delegate.deleteById(id);
	}

	@Override
	public Map<String, CoarseSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, CoarseSession<S>> sessions = new LinkedHashMap<>();
		this.delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new CoarseSession<>(session, this.granularity)));
		return sessions;
	}

	/**
	 * A session whose access time moves only in steps of at least the granularity.
	 *
	 * @param <S> the delegate's session type
	 */
	static final class CoarseSession<S extends Session> implements Session {

		private final S delegate;

		private final Duration granularity;

		CoarseSession(S delegate, Duration granularity) {
			this.delegate = delegate;
			this.granularity = granularity;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.delegate.getLastAccessedTime().plus(this.granularity))) {
				this.delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
