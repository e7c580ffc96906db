package org.mentorhub;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for tests over a real port, like a browser that never follows redirects: it
 * keeps cookies (see {@link CookieJar}), reads CSRF tokens from pages and signs in through the
 * form.
 */
public final class HttpTestClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieJar cookies = new CookieJar();

	private final HttpClient http;

	private final String userAgent;

	/** A client of the application at {@code http://localhost:<port>}. */
	public HttpTestClient(int port) {
		this(port, "MentorHub-Test");
	}

	/** A client that sends the given User-Agent. */
	public HttpTestClient(int port, String userAgent) {
		this.baseUrl = "http://localhost:" + port;
		this.userAgent = userAgent;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The cookies this client holds. */
	public CookieJar cookies() {
		return this.cookies;
	}

	/** GET with {@code Accept: text/html}. */
	public HttpResponse<String> get(String path) {
		return get(path, "text/html");
	}

	/** GET with the given Accept header. */
	public HttpResponse<String> get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET().build());
	}

	/** A form POST with the CSRF token of the given page (which is loaded first). */
	public HttpResponse<String> postForm(String path, String csrfPage, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrfToken(csrfPage));
		return postForm(path, form);
	}

	/** A form POST of exactly the given fields. */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Loads the page and returns the CSRF token in its form. */
	public String csrfToken(String page) {
		String body = get(page).body();
		Matcher matcher = CSRF.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on " + page);
		}
		return matcher.group(1);
	}

	/** Signs in through the sign-in form; returns the answer to the POST. */
	public HttpResponse<String> signIn(String login, String password) {
		return postForm("/login", "/login", Map.of("username", login, "password", password));
	}

	/** Signs out through the sign-out form (with the CSRF token of the home page). */
	public HttpResponse<String> signOut() {
		return postForm("/logout", "/", Map.of());
	}

	/** Where a redirect points, relative to the application. */
	public static Optional<String> location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").map(location -> location.replaceFirst("^https?://[^/]+", ""));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("User-Agent", this.userAgent);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Keeps cookies by name, like a browser on {@code http://localhost}: Chrome and Firefox accept
	 * and send {@code Secure} cookies there, while {@link java.net.CookieManager} drops them on
	 * plain HTTP. It keeps the raw {@code Set-Cookie} lines so tests can check the flags.
	 */
	public static final class CookieJar extends CookieHandler {

		private final Map<String, String> values = new LinkedHashMap<>();

		private final Map<String, String> setCookieLines = new LinkedHashMap<>();

		/** The value of a cookie, if held. */
		public Optional<String> value(String name) {
			return Optional.ofNullable(this.values.get(name));
		}

		/** The last {@code Set-Cookie} line received for a cookie, if any. */
		public Optional<String> lastSetCookie(String name) {
			return Optional.ofNullable(this.setCookieLines.get(name));
		}

		/** Replaces (or with null, removes) a cookie, e.g. to replay an old one. */
		public void set(String name, String value) {
			if (value == null) {
				this.values.remove(name);
			}
			else {
				this.values.put(name, value);
			}
		}

		@Override
		public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
			if (this.values.isEmpty()) {
				return Map.of();
			}
			String header = this.values.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; "));
			return Map.of("Cookie", List.of(header));
		}

		@Override
		public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
			responseHeaders.forEach((name, lines) -> {
				if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
					lines.forEach(this::accept);
				}
			});
		}

		private void accept(String line) {
			String[] parts = line.split(";");
			int eq = parts[0].indexOf('=');
			if (eq < 0) {
				return;
			}
			String name = parts[0].substring(0, eq).strip();
			String value = parts[0].substring(eq + 1).strip();
			this.setCookieLines.put(name, line);
			boolean expired = value.isEmpty();
			for (int i = 1; i < parts.length; i++) {
				String attribute = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
				if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
					expired = true;
				}
			}
			if (expired) {
				this.values.remove(name);
			}
			else {
				this.values.put(name, value);
			}
		}

	}

}
