package org.mentorhub.notification.live;

import org.mentorhub.MentorHubApplication;
import org.mentorhub.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second MentorHub instance in the test JVM, on its own random port, on the same database as the
 * test's own application context ({@code mentorhub.test.db}: the in-memory H2 database is shared
 * within the JVM, PostgreSQL and MariaDB are the same server and database). Started on first use,
 * stopped by {@link #stop()}. It allows {@value #MAX_STREAMS} open streams, so that a
 * test can fill it up.
 */
final class SecondInstance {

	/** The second instance's {@code mentorhub.notification.live.max-per-instance}. */
	static final int MAX_STREAMS = 20;

	private static ConfigurableApplicationContext context;

	private SecondInstance() {
	}

	/** The second instance's application context, started on first use. */
	static synchronized ConfigurableApplicationContext context() {
		if (context == null) {
			String[] profiles = new TestDatabase().resolve(SecondInstance.class);
			context = new SpringApplicationBuilder(MentorHubApplication.class).profiles(profiles)
				.properties("server.port=0", "spring.main.banner-mode=off",
						"mentorhub.notification.live.max-per-instance=" + MAX_STREAMS)
				.run();
		}
		return context;
	}

	/**
	 * Stops the second instance (each test class that uses it stops it when done), so that its
	 * schedulers do not run beside the rest of the suite.
	 */
	static synchronized void stop() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	/** The second instance's port. */
	static int port() {
		return ((WebServerApplicationContext) context()).getWebServer().getPort();
	}

	static <T> T bean(Class<T> type) {
		return context().getBean(type);
	}

}
