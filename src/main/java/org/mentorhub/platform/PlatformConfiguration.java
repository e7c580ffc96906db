package org.mentorhub.platform;

import java.time.Clock;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/** Beans every module shares: the clock (replaceable in tests) and the platform properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PlatformProperties.class, CacheProperties.class,
		org.mentorhub.platform.mail.MailProperties.class })
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Work handed to Spring's task executor (event listeners after the commit, {@code @Async}) keeps the
	 * logging context of the thread that handed it over, so its log lines carry the request id.
	 */
	@Bean
	TaskDecorator loggingContextTaskDecorator() {
		return task -> {
			Map<String, String> handedOver = MDC.getCopyOfContextMap();
			return () -> {
				Map<String, String> previous = MDC.getCopyOfContextMap();
				replaceLoggingContext(handedOver);
				try {
					task.run();
				}
				finally {
					replaceLoggingContext(previous);
				}
			};
		};
	}

	private static void replaceLoggingContext(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

}
