package org.mentorhub.notification.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the digest job and of the read-notifications retention rule ({@code mentorhub.notification.*}).
 *
 * @param digest the daily digest
 * @param retention how long a read notification is kept after it was read
 * @param purge the purge job
 */
@ConfigurationProperties("mentorhub.notification")
record NotificationMailProperties(@DefaultValue Digest digest, @DefaultValue("P180D") Duration retention,
		@DefaultValue Purge purge) {

	NotificationMailProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("mentorhub.notification.retention must be positive, not " + retention);
		}
	}

	/**
	 * The daily digest.
	 *
	 * @param interval how often the job looks for people whose digest is due
	 * @param hour the hour of the day (0 to 23, in each person's time zone) from which the day's digest is sent
	 * @param listed the most notifications one digest lists; it counts the others
	 * @param batch people per batch of the job's queries
	 * @param maxPerRun the most digests one run sends; the next run sends the rest
	 */
	record Digest(@DefaultValue("PT15M") Duration interval, @DefaultValue("7") int hour, @DefaultValue("50") int listed,
			@DefaultValue("200") int batch, @DefaultValue("2000") int maxPerRun) {

		Digest {
			if (hour < 0 || hour > 23) {
				throw new IllegalArgumentException("mentorhub.notification.digest.hour is 0 to 23, not " + hour);
			}
			if (listed < 1 || batch < 1 || maxPerRun < 1) {
				throw new IllegalArgumentException("mentorhub.notification.digest listed, batch and max-per-run are positive");
			}
		}

	}

	/**
	 * The purge of read notifications (run by the privacy module's one purge job, on its schedule).
	 *
	 * @param batch notifications deleted per statement
	 * @param maxBatches the most batches one run deletes; the next run deletes the rest
	 */
	record Purge(@DefaultValue("1000") int batch, @DefaultValue("100") int maxBatches) {

		Purge {
			if (batch < 1 || maxBatches < 1) {
				throw new IllegalArgumentException("mentorhub.notification.purge batch and max-batches are positive");
			}
		}

	}

}
