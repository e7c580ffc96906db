package org.mentorhub.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session's repository with the last access time kept to a granularity ({@code
 * mentorhub.platform.session.access-time-granularity}, one minute by default). Spring Session
 * sets the access time on every request, which marks the session changed and makes every page view
 * write the session row. Here a request moves the access time only once it is at least the
 * granularity newer than the stored one, so a request that changes nothing else writes nothing
 * (the repository skips unchanged sessions). The stored time then trails the last request by less
 * than the granularity, so the idle timeout ends a session between the configured timeout minus the
 * granularity and the configured timeout after its last request: never later, at most a minute sooner.
 * <p>
 * Within one request ({@link ReadOnce}), a session is read from the database once. Spring Session's filter
 * commits the session when the response is committed (a page larger than the response buffer commits it
 * while the view is written), clears its copy, and at the end of the request asks the repository again
 * for the requested session to compare ids (spring-session #1731): a second transaction, query and
 * deserialisation of the security context on every page, 4% of a light page's CPU in bench/profile/run.sh.
 * Here the second question gets the session found the first time, already saved, as long as it still
 * has the requested id (a session whose id changed, or that was deleted, is asked of the database).
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
		Map<String, CoarseSession<?>> read = ReadOnce.READ.get();
		CoarseSession<?> earlier = (read != null) ? read.get(id) : null;
		if (earlier != null && id.equals(earlier.getId())) {
			@SuppressWarnings("unchecked")
			CoarseSession<S> same = (CoarseSession<S>) earlier;
			return same;
		}
		S found = this.delegate.findById(id);
		CoarseSession<S> session = (found != null) ? new CoarseSession<>(found, this.granularity) : null;
		if (read != null && session != null) {
			read.put(id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, CoarseSession<?>> read = ReadOnce.READ.get();
		if (read != null) {
			read.remove(id);
		}
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

	/**
	 * The span of one request, around Spring Session's filter, in which a session is read once: the sessions
	 * found are kept on the request's thread and forgotten when it ends. Outside it (jobs, listeners) every
	 * {@code findById} reads the database.
	 */
	static final class ReadOnce extends OncePerRequestFilter {

		static final ThreadLocal<Map<String, CoarseSession<?>>> READ = new ThreadLocal<>();

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// Never nested: a once-per-request filter passes a nested error dispatch straight down the chain.
			READ.set(new HashMap<>(2));
			try {
				chain.doFilter(request, response);
			}
			finally {
				READ.remove();
			}
		}

	}

}
