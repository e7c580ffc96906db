package org.mentorhub.platform.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Within a request a session is read once; outside one, and once its id changed or it was deleted, it is read again. */
class CoarseAccessTimeSessionRepositoryTests {

	final Store store = new Store();

	final CoarseAccessTimeSessionRepository<MapSession> repository = new CoarseAccessTimeSessionRepository<>(this.store,
			Duration.ofMinutes(1));

	void inRequest(Runnable work) throws Exception {
		new CoarseAccessTimeSessionRepository.ReadOnce().doFilter(new MockHttpServletRequest(),
				new MockHttpServletResponse(), new MockFilterChain() {
					@Override
					public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
						work.run();
					}
				});
	}

	@Test
	void aSessionIsReadOnceWithinARequestAndAgainInTheNext() throws Exception {
		String id = this.store.add();
		inRequest(() -> {
			var first = this.repository.findById(id);
			assertThat(this.repository.findById(id)).isSameAs(first);
		});
		assertThat(this.store.reads).hasValue(1);
		inRequest(() -> this.repository.findById(id));
		assertThat(this.store.reads).as("a new request reads the store again").hasValue(2);
		assertThat(CoarseAccessTimeSessionRepository.ReadOnce.READ.get()).as("nothing kept on the thread").isNull();
	}

	@Test
	void outsideARequestEveryQuestionReadsTheStore() {
		String id = this.store.add();
		this.repository.findById(id);
		this.repository.findById(id);
		assertThat(this.store.reads).hasValue(2);
	}

	@Test
	void aDeletedSessionOrOneWhoseIdChangedIsAskedOfTheStore() throws Exception {
		String id = this.store.add();
		inRequest(() -> {
			this.repository.findById(id).changeSessionId();
			assertThat(this.repository.findById(id)).as("the store still knows the old id").isNotNull();
			this.repository.deleteById(id);
			assertThat(this.repository.findById(id)).isNull();
		});
		assertThat(this.store.reads).hasValue(3);
	}

	@Test
	void aSessionNotFoundIsAskedAgain() throws Exception {
		inRequest(() -> {
			assertThat(this.repository.findById("none")).isNull();
			assertThat(this.repository.findById("none")).isNull();
		});
		assertThat(this.store.reads).hasValue(2);
	}

	/** A session store that counts its reads. */
	static final class Store implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> sessions = new HashMap<>();

		final AtomicInteger reads = new AtomicInteger();

		String add() {
			MapSession session = new MapSession();
			this.sessions.put(session.getId(), session);
			return session.getId();
		}

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			this.sessions.put(session.getId(), session);
		}

		@Override
		public MapSession findById(String id) {
			this.reads.incrementAndGet();
			MapSession session = this.sessions.get(id);
			return session == null ? null : new MapSession(session);
		}

		@Override
		public void deleteById(String id) {
			this.sessions.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
