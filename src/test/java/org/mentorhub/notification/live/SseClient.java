package org.mentorhub.notification.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test client of an event stream over real HTTP: it reads the stream on its own thread and
 * queues each event (id, name, data) as it comes; comment lines are counted, and the end of the
 * stream is queued as {@link #END}.
 */
final class SseClient implements AutoCloseable {

	/** An event of the stream. */
	record Event(String id, String name, String data) {
	}

	/** Queued when the stream ends. */
	static final Event END = new Event(null, "<end>", null);

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private final CompletableFuture<Void> reader;

	private SseClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = CompletableFuture.runAsync(this::read);
	}

	/** Opens {@code http://localhost:<port><path>} with these request headers (a cookie, a token, Last-Event-ID). */
	static SseClient open(int port, String path, Map<String, String> headers) {
		HttpResponse<Stream<String>> response = connect(port, path, headers);
		return new SseClient(response);
	}

	/** The answer without reading a stream from it: for requests that are refused. */
	static HttpResponse<String> refused(int port, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(20));
		headers.forEach(request::header);
		try {
			return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<Stream<String>> connect(int port, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream");
		headers.forEach(request::header);
		try {
			return HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.build()
				.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int status() {
		return this.response.statusCode();
	}

	String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	private void read() {
		String id = null;
		String name = null;
		StringBuilder data = null;
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (data != null || name != null) {
						this.events.add(new Event(id, name == null ? "message" : name, data == null ? "" : data.toString()));
					}
					id = null;
					name = null;
					data = null;
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					String part = line.substring(5);
					part = part.startsWith(" ") ? part.substring(1) : part;
					data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
				}
			}
		}
		catch (RuntimeException ex) {
			// The connection was closed by the test.
		}
		finally {
			this.events.add(END);
		}
	}

	/** The next event, or null when none comes within the time. */
	Event next(Duration within) throws InterruptedException {
		return this.events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The next event of this name (skipping others), or null when none comes within the time. */
	Event next(String name, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return null;
			}
			Event event = this.events.poll(left, TimeUnit.NANOSECONDS);
			if (event == null || event.name().equals(name) || event == END) {
				return event;
			}
		}
	}

	/** The events received so far and not yet taken. */
	List<Event> drain() {
		List<Event> all = new ArrayList<>();
		this.events.drainTo(all);
		return all;
	}

	@Override
	public void close() {
		this.reader.cancel(true);
		try {
			this.response.body().close();
		}
		catch (RuntimeException ex) {
			// Already closed.
		}
	}

}
