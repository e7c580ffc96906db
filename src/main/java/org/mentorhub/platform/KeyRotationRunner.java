package org.mentorhub.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The key rotation command (docs/operations.md, "Rotating the encryption key"), run at start-up when
 * {@code mentorhub.crypto.reseal.run=true}: for example
 * {@code java -jar mentorhub.jar --spring.main.web-application-type=none --mentorhub.crypto.reseal.run=true}
 * with the new key active and the old one still in the ring. It logs what each module re-sealed and,
 * unless {@code mentorhub.crypto.reseal.exit=false}, stops the application with exit code 0 when no value
 * is left under another key, 1 otherwise (run it again: it resumes).
 */
@Component
@ConditionalOnProperty(name = "mentorhub.crypto.reseal.run", havingValue = "true")
class KeyRotationRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KeyRotationRunner.class);

	private final KeyRotation rotation;

	private final ConfigurableApplicationContext context;

	private final int batchSize;

	private final boolean exit;

	private volatile KeyRotation.Result result;

	KeyRotationRunner(KeyRotation rotation, ConfigurableApplicationContext context,
			@Value("${mentorhub.crypto.reseal.batch-size:200}") int batchSize,
			@Value("${mentorhub.crypto.reseal.exit:true}") boolean exit) {
		if (batchSize < 1) {
			throw new IllegalStateException("mentorhub.crypto.reseal.batch-size must be at least 1, not " + batchSize);
		}
		this.rotation = rotation;
		this.context = context;
		this.batchSize = batchSize;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.result = this.rotation.resealAll(this.batchSize);
		log.info("Key rotation {}: {}", this.result.complete() ? "complete" : "INCOMPLETE", this.result.counts());
		if (this.exit) {
			int code = SpringApplication.exit(this.context, () -> this.result.complete() ? 0 : 1);
			System.exit(code);
		}
	}

	/** What the last run did (null before it ran). */
	KeyRotation.Result result() {
		return this.result;
	}

}
