package org.mentorhub.notification.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this instance, and what feeds them. Every instance polls the
 * {@code notifications} table for rows of the people connected to it, on its own thread, only
 * while it has open streams: a high-water mark of the ids seen, and on each poll the rows above
 * the mark as it was {@link LiveProperties#rescanWindow()} ago, because ids of concurrent
 * transactions can become visible out of order. Each stream remembers the ids it has sent since
 * then, so nothing is sent twice and nothing committed late is lost. The table is the only channel
 * between instances: a notification written on any instance reaches a stream on any other within
 * a poll interval. A stream carries its own person's notifications only.
 */
@Component
class LiveStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	/** Users per {@code IN (...)} list of the poll. */
	private static final int USERS_PER_QUERY = 500;

	/** The event of a new notification. */
	static final String NOTIFICATION = "notification";

	/** The event with the unread count, first on every stream. */
	static final String UNREAD = "unread";

	/** The last event of a stream closed because its person opened too many: do not reconnect. */
	static final String CLOSED = "closed";

	/** How long a browser waits before it reconnects a dropped stream. */
	static final long RECONNECT_MILLIS = 3000;

	private final NotificationFeed feed;

	private final LiveProperties properties;

	private final JsonMapper json;

	/** Open streams by person, oldest first. Guarded by {@code this}. */
	private final Map<Long, Deque<Stream>> byUser = new HashMap<>();

	/** How many streams are open. Guarded by {@code this}. */
	private int open;

	// The poll's state, used by the poller thread only.

	private boolean active;

	private long mark;

	/** (nanoTime, mark) after each poll, oldest first, as far back as the rescan window. */
	private final Deque<long[]> marks = new ArrayDeque<>();

	/** The floor of the latest poll; {@code Long.MAX_VALUE} while the poll is idle. */
	private volatile long publishedFloor = Long.MAX_VALUE;

	private volatile ThreadPoolTaskScheduler scheduler;

	LiveStreams(NotificationFeed feed, LiveProperties properties, JsonMapper json) {
		this.feed = feed;
		this.properties = properties;
		this.json = json;
	}

	/** Thrown when this instance has as many open streams as it may. */
	static final class FullException extends RuntimeException {

		FullException() {
			super("This instance has as many open notification streams as it may.");
		}

	}

	/**
	 * Opens a stream of this person's new notifications: first the unread count, then (after
	 * {@code lastEventId}) the newest of those the person missed, oldest first, then each new one
	 * as it is written. Closes the person's oldest stream when they already have as many as they may.
	 * @param lastEventId the id of the last notification the client received, or null
	 * @throws FullException when this instance has as many open streams as it may
	 */
	SseEmitter open(long userId, Long lastEventId) {
		synchronized (this) {
			if (this.open >= this.properties.maxPerInstance()) {
				throw new FullException();
			}
		}
		long startMark = this.feed.highWaterMark();
		Stream stream = new Stream(userId, new SseEmitter(this.properties.timeout().toMillis()), startMark);
		stream.emitter.onCompletion(() -> remove(stream));
		stream.emitter.onTimeout(() -> remove(stream));
		stream.emitter.onError(error -> remove(stream));
		Stream evicted = null;
		// The stream's lock is held until the replay is sent, so that the poller, which may already see
		// the stream, sends nothing before it (and then nothing that the replay sent).
		synchronized (stream) {
			synchronized (this) {
				if (this.open >= this.properties.maxPerInstance()) {
					throw new FullException();
				}
				Deque<Stream> mine = this.byUser.computeIfAbsent(userId, id -> new ArrayDeque<>());
				if (mine.size() >= this.properties.maxPerUser()) {
					evicted = mine.pollFirst();
					this.open--;
				}
				mine.addLast(stream);
				this.open++;
			}
			long unread = this.feed.unreadCounts(List.of(userId)).getOrDefault(userId, 0L);
			stream.sendUnread(unread);
			if (lastEventId != null) {
				// The client has everything up to its last id; of the rest, the newest are sent now.
				stream.skipAtOrBelow = lastEventId;
				List<NotificationFeed.Row> missed = this.properties.replayLimit() == 0 ? List.of()
						: this.feed.missed(userId, lastEventId, this.properties.replayLimit());
				if (!missed.isEmpty() && missed.size() == this.properties.replayLimit()) {
					stream.skipAtOrBelow = missed.get(0).id() - 1;
				}
				missed.forEach(row -> stream.send(row.withUnread(unread)));
			}
			else {
				// Only what becomes visible from now on: the ones the poll would read again are known already.
				long from = Math.min(this.publishedFloor, startMark);
				if (from < startMark) {
					stream.known(this.feed.ids(userId, from, startMark));
				}
			}
		}
		if (evicted != null) {
			evicted.close(true);
		}
		return stream.emitter;
	}

	/** Closes this person's streams on this instance. */
	void closeAll(long userId) {
		List<Stream> mine;
		synchronized (this) {
			Deque<Stream> streams = this.byUser.get(userId);
			mine = streams == null ? List.of() : new ArrayList<>(streams);
		}
		mine.forEach(stream -> stream.close(false));
	}

	/** How many streams are open on this instance. */
	synchronized int openStreams() {
		return this.open;
	}

	/** How many streams this person has open on this instance. */
	synchronized int openStreams(long userId) {
		Deque<Stream> mine = this.byUser.get(userId);
		return mine == null ? 0 : mine.size();
	}

	private synchronized void remove(Stream stream) {
		Deque<Stream> mine = this.byUser.get(stream.userId);
		if (mine != null && mine.remove(stream)) {
			this.open--;
			if (mine.isEmpty()) {
				this.byUser.remove(stream.userId);
			}
		}
	}

	private synchronized List<Stream> snapshot() {
		List<Stream> all = new ArrayList<>(this.open);
		this.byUser.values().forEach(all::addAll);
		return all;
	}

	/**
	 * One look for new notifications of the people connected here, and their delivery. Nothing
	 * (not even a query) while no stream is open.
	 */
	void poll() {
		List<Stream> streams = snapshot();
		if (streams.isEmpty()) {
			this.active = false;
			this.marks.clear();
			this.publishedFloor = Long.MAX_VALUE;
			return;
		}
		long now = System.nanoTime();
		if (!this.active) {
			this.mark = streams.stream().mapToLong(s -> s.startMark).min().orElse(0);
			this.marks.clear();
			this.marks.addLast(new long[] { now, this.mark });
			this.active = true;
		}
		long floor = floor(now);
		this.publishedFloor = floor;
		long highest = this.feed.highWaterMark();
		Map<Long, List<Stream>> users = new LinkedHashMap<>();
		for (Stream stream : streams) {
			stream.forget(floor);
			users.computeIfAbsent(stream.userId, id -> new ArrayList<>()).add(stream);
		}
		List<NotificationFeed.Entry> wanted = new ArrayList<>();
		if (highest > floor) {
			List<Long> ids = List.copyOf(users.keySet());
			for (int from = 0; from < ids.size(); from += USERS_PER_QUERY) {
				List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + USERS_PER_QUERY));
				long cursor = floor;
				List<NotificationFeed.Entry> page;
				do {
					page = this.feed.after(cursor, chunk, this.properties.batchSize());
					for (NotificationFeed.Entry entry : page) {
						if (users.get(entry.userId()).stream().anyMatch(s -> !s.hasSent(entry.id()))) {
							wanted.add(entry);
						}
						cursor = entry.id();
					}
				}
				while (page.size() == this.properties.batchSize());
			}
		}
		this.mark = Math.max(this.mark, highest);
		this.marks.addLast(new long[] { now, this.mark });
		if (wanted.isEmpty()) {
			return;
		}
		wanted.sort((a, b) -> Long.compare(a.id(), b.id()));
		Set<Long> ids = new LinkedHashSet<>();
		Set<Long> people = new HashSet<>();
		wanted.forEach(entry -> {
			ids.add(entry.id());
			people.add(entry.userId());
		});
		Map<Long, NotificationFeed.Row> rows = this.feed.rows(ids);
		Map<Long, Long> unread = this.feed.unreadCounts(people);
		for (NotificationFeed.Entry entry : wanted) {
			NotificationFeed.Row row = rows.get(entry.id());
			if (row == null || row.userId() != entry.userId()) {
				continue;
			}
			LiveNotification notification = row.withUnread(unread.getOrDefault(row.userId(), 0L));
			for (Stream stream : users.get(entry.userId())) {
				stream.send(notification);
			}
		}
	}

	/**
	 * The mark as it was a rescan window ago: every poll reads again from there. Marks older than the
	 * newest one at least that old are no longer needed.
	 */
	private long floor(long now) {
		long windowStart = now - this.properties.rescanWindow().toNanos();
		while (this.marks.size() > 1) {
			Iterator<long[]> oldest = this.marks.iterator();
			oldest.next();
			if (oldest.next()[0] > windowStart) {
				break;
			}
			this.marks.pollFirst();
		}
		return this.marks.peekFirst()[1];
	}

	/** A comment line on every open stream, so that proxies and the browser see it alive. */
	void heartbeat() {
		snapshot().forEach(Stream::heartbeat);
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment: the next poll reads the same window again.
			log.warn("Polling for new notifications failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
		tasks.setPoolSize(1);
		tasks.setThreadNamePrefix("notification-live-");
		tasks.setDaemon(true);
		tasks.initialize();
		tasks.scheduleWithFixedDelay(this::pollSafely, this.properties.pollInterval());
		tasks.scheduleAtFixedRate(this::heartbeat, this.properties.heartbeat());
		this.scheduler = tasks;
	}

	/** Closes every stream, before the web server's graceful shutdown would wait for them. */
	@Override
	public void stop() {
		ThreadPoolTaskScheduler tasks = this.scheduler;
		this.scheduler = null;
		if (tasks != null) {
			tasks.shutdown();
		}
		snapshot().forEach(stream -> stream.close(false));
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/** Above the web server's graceful shutdown ({@code Integer.MAX_VALUE - 1024}): stops before it. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 512;
	}

	/** One open stream: its person, its emitter, and the ids it sent within the rescan window. */
	final class Stream {

		final long userId;

		final SseEmitter emitter;

		/** The highest id when it opened: where the poll starts when this stream makes it active. */
		final long startMark;

		/** Guarded by {@code this}. */
		private final Set<Long> sent = new HashSet<>();

		/** Guarded by {@code this}. */
		private boolean closed;

		/** Ids up to this one are the client's already (its {@code Last-Event-ID}). Guarded by {@code this}. */
		private long skipAtOrBelow = Long.MIN_VALUE;

		Stream(long userId, SseEmitter emitter, long startMark) {
			this.userId = userId;
			this.emitter = emitter;
			this.startMark = startMark;
		}

		synchronized boolean hasSent(long id) {
			return id <= this.skipAtOrBelow || this.sent.contains(id);
		}

		/** Takes these ids as sent: the client knew of them when it connected. */
		synchronized void known(List<Long> ids) {
			this.sent.addAll(ids);
		}

		/** Forgets the ids at or below the floor: no poll reads them again. */
		synchronized void forget(long floor) {
			this.sent.removeIf(id -> id <= floor);
		}

		synchronized void send(LiveNotification notification) {
			if (this.closed || notification.id() <= this.skipAtOrBelow || !this.sent.add(notification.id())) {
				return;
			}
			emit(SseEmitter.event()
				.id(String.valueOf(notification.id()))
				.name(NOTIFICATION)
				.data(LiveStreams.this.json.writeValueAsString(notification)));
		}

		synchronized void sendUnread(long unread) {
			emit(SseEmitter.event()
				.name(UNREAD)
				.reconnectTime(RECONNECT_MILLIS)
				.data(LiveStreams.this.json.writeValueAsString(Map.of("unread", unread))));
		}

		synchronized void heartbeat() {
			emit(SseEmitter.event().comment("heartbeat"));
		}

		private void emit(SseEmitter.SseEventBuilder event) {
			if (this.closed) {
				return;
			}
			try {
				this.emitter.send(event);
			}
			catch (IOException | IllegalStateException ex) {
				// The client has gone (or the stream ended): the container completes the emitter.
				this.closed = true;
				remove(this);
			}
		}

		/**
		 * Ends the stream; when {@code replaced}, first tells the client with a {@code closed} event
		 * not to reconnect (a newer stream of the same person took its place).
		 */
		synchronized void close(boolean replaced) {
			if (replaced) {
				emit(SseEmitter.event().name(CLOSED).data("{\"reason\":\"too-many-streams\"}"));
			}
			this.closed = true;
			remove(this);
			try {
				this.emitter.complete();
			}
			catch (RuntimeException ex) {
				// Already completed by the container.
			}
		}

	}

}
