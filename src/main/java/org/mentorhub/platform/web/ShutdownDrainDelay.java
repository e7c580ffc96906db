package org.mentorhub.platform.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The pause between "readiness is OUT_OF_SERVICE" and "the public port stops taking requests" when an
 * instance stops ({@code mentorhub.platform.shutdown.drain-delay}, docs/operations.md "Stopping an
 * instance").
 * <p>
 * When the application context starts closing, Spring Boot turns readiness to REFUSING_TRAFFIC, and the web
 * server's graceful shutdown then closes the listening socket and rejects any request that arrives on an
 * idle keep-alive connection. A load balancer that still counts the instance as up (it notices the failed
 * readiness check only after its check interval times its fall count) has such idle connections open and
 * sends requests down them: those requests fail. During this delay the instance keeps serving every
 * request normally while its readiness check fails, so the balancer takes it out first; only then does the
 * graceful shutdown begin. Zero (the default, for development and tests) means no pause.
 * <p>
 * It runs in a lifecycle phase just above the web server's graceful shutdown, so it stops first.
 */
@Component
class ShutdownDrainDelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrainDelay.class);

	private final Duration delay;

	private volatile boolean running;

	ShutdownDrainDelay(@Value("${mentorhub.platform.shutdown.drain-delay:0s}") Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("mentorhub.platform.shutdown.drain-delay must not be negative");
		}
		this.delay = delay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.delay.isZero()) {
			return;
		}
		log.info("Shutting down: readiness is OUT_OF_SERVICE; serving requests for {} more before the web server drains",
				this.delay);
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;
	}

}
