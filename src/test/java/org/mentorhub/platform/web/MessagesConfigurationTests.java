package org.mentorhub.platform.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The merged texts answer as Boot's file-by-file message source did: every key of every file of
 * {@code spring.messages.basename}, in any language asked for, with its arguments, the first file winning.
 */
class MessagesConfigurationTests {

	static final String BASENAMES = String.join(",",
			"messages", "i18n/account", "i18n/session", "i18n/privacy-erasure");

	final MessageSource merged = MessagesConfiguration
		.messageSource(new MockEnvironment().withProperty("spring.messages.basename", BASENAMES)
			.withProperty("spring.messages.fallback-to-system-locale", "false"));

	@Test
	void everyKeyOfEveryFileReadsAsBootsMessageSourceReadsIt() throws Exception {
		ResourceBundleMessageSource fileByFile = new ResourceBundleMessageSource();
		fileByFile.setBasenames(BASENAMES.split(","));
		fileByFile.setDefaultEncoding("UTF-8");
		fileByFile.setFallbackToSystemLocale(false);
		int keys = 0;
		for (String basename : BASENAMES.split(",")) {
			java.util.Properties file = new java.util.Properties();
			try (var in = new java.io.InputStreamReader(
					getClass().getResourceAsStream("/" + basename + ".properties"), java.nio.charset.StandardCharsets.UTF_8)) {
				file.load(in);
			}
			for (String key : file.stringPropertyNames()) {
				for (Locale locale : new Locale[] { Locale.ENGLISH, Locale.GERMANY, Locale.ROOT }) {
					Object[] args = { 3, 4, 5 };
					assertThat(this.merged.getMessage(key, args, locale)).as(key)
						.isEqualTo(fileByFile.getMessage(key, args, locale));
					assertThat(this.merged.getMessage(key, null, locale)).as(key)
						.isEqualTo(fileByFile.getMessage(key, null, locale));
				}
				keys++;
			}
		}
		assertThat(keys).as("keys compared").isGreaterThan(300);
	}

	@Test
	void aKeyOfTheLastFileIsFoundAndAnUnknownKeyIsNot() {
		assertThat(this.merged.getMessage("privacy.erasure.col.reason", null, Locale.ENGLISH)).isEqualTo("My reason");
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> this.merged.getMessage("no.such.key", null, Locale.ENGLISH));
	}

}
