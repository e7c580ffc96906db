package org.mentorhub.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.env.Environment;

/**
 * The texts of the pages, mails and problems: the files named by {@code spring.messages.basename} (one per area,
 * {@code i18n/*.properties}), merged into one table per language.
 * <p>
 * Why not Boot's own: Boot's {@code ResourceBundleMessageSource} looks a key up in each file in turn, and with
 * 34 files each of a page's texts took up to 34 lookups, one per file until its own (5.5% of a light page's CPU in
 * bench/profile/run.sh). {@link ReloadableResourceBundleMessageSource}, with its cache kept for ever, merges
 * the files of a language once and finds a key in one lookup. Which text wins is unchanged: the first file
 * in the list that has the key, the most specific language first within each file.
 * {@code MessagesConfigurationTests} pins it.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	static MessageSource messageSource(Environment environment) {
		return messageSource(Binder.get(environment)
			.bind("spring.messages", MessageSourceProperties.class)
			.orElseGet(MessageSourceProperties::new));
	}

	static ReloadableResourceBundleMessageSource messageSource(MessageSourceProperties properties) {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasenames(properties.getBasename()
			.stream()
			.map(String::trim)
			.map(name -> name.contains(":") ? name : "classpath:" + name)
			.toArray(String[]::new));
		messages.setDefaultEncoding(
				(properties.getEncoding() != null ? properties.getEncoding() : StandardCharsets.UTF_8).name());
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		if (properties.getCacheDuration() != null) {
			// A duration re-reads the files when it has passed, one file at a time (no merged table).
			messages.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		return messages;
	}

}
