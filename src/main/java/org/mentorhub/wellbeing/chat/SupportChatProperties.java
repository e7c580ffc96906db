package org.mentorhub.wellbeing.chat;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The support chat's settings ({@code mentorhub.wellbeing.chat}, docs/support-chat.md).
 *
 * @param model the OpenAI-compatible endpoint; without a base URL the curated replies answer
 * @param retention how long messages are kept (30 days by default)
 * @param disclosureEvery how often in use the chat says again that it is an AI (at most 3 hours)
 * @param maxMessageLength the longest message she may write
 * @param maxReplyLength the longest reply shown; a longer model answer is cut at a word
 * @param helpLines the help lines of the crisis answer where the institution has set none
 * @param messagesPerMinute how many messages one person may send a minute (QUALITY S14)
 * @param purgeBatch the rows the retention purge deletes per statement
 */
@ConfigurationProperties("mentorhub.wellbeing.chat")
record SupportChatProperties(@DefaultValue Model model, @DefaultValue("30d") Duration retention,
		@DefaultValue("3h") Duration disclosureEvery, @DefaultValue("2000") int maxMessageLength,
		@DefaultValue("1200") int maxReplyLength,
		@DefaultValue({ "988 Suicide & Crisis Lifeline (US) - call or text 988",
				"116 123 Samaritans and emotional support lines (UK, Ireland and much of Europe)",
				"112 Emergency services (Europe) - or your local emergency number" }) List<String> helpLines,
		@DefaultValue("12") int messagesPerMinute, @DefaultValue("500") int purgeBatch) {

	/**
	 * The model endpoint ({@code POST {base-url}/v1/chat/completions}).
	 *
	 * @param baseUrl such as {@code http://localhost:11434} for Ollama; blank for no model
	 * @param name the model's name at the endpoint
	 * @param apiKey the bearer token, if the endpoint needs one (from the environment, never the repository)
	 * @param timeout the longest a message waits for the model, retries included
	 * @param maxAttempts the attempts within that time (bounded retry)
	 * @param breakerOpenFor how long the circuit breaker stops calling a failing model
	 * @param maxTokens the reply's token budget
	 */
	record Model(String baseUrl, @DefaultValue("llama3.2") String name, String apiKey,
			@DefaultValue("8s") Duration timeout, @DefaultValue("2") int maxAttempts,
			@DefaultValue("60s") Duration breakerOpenFor, @DefaultValue("300") int maxTokens) {

		boolean configured() {
			return this.baseUrl != null && !this.baseUrl.isBlank();
		}

	}

}
