package org.mentorhub.notification.live;

import org.mentorhub.OtherInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second MentorHub instance ({@link OtherInstance}) shared by the live-notification tests. Started on first use,
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
			context = OtherInstance.start("mentorhub.notification.live.max-per-instance=" + MAX_STREAMS);
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
		return OtherInstance.port(context());
	}

	static <T> T bean(Class<T> type) {
		return context().getBean(type);
	}

}
