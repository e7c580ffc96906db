package org.mentorhub.integration.microsoft;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The four Microsoft Graph calls, with Spring's {@link RestClient} and a few records (the Graph SDK
 * is 64 MB): create, update and cancel an event in the signed-in user's calendar, and read free/busy.
 * QUALITY R7: every call has a timeout; an operation makes at most {@code max-attempts} attempts,
 * retrying 429 and 503 after their {@code Retry-After} (up to {@code max-retry-after}), other 5xx
 * answers and timeouts after a short pause; a 401 refreshes the access token once; a circuit breaker
 * stops calling Graph while it keeps failing. A token or a response body never reaches a log line or
 * an exception message.
 */
@Component
class GraphClient {

	private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

	private final MicrosoftProperties properties;

	private final MicrosoftConnections connections;

	private final RestClient events;

	private final RestClient freeBusy;

	private final CircuitBreaker breaker;

	GraphClient(MicrosoftProperties properties, MicrosoftConnections connections) {
		this.properties = properties;
		this.connections = connections;
		this.events = client(properties.timeout());
		this.freeBusy = client(properties.freeBusyTimeout());
		this.breaker = CircuitBreaker.of("microsoft-graph", CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(properties.breakerOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

	private RestClient client(Duration timeout) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(timeout);
		String base = this.properties.graphBaseUrl();
		return RestClient.builder()
			.requestFactory(factory)
			.baseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
			.build();
	}

	// ---------------------------------------------------------------- Graph's shapes

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DateTimeZone(String dateTime, String timeZone) {

		static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

		static DateTimeZone utc(Instant instant) {
			return new DateTimeZone(FORMAT.format(instant.atZone(java.time.ZoneOffset.UTC)), "UTC");
		}

		Instant instant() {
			String text = this.dateTime.length() > 19 ? this.dateTime.substring(0, 19) : this.dateTime;
			java.time.ZoneId zone = this.timeZone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(this.timeZone);
			return java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
		}

	}

	record EmailAddress(String address, String name) {
	}

	record Attendee(EmailAddress emailAddress, String type) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ItemBody(String contentType, String content) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Location(String displayName) {
	}

	/** A new event ({@code POST /me/events}); {@code transactionId} makes a retried create idempotent. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NewEvent(String subject, ItemBody body, DateTimeZone start, DateTimeZone end, Location location,
			List<Attendee> attendees, Boolean isOnlineMeeting, String onlineMeetingProvider, String transactionId) {
	}

	/** A change of an event, sent as a PATCH of the event. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventChange(String subject, DateTimeZone start, DateTimeZone end, Location location) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OnlineMeeting(String joinUrl) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Event(String id, OnlineMeeting onlineMeeting, String onlineMeetingUrl) {

		String joinUrl() {
			return this.onlineMeeting != null && this.onlineMeeting.joinUrl() != null ? this.onlineMeeting.joinUrl()
					: this.onlineMeetingUrl;
		}

	}

	record Cancel(String comment) {
	}

	record ScheduleRequest(List<String> schedules, DateTimeZone startTime, DateTimeZone endTime,
			int availabilityViewInterval) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ScheduleItem(String status, DateTimeZone start, DateTimeZone end) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ScheduleInformation(String scheduleId, List<ScheduleItem> scheduleItems) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ScheduleResponse(List<ScheduleInformation> value) {
	}

	/** A Graph operation that did not succeed, in words a person may read (no body, no token). */
	static class GraphException extends RuntimeException {

		GraphException(String message) {
			super(message);
		}

	}

	// ---------------------------------------------------------------- operations

	Event createEvent(long userId, NewEvent event) {
		return execute(userId, this.events, this.properties.maxAttempts(), (client, token) -> client.post()
			.uri("/me/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(event)
			.retrieve()
			.body(Event.class));
	}

	Event updateEvent(long userId, String eventId, EventChange change) {
		return execute(userId, this.events, this.properties.maxAttempts(), (client, token) -> client.patch()
			.uri("/me/events/{id}", eventId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(change)
			.retrieve()
			.body(Event.class));
	}

	void cancelEvent(long userId, String eventId, String comment) {
		execute(userId, this.events, this.properties.maxAttempts(), (client, token) -> client.post()
			.uri("/me/events/{id}/cancel", eventId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Cancel(comment))
			.retrieve()
			.toBodilessEntity());
	}

	/** The busy times of the user's own calendar in the time from {@code from} (included) to {@code to} (excluded): one attempt, the short timeout. */
	List<ScheduleItem> schedule(long userId, String email, Instant from, Instant to) {
		ScheduleResponse response = execute(userId, this.freeBusy, 1, (client, token) -> client.post()
			.uri("/me/calendar/getSchedule")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("Prefer", "outlook.timezone=\"UTC\"")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(new ScheduleRequest(List.of(email), DateTimeZone.utc(from), DateTimeZone.utc(to), 30))
			.retrieve()
			.body(ScheduleResponse.class));
		if (response == null || response.value() == null) {
			return List.of();
		}
		return response.value().stream()
			.filter(info -> info.scheduleItems() != null)
			.flatMap(info -> info.scheduleItems().stream())
			.toList();
	}

	CircuitBreaker.State breakerState() {
		return this.breaker.getState();
	}

	/** Closes the breaker again (tests that make Graph fail on purpose). */
	void resetBreaker() {
		this.breaker.reset();
	}

	private interface Call<T> {

		T call(RestClient client, String token);

	}

	private <T> T execute(long userId, RestClient client, int maxAttempts, Call<T> call) {
		boolean refreshed = false;
		String problem = "Microsoft 365 did not answer.";
		for (int attempt = 1; attempt <= maxAttempts; attempt++) {
			if (!this.breaker.tryAcquirePermission()) {
				throw new GraphException("Microsoft 365 is failing at the moment; MentorHub pauses its calls for a while.");
			}
			String token = this.connections.accessToken(userId, false);
			long started = System.nanoTime();
			try {
				T result = call.call(client, token);
				this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				return result;
			}
			catch (RestClientResponseException ex) {
				int status = ex.getStatusCode().value();
				if (status == 401 && !refreshed) {
					this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
					refreshed = true;
					this.connections.accessToken(userId, true);
					problem = "Microsoft 365 refused the access token.";
					continue;
				}
				if (status == 429 || status >= 500) {
					this.breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
					problem = status == 429 ? "Microsoft 365 asked MentorHub to slow down (too many requests)."
							: "Microsoft 365 answered with an error (" + status + ").";
					log.warn("Graph attempt {} of {} for user {} failed with {}", attempt, maxAttempts, userId, status);
					if (attempt == maxAttempts) {
						break;
					}
					Duration wait = retryAfter(ex.getResponseHeaders(), status, attempt);
					if (wait == null) {
						problem = "Microsoft 365 asked MentorHub to wait longer than it may.";
						break;
					}
					pause(wait);
					continue;
				}
				this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				throw new GraphException(status == 404 ? "The event no longer exists in Outlook."
						: status == 403 ? "Microsoft 365 does not allow MentorHub to change this calendar."
								: "Microsoft 365 refused the request (" + status + ").");
			}
			catch (RestClientException ex) {
				this.breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
				// The class only: a message may quote the request.
				log.warn("Graph attempt {} of {} for user {} failed: {}", attempt, maxAttempts, userId,
						ex.getClass().getSimpleName());
				problem = "Microsoft 365 did not answer in time.";
				if (attempt < maxAttempts) {
					pause(Duration.ofMillis(200L * attempt));
				}
			}
		}
		throw new GraphException(problem);
	}

	/** How long to wait before the next attempt; null when Retry-After asks for more than allowed. */
	Duration retryAfter(HttpHeaders headers, int status, int attempt) {
		String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
		Duration wait = null;
		if (value != null && !value.isBlank()) {
			try {
				wait = Duration.ofSeconds(Long.parseLong(value.strip()));
			}
			catch (NumberFormatException ex) {
				try {
					wait = Duration.between(Instant.now(),
							ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				}
				catch (DateTimeParseException ignored) {
					wait = null;
				}
			}
		}
		if (wait == null || wait.isNegative()) {
			wait = Duration.ofMillis(status == 429 ? 1000L * attempt : 200L * attempt);
		}
		return wait.compareTo(this.properties.maxRetryAfter()) > 0 ? null : wait;
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GraphException("Interrupted while waiting to retry.");
		}
	}


}
