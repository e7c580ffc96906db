package org.mentorhub.wellbeing.chat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The reply model behind an OpenAI-compatible endpoint ({@code POST {base-url}/v1/chat/completions},
 * as Ollama and vLLM serve it), called with Spring's {@link RestClient} and a few records: the
 * documented fallback to Spring AI, which needs a Netty and a WebClient starter that these machines'
 * registry lacks (docs/support-chat.md). QUALITY R7: the whole call, retries included, ends by the
 * configured timeout; a failed attempt is retried while time remains, at most {@code max-attempts}
 * times; a circuit breaker stops calling a model that keeps failing. Any failure is an empty answer,
 * so the chat falls back to its curated replies. Nothing of the conversation is logged.
 */
@Component
class OpenAiCompatibleModel implements ReplyModel {

	private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleModel.class);

	static final String SYSTEM_PROMPT = """
			You are a peer-support companion in a workplace mentoring app for new mothers. You are an AI, not a \
			therapist, doctor or counsellor, and you say so if asked. Listen, reflect feelings warmly, keep answers \
			short (at most five sentences), suggest small practical steps and encourage talking to trusted people, \
			a midwife, health visitor or doctor. Never give medical, legal or medication advice. If she mentions \
			harming herself or anyone else, tell her to call her local emergency number now.""";

	private final SupportChatProperties.Model settings;

	private final HttpClient http;

	private final CircuitBreaker breaker;

	OpenAiCompatibleModel(SupportChatProperties properties) {
		this.settings = properties.model();
		this.http = HttpClient.newBuilder()
			.connectTimeout(min(this.settings.timeout(), Duration.ofSeconds(3)))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.breaker = CircuitBreaker.of("support-chat-model", CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.waitDurationInOpenState(this.settings.breakerOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

	record Message(String role, String content) {
	}

	record CompletionRequest(String model, List<Message> messages, boolean stream,
			@JsonProperty("max_tokens") int maxTokens) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CompletionResponse(List<Choice> choices) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Choice(Message message) {
	}

	CircuitBreaker.State breakerState() {
		return this.breaker.getState();
	}

	/** Closes the breaker again (tests that make the model fail on purpose). */
	void resetBreaker() {
		this.breaker.reset();
	}

	@Override
	public Optional<String> reply(List<Turn> conversation) {
		if (!this.settings.configured()) {
			return Optional.empty();
		}
		long deadline = System.nanoTime() + this.settings.timeout().toNanos();
		for (int attempt = 1; attempt <= this.settings.maxAttempts(); attempt++) {
			long remaining = deadline - System.nanoTime();
			if (remaining < Duration.ofMillis(50).toNanos()) {
				break;
			}
			if (!this.breaker.tryAcquirePermission()) {
				log.warn("Support chat model skipped: its circuit breaker is open");
				return Optional.empty();
			}
			long started = System.nanoTime();
			try {
				String text = call(conversation, Duration.ofNanos(remaining));
				this.breaker.onSuccess(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
				return Optional.ofNullable(text).filter(t -> !t.isBlank());
			}
			catch (RuntimeException ex) {
				this.breaker.onError(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS, ex);
				// The exception's class only: a message may quote the request.
				log.warn("Support chat model attempt {} failed: {}", attempt, ex.getClass().getSimpleName());
			}
		}
		return Optional.empty();
	}

	private String call(List<Turn> conversation, Duration timeout) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(this.http);
		factory.setReadTimeout(timeout);
		RestClient client = RestClient.builder().requestFactory(factory).baseUrl(stripSlash(this.settings.baseUrl())).build();
		List<Message> messages = new ArrayList<>();
		messages.add(new Message("system", SYSTEM_PROMPT));
		for (Turn turn : conversation) {
			messages.add(new Message(turn.fromUser() ? "user" : "assistant", turn.text()));
		}
		RestClient.RequestBodySpec request = client.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON);
		if (this.settings.apiKey() != null && !this.settings.apiKey().isBlank()) {
			request = request.header("Authorization", "Bearer " + this.settings.apiKey());
		}
		CompletionResponse response = request
			.body(new CompletionRequest(this.settings.name(), messages, false, this.settings.maxTokens()))
			.retrieve()
			.body(CompletionResponse.class);
		if (response == null || response.choices() == null || response.choices().isEmpty()
				|| response.choices().get(0).message() == null) {
			throw new IllegalStateException("The model answered without a choice");
		}
		return response.choices().get(0).message().content();
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) < 0 ? a : b;
	}

}
